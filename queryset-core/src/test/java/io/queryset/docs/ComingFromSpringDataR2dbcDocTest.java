package io.queryset.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.BulkCreateOptions;
import io.queryset.Manager;
import io.queryset.QuerySet;
import io.queryset.docs.bookstore.Author;
import io.queryset.docs.bookstore.Book;
import io.queryset.docs.bookstore.Bookstore;
import io.queryset.docs.bookstore.Publisher;
import io.queryset.expr.Avg;
import io.queryset.expr.Count;
import io.queryset.testing.DatabaseKind;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checks docs/coming-from-spring-data-r2dbc.md: the QuerySet side of each comparison, and the hand-written
 * {@code DatabaseClient} side where the page shows one, in the same words (DocSnippetsTest compares them), against
 * the rows of {@link Bookstore} on H2 and PostgreSQL, NATIVE (R2DBC) unless the example is about the other sides.
 */
@TestModels({Publisher.class, Author.class, Book.class})
class ComingFromSpringDataR2dbcDocTest {

    /** Not MariaDB: the page's hand-written SQL quotes names the standard way, which MariaDB reads as strings. */
    @DatabaseMatrix(databases = {DatabaseKind.H2, DatabaseKind.POSTGRES}, modes = ExecutionMode.NATIVE)
    void joins(Fixture fx) {
        Bookstore.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        DatabaseClient client = DatabaseClient.create(fx.connectionFactory());

        Flux<String> byHand = client.sql("""
                        SELECT b."name" FROM "bookstore_book" b
                        JOIN "bookstore_publisher" p ON p."id" = b."publisher_id"
                        WHERE p."name" = :publisher AND b."rating" > :rating
                        ORDER BY b."name\"""")
                .bind("publisher", "Apress")
                .bind("rating", 3.2)
                .map(row -> row.get("name", String.class))
                .all();

        Flux<String> withQuerySet = books.filter("publisher__name", "Apress").filter("rating__gt", 3.2)
                .orderBy("name").valuesList(String.class, "name").aiterator();
        // [Practical Django Projects, Pro Django]

        assertThat(fx.awaitAll(withQuerySet)).containsExactly("Practical Django Projects", "Pro Django")
                .isEqualTo(fx.awaitAll(byHand));
    }

    @DatabaseMatrix(modes = ExecutionMode.NATIVE)
    void grouping(Fixture fx) {
        Bookstore.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Manager<Publisher> publishers = fx.manager(Publisher.class);

        Mono<List<Map<String, Object>>> perPublisher = books.values("publisher__name")
                .annotate("books", Count.of("id")).annotate("avgRating", Avg.of("rating"))
                .orderBy("publisher__name").alist();
        // [{publisher__name=Apress, books=3, avgRating=3.5}, {publisher__name=Manning, books=1, avgRating=4.5}]

        Mono<List<Publisher>> busy = publishers.annotate("numBooks", Count.of("books"))
                .filter("numBooks__gte", 1).orderBy("-numBooks").alist();   // HAVING COUNT(...) >= 1: [Apress, Manning]

        assertThat(fx.await(perPublisher)).containsExactly(
                Map.of("publisher__name", "Apress", "books", 3L, "avgRating", 3.5),
                Map.of("publisher__name", "Manning", "books", 1L, "avgRating", 4.5));
        assertThat(fx.await(busy)).extracting(p -> p.name).containsExactly("Apress", "Manning");
    }

    @DatabaseMatrix(modes = ExecutionMode.NATIVE)
    void relations(Fixture fx) {
        Bookstore.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Manager<Publisher> publishers = fx.manager(Publisher.class);

        Mono<Book> withPublisher = books.selectRelated("publisher").aget("isbn", "9781617297571");
        // one query with a JOIN: book.publisher.name == "Manning"
        Mono<List<Publisher>> withBooks = publishers.prefetchRelated("books__authors").alist();
        // three queries in all: publishers, their books, the books' authors

        assertThat(fx.await(withPublisher).publisher.name).isEqualTo("Manning");
        List<Publisher> loaded = fx.await(withBooks);
        assertThat(loaded).extracting(p -> p.name).containsExactly("Apress", "Manning", "No Starch");
        assertThat(loaded.get(0).books).extracting(b -> b.name)
                .containsExactly("Practical Django Projects", "Pro Django", "R2DBC Revealed");
        assertThat(loaded.get(0).books.get(0).authors).extracting(a -> a.name).containsExactly("Ann", "Bob");
    }

    @DatabaseMatrix(modes = ExecutionMode.NATIVE)
    void bulkInsertAndUpsert(Fixture fx) {
        Bookstore.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Publisher apress = fx.blocking(Publisher.class).get("name", "Apress");

        Mono<List<Book>> upserted = books.abulkCreate(List.of(
                new Book("9781430210474", "Pro Django", 300, "29.99", 4.0, LocalDate.of(2008, 12, 1), apress),
                new Book("9781484200773", "Pro Spring", 750, "54.99", 4.2, LocalDate.of(2014, 12, 1), apress)),
                BulkCreateOptions.defaults().updateConflicts(List.of("isbn"), List.of("price")));
        // one statement: Pro Django's price becomes 29.99, Pro Spring is inserted

        assertThat(fx.await(upserted)).hasSize(2);
        Manager<Book> check = fx.blocking(Book.class);
        assertThat(check.get("isbn", "9781430210474").price).isEqualByComparingTo(new BigDecimal("29.99"));
        assertThat(check.count()).isEqualTo(5);
    }

    /** The page's search method: filters composed from optional criteria. */
    static QuerySet<Book> search(Manager<Book> books, @Nullable String text, @Nullable Double minRating,
                                 @Nullable String publisher) {
        QuerySet<Book> qs = books.all();
        if (text != null) {
            qs = qs.filter("name__icontains", text);
        }
        if (minRating != null) {
            qs = qs.filter("rating__gte", minRating);
        }
        if (publisher != null) {
            qs = qs.filter("publisher__name", publisher);
        }
        return qs.orderBy("-rating");
    }

    /** BLOCKING: the database under test has a DataSource and a ConnectionFactory, as a Boot application with both. */
    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void composableFiltersAndTheBlockingTwin(Fixture fx) {
        Bookstore.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        QuerySet<Book> djangoBooks = search(books, "django", 3.5, null);
        List<Book> inAJob = djangoBooks.list();                              // blocking, on JDBC
        Mono<List<Book>> inAHandler = djangoBooks.alist();                   // the same SQL, on R2DBC
        Mono<Long> fromApress = search(books, null, null, "Apress").acount();   // 3
        // inAJob and inAHandler: [Pro Django, Practical Django Projects]

        assertThat(inAJob).extracting(b -> b.name).containsExactly("Pro Django", "Practical Django Projects");
        assertThat(fx.await(inAHandler)).extracting(b -> b.name).containsExactly("Pro Django", "Practical Django Projects");
        assertThat(fx.await(fromApress)).isEqualTo(3L);
    }

    /** Not MariaDB: the page's hand-written SQL quotes names the standard way, which MariaDB reads as strings. */
    @DatabaseMatrix(databases = {DatabaseKind.H2, DatabaseKind.POSTGRES}, modes = ExecutionMode.NATIVE)
    void oneTransactionForBoth(Fixture fx) {
        Bookstore.seed(fx);
        Manager<Publisher> publishers = fx.manager(Publisher.class);
        DatabaseClient client = DatabaseClient.create(fx.connectionFactory());
        TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(fx.connectionFactory()));

        Mono<Void> both = client.sql("UPDATE \"bookstore_publisher\" SET \"num_awards\" = \"num_awards\" + 1")
                .fetch().rowsUpdated()
                .then(publishers.acreate(new Publisher("Pragmatic", 0)))
                .then(Mono.<Void>error(new IllegalStateException("changed my mind")))
                .as(tx::transactional);                 // rolls back the UPDATE and the insert together

        assertThatThrownBy(() -> fx.await(both)).hasMessage("changed my mind");
        Manager<Publisher> check = fx.blocking(Publisher.class);
        assertThat(check.filter("name", "Pragmatic").exists()).isFalse();
        assertThat(check.get("name", "Apress").numAwards).isEqualTo(3);
    }
}
