package io.queryset.docs.bookstore;

import io.queryset.Manager;
import io.queryset.testing.Fixture;
import java.time.LocalDate;
import java.util.List;

/**
 * The rows the examples of docs/coming-from-django.md and docs/coming-from-spring-data-r2dbc.md run against; the
 * pages show the same table. Inserted in this order, so on fresh tables the keys are 1, 2, 3 ....
 */
public final class Bookstore {

    /** The models, parents first. */
    public static final Class<?>[] MODELS = {Publisher.class, Author.class, Book.class};

    private Bookstore() {
    }

    /** Inserts three publishers, three authors and four books through the fixture's blocking setup database. */
    public static void seed(Fixture fx) {
        for (Class<?> model : MODELS) {
            fx.manager(model);      // every model known to the database under test, as the Spring Boot starter does
        }
        Manager<Publisher> publishers = fx.blocking(Publisher.class);
        Manager<Author> authors = fx.blocking(Author.class);
        Manager<Book> books = fx.blocking(Book.class);
        Publisher apress = publishers.create(new Publisher("Apress", 3));
        Publisher manning = publishers.create(new Publisher("Manning", 1));
        publishers.create(new Publisher("No Starch", 0));
        Author ann = authors.create(new Author("Ann"));
        Author bob = authors.create(new Author("Bob"));
        Author cy = authors.create(new Author("Cy"));
        Book pro = books.create(new Book("9781430210474", "Pro Django", 300, "39.99", 4.0, LocalDate.of(2008, 12, 1), apress));
        Book practical = books.create(new Book("9781590599969", "Practical Django Projects", 256, "29.99", 3.5,
                LocalDate.of(2008, 6, 23), apress));
        Book spring = books.create(new Book("9781617297571", "Spring in Action", 520, "49.99", 4.5,
                LocalDate.of(2022, 3, 1), manning));
        Book r2dbc = books.create(new Book("9781484269886", "R2DBC Revealed", 280, "34.99", 3.0,
                LocalDate.of(2021, 1, 15), apress));
        books.m2m(pro, "authors").add(ann);
        books.m2m(practical, "authors").add(ann, bob);
        books.m2m(spring, "authors").add(cy);
        books.m2m(r2dbc, "authors").add(bob);
    }

    /** The names of {@code rows}, in order. */
    public static List<String> names(List<Book> rows) {
        return rows.stream().map(b -> b.name).toList();
    }
}
