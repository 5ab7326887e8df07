package io.queryset.docs;

import io.queryset.testing.Fixture;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The eight books the examples of docs/queryset-reference.md and docs/lookups.md run against; the pages show
 * the same table. Inserted in this order, so on a fresh table their keys are 1..8.
 */
final class Catalogue {

    private Catalogue() {
    }

    static List<Book> unsaved() {
        return List.of(
                book("Dune", Genre.NOVEL, 412, "9.99", LocalDate.of(1965, 8, 1)),
                book("Emma", Genre.NOVEL, 474, "7.50", LocalDate.of(1815, 12, 23)),
                book("War and Peace", Genre.NOVEL, 1225, "12.00", LocalDate.of(1869, 3, 1)),
                book("Leaves of Grass", Genre.POETRY, 145, "5.00", LocalDate.of(1855, 7, 4)),
                book("The Waste Land", Genre.POETRY, 64, "4.50", LocalDate.of(1922, 10, 15)),
                book("A Brief History of Time", Genre.SCIENCE, 256, "15.00", LocalDate.of(1988, 4, 1)),
                book("The Selfish Gene", Genre.SCIENCE, 360, "11.00", LocalDate.of(1976, 5, 13)),
                book("Draft_1 (100% unfinished)", Genre.NOVEL, 90, "3.00", null));
    }

    /** Inserts the eight books through the fixture's blocking setup database and returns them with their keys. */
    static List<Book> seed(Fixture fx) {
        return fx.blocking(Book.class).bulkCreate(unsaved());
    }

    private static Book book(String title, Genre genre, int pages, String price, LocalDate published) {
        return new Book(null, title, genre, pages, new BigDecimal(price), published);
    }

    /** The titles of {@code books}, in order. */
    static List<String> titles(List<Book> books) {
        return books.stream().map(Book::title).toList();
    }
}
