package io.queryset.docs;

import static io.queryset.docs.bookstore.Bookstore.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.CreateResult;
import io.queryset.Database;
import io.queryset.DeleteResult;
import io.queryset.F;
import io.queryset.Manager;
import io.queryset.ObjectDoesNotExistException;
import io.queryset.Q;
import io.queryset.docs.bookstore.Author;
import io.queryset.docs.bookstore.Book;
import io.queryset.docs.bookstore.Bookstore;
import io.queryset.docs.bookstore.Publisher;
import io.queryset.expr.Avg;
import io.queryset.expr.Count;
import io.queryset.expr.Exists;
import io.queryset.expr.OuterRef;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Checks docs/coming-from-django.md: each Django snippet's Java translation, in the same words (DocSnippetsTest
 * compares them), against the rows of {@link Bookstore} on H2 and PostgreSQL.
 */
@TestModels({Publisher.class, Author.class, Book.class})
class ComingFromDjangoDocTest {

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void queries(Fixture fx) {
        Bookstore.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Manager<Publisher> publishers = fx.manager(Publisher.class);

        // Book.objects.filter(publisher__name="Apress").exclude(pages__lt=280).order_by("-pubdate")
        List<Book> a = books.filter("publisher__name", "Apress").exclude("pages__lt", 280).orderBy("-pubdate").list();
        // [R2DBC Revealed, Pro Django]

        // Book.objects.filter(Q(pages__gt=500) | ~Q(publisher__name="Apress")).count()
        long b = books.filter(Q.of("pages__gt", 500).or(Q.not(Q.of("publisher__name", "Apress")))).count();   // 1

        // Book.objects.filter(rating__gt=F("publisher__num_awards"))
        List<Book> c = books.filter("rating__gt", F.of("publisher__numAwards")).list();
        // [Practical Django Projects, Pro Django, Spring in Action]

        // Book.objects.filter(authors__name="Bob").order_by("name").values_list("name", flat=True)
        List<String> d = books.filter("authors__name", "Bob").orderBy("name").valuesList(String.class, "name").list();
        // [Practical Django Projects, R2DBC Revealed]

        // Book.objects.get(isbn="9781430210474")
        Book e = books.get("isbn", "9781430210474");                                         // Pro Django

        // Publisher.objects.filter(books__isnull=True)
        List<Publisher> f = publishers.filter("books__isnull", true).list();                // [No Starch]

        assertThat(names(a)).containsExactly("R2DBC Revealed", "Pro Django");
        assertThat(b).isEqualTo(1);
        assertThat(names(c)).containsExactly("Practical Django Projects", "Pro Django", "Spring in Action");
        assertThat(d).containsExactly("Practical Django Projects", "R2DBC Revealed");
        assertThat(e.name).isEqualTo("Pro Django");
        assertThat(f).extracting(p -> p.name).containsExactly("No Starch");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void aggregation(Fixture fx) {
        Bookstore.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Manager<Publisher> publishers = fx.manager(Publisher.class);

        // Book.objects.aggregate(Avg("rating"))
        Map<String, Object> a = books.aggregate(Avg.of("rating"));                          // {rating__avg=3.75}

        // Publisher.objects.annotate(num_books=Count("books")).filter(num_books__gt=1)
        List<Publisher> b = publishers.annotate("numBooks", Count.of("books")).filter("numBooks__gt", 1).list();
        // [Apress], b.get(0).numBooks == 3

        // Book.objects.values("publisher__name").annotate(avg=Avg("rating")).order_by("publisher__name")
        List<Map<String, Object>> c = books.values("publisher__name").annotate("avg", Avg.of("rating"))
                .orderBy("publisher__name").list();
        // [{publisher__name=Apress, avg=3.5}, {publisher__name=Manning, avg=4.5}]

        // Publisher.objects.filter(Exists(Book.objects.filter(publisher=OuterRef("pk"), pages__gt=500)))
        List<Publisher> d = publishers.filter(Exists.of(books.filter(Map.of("publisher", OuterRef.of("pk"),
                "pages__gt", 500)))).list();                                                  // [Manning]

        assertThat(a).isEqualTo(Map.of("rating__avg", 3.75));
        assertThat(b).extracting(p -> p.name).containsExactly("Apress");
        assertThat(b.get(0).numBooks).isEqualTo(3L);
        assertThat(c).containsExactly(Map.of("publisher__name", "Apress", "avg", 3.5),
                Map.of("publisher__name", "Manning", "avg", 4.5));
        assertThat(d).extracting(p -> p.name).containsExactly("Manning");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void relations(Fixture fx) {
        Bookstore.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Manager<Publisher> publishers = fx.manager(Publisher.class);

        // Book.objects.get(name="Pro Django").publisher.name   (a second query, done lazily by Django)
        String a = books.get("name", "Pro Django").publisher.name;                          // null: only the key was read

        // Book.objects.select_related("publisher").get(name="Pro Django").publisher.name
        String b = books.selectRelated("publisher").get("name", "Pro Django").publisher.name;   // Apress

        // Publisher.objects.prefetch_related("books").get(name="Apress").books.all()
        List<Book> c = publishers.prefetchRelated("books").get("name", "Apress").books;     // 3 books, in 2 queries

        // apress.books.count(); apress.books.add(book)
        Publisher apress = publishers.get("name", "Apress");
        long d = publishers.<Book>related(apress, "books").count();                          // 3

        // book.authors.all()
        Book practical = books.get("name", "Practical Django Projects");
        List<Author> e = books.<Author>m2m(practical, "authors").list();                     // [Ann, Bob]

        assertThat(a).isNull();
        assertThat(b).isEqualTo("Apress");
        assertThat(names(c)).containsExactly("Practical Django Projects", "Pro Django", "R2DBC Revealed");
        assertThat(d).isEqualTo(3);
        assertThat(e).extracting(x -> x.name).containsExactly("Ann", "Bob");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void writes(Fixture fx) {
        Bookstore.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Manager<Publisher> publishers = fx.manager(Publisher.class);
        Database db = fx.db();

        // Book.objects.filter(publisher__name="Apress").update(price=F("price") * 0.9)
        int a = books.filter("publisher__name", "Apress").update(Map.of("price", F.of("price").times(0.9)));   // 3

        // obj, created = Publisher.objects.get_or_create(name="O'Reilly", defaults={"num_awards": 5})
        CreateResult<Publisher> b = publishers.getOrCreate(Q.of("name", "O'Reilly"), Map.of("numAwards", 5));
        // b.created() == true, b.object().numAwards == 5

        // with transaction.atomic(): ...
        Publisher c = db.atomic(() -> {
            Publisher p = publishers.create(new Publisher("Pragmatic", 2));
            books.create(new Book("9781680502398", "Programming Phoenix", 300, "40.00", 4.0, null, p));
            return p;
        });

        // Publisher.objects.filter(name="Manning").delete()
        DeleteResult d = publishers.filter("name", "Manning").delete();
        // total 3: {Publisher=1, Book=1, Book_authors=1}

        assertThat(a).isEqualTo(3);
        assertThat(b.created()).isTrue();
        assertThat(b.object().numAwards).isEqualTo(5);
        assertThat(books.filter("publisher", c).count()).isEqualTo(1);
        assertThat(d.total()).isEqualTo(3);
        assertThat(d.perModel()).isEqualTo(Map.of("Publisher", 1L, "Book", 1L, "Book_authors", 1L));
        assertThat(books.get("name", "Pro Django").price).isEqualByComparingTo(new BigDecimal("35.99"));
    }

    @DatabaseMatrix(modes = {ExecutionMode.NATIVE, ExecutionMode.BRIDGED})
    void async(Fixture fx) {
        Bookstore.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Manager<Publisher> publishers = fx.manager(Publisher.class);
        Database db = fx.db();

        // n = await Book.objects.filter(publisher__name="Apress").acount()
        Mono<Long> a = books.filter("publisher__name", "Apress").acount();                    // 3

        // async for b in Book.objects.filter(rating__gte=4): ...
        List<Book> b = fx.awaitAll(books.filter("rating__gte", 4).aiterator());              // [Pro Django, Spring in Action]

        // no Django equivalent: an async transaction
        Mono<Book> c = db.aatomic(publishers.acreate(new Publisher("Pragmatic", 2))
                .flatMap(p -> books.acreate(new Book("9781680502398", "Programming Phoenix", 300, "40.00", 4.0,
                        LocalDate.of(2016, 4, 1), p))));

        assertThat(fx.await(a)).isEqualTo(3L);
        assertThat(names(b)).containsExactly("Pro Django", "Spring in Action");
        assertThat(fx.await(c).id).isNotNull();
        assertThat(fx.blocking(Book.class).filter("publisher__name", "Pragmatic").count()).isEqualTo(1);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void exceptions(Fixture fx) {
        Bookstore.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        // try: Book.objects.get(name="Dune") except Book.DoesNotExist: ...
        assertThatThrownBy(() -> books.get("name", "Dune"))
                .isInstanceOf(ObjectDoesNotExistException.class)
                .hasMessage("Book matching query does not exist.");
    }
}
