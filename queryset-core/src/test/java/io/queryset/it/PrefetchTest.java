package io.queryset.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.FieldLookupException;
import io.queryset.Manager;
import io.queryset.it.models.PfAuthor;
import io.queryset.it.models.PfBook;
import io.queryset.it.models.PfPublisher;
import io.queryset.testing.CountingConnectionFactory;
import io.queryset.testing.CountingDataSource;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * prefetchRelated: one query per relation level for all parents, attached to declared collections and
 * forward keys, per chunk when streaming; after Django's tests/prefetch_related.
 */
@TestModels({PfPublisher.class, PfAuthor.class, PfBook.class})
class PrefetchTest {

    /** Two publishers (one without books), three books, two authors; returns nothing, names are stable. */
    private static void seed(Fixture fx) {
        Manager<PfPublisher> pubs = fx.blocking(PfPublisher.class);
        Manager<PfBook> books = fx.blocking(PfBook.class);
        Manager<PfAuthor> authors = fx.blocking(PfAuthor.class);
        PfPublisher apress = pubs.create(new PfPublisher("Apress"));
        pubs.create(new PfPublisher("Empty Press"));
        PfPublisher sams = pubs.create(new PfPublisher("Sams"));
        PfAuthor adrian = authors.create(new PfAuthor(null, "Adrian"));
        PfAuthor jacob = authors.create(new PfAuthor(null, "Jacob"));
        PfBook guide = books.create(new PfBook("Guide", apress));
        PfBook projects = books.create(new PfBook("Projects", apress));
        books.create(new PfBook("Teach Yourself", sams));
        link(fx, guide, adrian);
        link(fx, guide, jacob);
        link(fx, projects, jacob);
    }

    private static void link(Fixture fx, PfBook book, PfAuthor author) {
        new JdbcTemplate(fx.dataSource()).update(
                fx.sql("INSERT INTO \"pf_book_authors\" (\"pf_book_id\", \"pf_author_id\") VALUES (?, ?)"), book.id, author.id());
    }

    private static List<String> bookNames(PfPublisher p) {
        return p.books.stream().map(b -> b.name).toList();
    }

    @DatabaseMatrix
    void reverseForeignKeyFillsTheDeclaredCollection(Fixture fx) {
        seed(fx);

        List<PfPublisher> pubs = fx.list(fx.manager(PfPublisher.class).prefetchRelated("books"));

        assertThat(pubs).extracting(p -> p.name).containsExactly("Apress", "Empty Press", "Sams");
        assertThat(bookNames(pubs.get(0))).containsExactly("Guide", "Projects");
        assertThat(pubs.get(1).books).as("a parent without rows gets an empty list").isEmpty();
        assertThat(bookNames(pubs.get(2))).containsExactly("Teach Yourself");
    }

    @DatabaseMatrix
    void nestedPathsPrefetchEachLevel(Fixture fx) {
        seed(fx);

        PfPublisher apress = fx.list(fx.manager(PfPublisher.class).filter("name", "Apress").prefetchRelated("books__authors")).get(0);

        assertThat(apress.books).extracting(b -> b.name).containsExactly("Guide", "Projects");
        assertThat(apress.books.get(0).authors).extracting(PfAuthor::name).containsExactly("Adrian", "Jacob");
        assertThat(apress.books.get(1).authors).extracting(PfAuthor::name).containsExactly("Jacob");
    }

    @DatabaseMatrix
    void forwardKeyReplacesTheReferenceWithTheLoadedInstance(Fixture fx) {
        seed(fx);

        List<PfBook> books = fx.list(fx.manager(PfBook.class).prefetchRelated("publisher"));

        assertThat(books).extracting(b -> b.publisher.name).containsExactly("Apress", "Apress", "Sams");
    }

    @DatabaseMatrix
    void manyToManyFromTheReverseSideNeedsADeclaredCollection(Fixture fx) {
        assertThatThrownBy(() -> fx.manager(PfAuthor.class).prefetchRelated("books"))
                .isInstanceOf(FieldLookupException.class)
                .hasMessageContaining("Cannot find 'books' on PfAuthor object")
                .hasMessageContaining("declare a collection field 'books'");
        assertThatThrownBy(() -> fx.manager(PfBook.class).prefetchRelated("nothing"))
                .isInstanceOf(FieldLookupException.class)
                .hasMessage("Cannot find 'nothing' on PfBook object, 'nothing' is an invalid parameter to prefetchRelated()");
    }

    @DatabaseMatrix
    void streamingPrefetchesPerChunk(Fixture fx) {
        seed(fx);

        List<PfBook> books = fx.stream(fx.manager(PfBook.class).prefetchRelated("authors"), 2);

        assertThat(books).extracting(b -> b.name).containsExactly("Guide", "Projects", "Teach Yourself");
        assertThat(books).extracting(b -> b.authors.size()).containsExactly(2, 1, 0);
    }

    // ------------------------------------------------------------------ query counts

    private record Counted(Database db, CountingDataSource ds, CountingConnectionFactory cf) {
        int queries() {
            return ds.connections() + cf.connections();
        }

        void reset() {
            ds.reset();
            cf.reset();
        }
    }

    /** A database whose every statement takes one connection, so connections count queries. */
    private static Counted counted(Fixture fx) {
        CountingDataSource ds = new CountingDataSource(fx.dataSource());
        CountingConnectionFactory cf = new CountingConnectionFactory(fx.connectionFactory());
        Database db = switch (fx.mode()) {
            case BLOCKING -> Database.builder().dataSource(ds).asyncMode(AsyncMode.BRIDGED).build();
            case NATIVE -> Database.builder().connectionFactory(cf).asyncMode(AsyncMode.NATIVE).build();
            case BRIDGED -> Database.builder().dataSource(ds).asyncMode(AsyncMode.BRIDGED).build();
        };
        return new Counted(db, ds, cf);
    }

    @DatabaseMatrix
    void prefetchOverAThousandParentsRunsOneQueryPerRelationLevel(Fixture fx) {
        Manager<PfPublisher> setup = fx.blocking(PfPublisher.class);
        List<PfPublisher> pubs = setup.bulkCreate(names("Publisher", 1000).stream().map(PfPublisher::new).toList());
        List<PfBook> books = new ArrayList<>();
        pubs.forEach(p -> books.add(new PfBook("Book of " + p.name, p)));
        List<PfBook> stored = fx.blocking(PfBook.class).bulkCreate(books);
        PfAuthor author = fx.blocking(PfAuthor.class).create(new PfAuthor(null, "Everyone"));
        stored.forEach(b -> link(fx, b, author));
        Counted counted = counted(fx);
        counted.reset();

        List<PfPublisher> loaded = fx.call(
                () -> counted.db().manager(PfPublisher.class).prefetchRelated("books__authors").list(),
                () -> counted.db().manager(PfPublisher.class).prefetchRelated("books__authors").alist());

        assertThat(loaded).hasSize(1000);
        assertThat(loaded).allSatisfy(p -> assertThat(p.books).singleElement()
                .satisfies(b -> assertThat(b.authors).extracting(PfAuthor::name).containsExactly("Everyone")));
        assertThat(counted.queries()).as("publishers, books, authors").isEqualTo(3);
    }

    @DatabaseMatrix(modes = {ExecutionMode.BLOCKING, ExecutionMode.NATIVE, ExecutionMode.BRIDGED})
    void streamingRunsOnePrefetchQueryPerChunkAndLevel(Fixture fx) {
        Manager<PfPublisher> setup = fx.blocking(PfPublisher.class);
        setup.bulkCreate(names("P", 10).stream().map(PfPublisher::new).toList());
        Counted counted = counted(fx);
        counted.reset();

        List<PfPublisher> loaded = fx.stream(counted.db().manager(PfPublisher.class).prefetchRelated("books"), 4);

        assertThat(loaded).hasSize(10).allSatisfy(p -> assertThat(p.books).isEmpty());
        assertThat(counted.queries()).as("the stream, then one prefetch per chunk of 4").isEqualTo(1 + 3);
    }

    private static List<String> names(String prefix, int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(String.format("%s %04d", prefix, i));
        }
        return out;
    }
}
