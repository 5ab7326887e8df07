package io.queryset.docs;

import static io.queryset.docs.Catalogue.titles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.F;
import io.queryset.FieldLookupException;
import io.queryset.Manager;
import io.queryset.Q;
import io.queryset.testing.DatabaseKind;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * Checks docs/lookups.md: every example of the page, in the same words (DocSnippetsTest compares them), on H2 and
 * PostgreSQL. The blocking examples run blocking; the async one runs NATIVE and BRIDGED.
 */
@TestModels({Book.class, Talk.class})
class LookupsDocTest {

    /** Not MariaDB: there exact follows the column's collation, case-insensitive by default (docs/databases.md). */
    @DatabaseMatrix(databases = {DatabaseKind.H2, DatabaseKind.POSTGRES}, modes = ExecutionMode.BLOCKING)
    void exactAndIexact(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<Book> a = books.filter("title", "Dune").list();                       // [Dune]
        List<Book> b = books.filter("title__exact", "Dune").list();                // the same
        List<Book> c = books.filter("title", "dune").list();                       // []: exact is case-sensitive
        List<Book> d = books.filter("title__iexact", "dUNE").list();               // [Dune]
        List<Book> e = books.filter("published", null).list();                     // IS NULL: [Draft_1 (100% unfinished)]

        assertThat(titles(a)).containsExactly("Dune");
        assertThat(b).isEqualTo(a);
        assertThat(c).isEmpty();
        assertThat(titles(d)).containsExactly("Dune");
        assertThat(titles(e)).containsExactly("Draft_1 (100% unfinished)");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void textLookups(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<Book> a = books.filter("title__contains", "and").orderBy("title").list();       // [The Waste Land, War and Peace]
        List<Book> b = books.filter("title__contains", "AND").list();                        // []
        List<Book> c = books.filter("title__icontains", "AND").orderBy("title").list();      // [The Waste Land, War and Peace]
        List<Book> d = books.filter("title__startswith", "The").orderBy("title").list();     // [The Selfish Gene, The Waste Land]
        List<Book> e = books.filter("title__istartswith", "the ").orderBy("title").list();   // the same
        List<Book> f = books.filter("title__endswith", "Time").list();                       // [A Brief History of Time]
        List<Book> g = books.filter("title__iendswith", "TIME").list();                      // the same

        assertThat(titles(a)).containsExactly("The Waste Land", "War and Peace");
        assertThat(b).isEmpty();
        assertThat(titles(c)).containsExactly("The Waste Land", "War and Peace");
        assertThat(titles(d)).containsExactly("The Selfish Gene", "The Waste Land");
        assertThat(e).isEqualTo(d);
        assertThat(titles(f)).containsExactly("A Brief History of Time");
        assertThat(g).isEqualTo(f);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void wildcardsMatchThemselves(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<Book> a = books.filter("title__contains", "100%").list();    // [Draft_1 (100% unfinished)]
        List<Book> b = books.filter("title__contains", "_").list();       // the same: _ is not a wildcard
        List<Book> c = books.filter("title__startswith", "%").list();     // []

        assertThat(titles(a)).containsExactly("Draft_1 (100% unfinished)");
        assertThat(b).isEqualTo(a);
        assertThat(c).isEmpty();
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void textLookupsOnOtherTypes(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<Book> a = books.filter("pages__startswith", 4).orderBy("title").list();   // 412 and 474 pages: [Dune, Emma]
        long b = books.filter("genre__icontains", "vel").count();                        // an enum by its name: 4 novels

        assertThat(titles(a)).containsExactly("Dune", "Emma");
        assertThat(b).isEqualTo(4);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void comparisons(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<Book> a = books.filter("pages__gt", 1000).list();                                   // [War and Peace]
        List<Book> b = books.filter("price__lte", new BigDecimal("5.00")).orderBy("title").list();
        // [Draft_1 (100% unfinished), Leaves of Grass, The Waste Land]
        List<Book> c = books.filter("published__lt", LocalDate.of(1850, 1, 1)).list();          // [Emma]
        List<Book> d = books.filter("published__gte", "1976-05-13").orderBy("published").list(); // an ISO-8601 string
        // [The Selfish Gene, A Brief History of Time]
        List<Book> e = books.filter("pages__gt", F.of("price").times(50)).orderBy("title").list();   // an expression
        // [Emma, War and Peace]

        assertThat(titles(a)).containsExactly("War and Peace");
        assertThat(titles(b)).containsExactly("Draft_1 (100% unfinished)", "Leaves of Grass", "The Waste Land");
        assertThat(titles(c)).containsExactly("Emma");
        assertThat(titles(d)).containsExactly("The Selfish Gene", "A Brief History of Time");
        assertThat(titles(e)).containsExactly("Emma", "War and Peace");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void in(Fixture fx) {
        List<Book> saved = Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<Book> a = books.filter("pk__in", List.of(1L, 2L, 99L)).orderBy("pk").list();          // [Dune, Emma]: 99 is no key
        long b = books.filter("genre__in", List.of(Genre.POETRY, Genre.SCIENCE)).count();          // 4
        List<Book> c = books.filter("pages__in", new int[] {64, 145}).orderBy("pages").list();    // an array: [The Waste Land, Leaves of Grass]
        List<Book> d = books.filter("pk__in", Arrays.asList(3L, null)).list();                    // null items are dropped: [War and Peace]
        List<Book> e = books.filter("pk__in", List.of()).list();                                   // []: no query is sent
        List<Book> f = books.filter("id__in", books.filter("genre", Genre.POETRY).valuesList(Long.class, "id"))
                .orderBy("title").list();                                                          // IN (SELECT ...)
        // [Leaves of Grass, The Waste Land]

        assertThat(titles(a)).containsExactly("Dune", "Emma");
        assertThat(b).isEqualTo(4);
        assertThat(titles(c)).containsExactly("The Waste Land", "Leaves of Grass");
        assertThat(titles(d)).containsExactly("War and Peace");
        assertThat(e).isEmpty();
        assertThat(titles(f)).containsExactly("Leaves of Grass", "The Waste Land");
        assertThat(saved).hasSize(8);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void rangeAndIsnull(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<Book> a = books.filter("pages__range", List.of(145, 256)).orderBy("pages").list();   // inclusive
        // [Leaves of Grass, A Brief History of Time]
        List<Book> b = books.filter("published__range", List.of("1900-01-01", "1999-12-31")).orderBy("published").list();
        // [The Waste Land, Dune, The Selfish Gene, A Brief History of Time]
        List<Book> c = books.filter("published__isnull", true).list();                             // [Draft_1 (100% unfinished)]
        long d = books.filter("published__isnull", false).count();                                 // 7

        assertThat(titles(a)).containsExactly("Leaves of Grass", "A Brief History of Time");
        assertThat(titles(b)).containsExactly("The Waste Land", "Dune", "The Selfish Gene", "A Brief History of Time");
        assertThat(titles(c)).containsExactly("Draft_1 (100% unfinished)");
        assertThat(d).isEqualTo(7);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void regex(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<Book> a = books.filter("title__regex", "^(A|The) ").orderBy("title").list();
        // [A Brief History of Time, The Selfish Gene, The Waste Land]
        List<Book> b = books.filter("title__regex", "^the ").list();                               // []: case-sensitive
        List<Book> c = books.filter("title__iregex", "^the ").orderBy("title").list();             // [The Selfish Gene, The Waste Land]

        assertThat(titles(a)).containsExactly("A Brief History of Time", "The Selfish Gene", "The Waste Land");
        assertThat(b).isEmpty();
        assertThat(titles(c)).containsExactly("The Selfish Gene", "The Waste Land");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void nulls(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        long a = books.filter("published__iexact", null).count();                     // 1: IS NULL too
        long b = books.exclude("published__year__lt", 1900).count();                 // 5: the NULL row is kept, as in Django
        long c = books.filter(Q.not(Q.of("published__year__lt", 1900))).count();    // 5: the same
        long d = books.filter("published__year__gte", 1900).count();                 // 4: NULL matches no comparison

        assertThat(a).isEqualTo(1);
        assertThat(b).isEqualTo(5);
        assertThat(c).isEqualTo(5);
        assertThat(d).isEqualTo(4);
        assertThatThrownBy(() -> books.filter("pages__gt", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Cannot use null as a query value (lookup 'pages__gt')");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void dateTransforms(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<Book> a = books.filter("published__year", 1965).list();                                 // [Dune]
        long b = books.filter("published__year__gte", 1950).count();                                 // 3
        List<Book> c = books.filter("published__month__in", List.of(7, 8)).orderBy("title").list();  // [Dune, Leaves of Grass]
        List<Book> d = books.filter("published__day", 1).orderBy("title").list();
        // [A Brief History of Time, Dune, War and Peace]
        List<Book> e = books.filter("published__quarter", 4).orderBy("title").list();                // [Emma, The Waste Land]
        List<Book> f = books.filter("published__week_day", 1).orderBy("title").list();              // Sundays: [Dune, The Waste Land]
        List<Book> g = books.filter("published__iso_week_day", 1).list();                            // Mondays: [War and Peace]
        List<Book> h = books.filter("published__week", 30).list();                                   // ISO week 30: [Dune]
        List<Book> i = books.filter("published__iso_year", 1869).list();                             // [War and Peace]

        assertThat(titles(a)).containsExactly("Dune");
        assertThat(b).isEqualTo(3);
        assertThat(titles(c)).containsExactly("Dune", "Leaves of Grass");
        assertThat(titles(d)).containsExactly("A Brief History of Time", "Dune", "War and Peace");
        assertThat(titles(e)).containsExactly("Emma", "The Waste Land");
        assertThat(titles(f)).containsExactly("Dune", "The Waste Land");
        assertThat(titles(g)).containsExactly("War and Peace");
        assertThat(titles(h)).containsExactly("Dune");
        assertThat(titles(i)).containsExactly("War and Peace");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void dateTimeTransforms(Fixture fx) {
        fx.blocking(Talk.class).bulkCreate(List.of(
                new Talk(null, "Opening keynote", LocalDateTime.of(2024, 12, 30, 9, 0)),
                new Talk(null, "Lightning talks", LocalDateTime.of(2024, 12, 31, 17, 45, 30)),
                new Talk(null, "Closing panel", LocalDateTime.of(2025, 1, 2, 16, 15))));
        Manager<Talk> talks = fx.manager(Talk.class);

        List<Talk> a = talks.filter("startsAt__date", LocalDate.of(2024, 12, 31)).list();   // [Lightning talks]
        List<Talk> b = talks.filter("startsAt__date__gte", "2024-12-31").list();           // [Lightning talks, Closing panel]
        List<Talk> c = talks.filter("startsAt__time__gte", LocalTime.NOON).list();         // [Lightning talks, Closing panel]
        List<Talk> d = talks.filter("startsAt__hour", 9).list();                           // [Opening keynote]
        List<Talk> e = talks.filter("startsAt__minute__in", List.of(15, 45)).list();       // [Lightning talks, Closing panel]
        List<Talk> f = talks.filter("startsAt__second__gt", 0).list();                     // [Lightning talks]
        long g = talks.filter("startsAt__year", 2024).count();                             // 2
        long h = talks.filter("startsAt__iso_year", 2025).count();                         // 3: Dec 30 and 31, 2024 are in ISO week 1 of 2025
        long i = talks.filter(Map.of("startsAt__week", 1, "startsAt__iso_week_day__lte", 2)).count();   // 2

        assertThat(a).extracting(Talk::title).containsExactly("Lightning talks");
        assertThat(b).extracting(Talk::title).containsExactly("Lightning talks", "Closing panel");
        assertThat(c).extracting(Talk::title).containsExactly("Lightning talks", "Closing panel");
        assertThat(d).extracting(Talk::title).containsExactly("Opening keynote");
        assertThat(e).extracting(Talk::title).containsExactly("Lightning talks", "Closing panel");
        assertThat(f).extracting(Talk::title).containsExactly("Lightning talks");
        assertThat(g).isEqualTo(2);
        assertThat(h).isEqualTo(3);
        assertThat(i).isEqualTo(2);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void lookupValues(Fixture fx) {
        List<Book> saved = Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Book dune = saved.get(0);

        List<Book> a = books.filter("pages", "412").list();       // converted to int: [Dune]
        List<Book> b = books.filter("genre", "POETRY").orderBy("title").list();   // an enum by name: [Leaves of Grass, The Waste Land]
        List<Book> c = books.filter("pk", dune).list();           // a model instance stands for its key: [Dune]
        List<Book> d = books.filter("published", "1965-08-01").list();            // [Dune]

        assertThat(titles(a)).containsExactly("Dune");
        assertThat(titles(b)).containsExactly("Leaves of Grass", "The Waste Land");
        assertThat(titles(c)).containsExactly("Dune");
        assertThat(titles(d)).containsExactly("Dune");
    }

    @DatabaseMatrix(modes = {ExecutionMode.NATIVE, ExecutionMode.BRIDGED})
    void asyncTwinsTakeTheSameLookups(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        Mono<Long> sundays = books.filter("published__week_day", 1).acount();            // 2
        Mono<Book> longest = books.filter("pages__gt", 1000).aget(Q.empty());             // War and Peace

        assertThat(fx.await(sundays)).isEqualTo(2L);
        assertThat(fx.await(longest).title()).isEqualTo("War and Peace");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void errors(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        assertThatThrownBy(() -> books.filter("tittle", "Dune"))
                .isInstanceOf(FieldLookupException.class)
                .hasMessage("Cannot resolve keyword 'tittle' into field. Choices are: genre, id, pages, price, published, "
                        + "title. Did you mean 'title'? (model Book)");
        assertThatThrownBy(() -> books.filter("title__starts", "D"))
                .isInstanceOf(FieldLookupException.class)
                .hasMessage("Unsupported lookup 'starts' for CharField or join on the field not permitted, perhaps you "
                        + "meant startswith or istartswith? Model: Book.");
        assertThatThrownBy(() -> books.filter("title__year", 2000))
                .isInstanceOf(FieldLookupException.class)
                .hasMessage("Unsupported lookup 'year' for CharField or join on the field not permitted. Model: Book.");
        assertThatThrownBy(() -> books.filter("published__yeer", 2000))
                .isInstanceOf(FieldLookupException.class)
                .hasMessage("Unsupported lookup 'yeer' for DateField or join on the field not permitted, perhaps you "
                        + "meant year? Model: Book.");
        assertThatThrownBy(() -> books.filter("pages__gt", "many"))
                .isInstanceOf(FieldLookupException.class)
                .hasMessage("Field 'pages__gt' of Book expected a value of type int but got 'many' (String).");
        assertThatThrownBy(() -> books.filter("published__isnull", "yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The QuerySet value for an isnull lookup must be True or False.");
        assertThatThrownBy(() -> books.filter("pages__range", List.of(1, 2, 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The 'range' lookup takes exactly two values, got 3");
        assertThatThrownBy(() -> books.filter("pages__in", 5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The 'in' lookup takes a collection or an array, got Integer");
        assertThatThrownBy(() -> books.filter("id__in", books.valuesList("id", "title")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The QuerySet value for the 'in' lookup must have 1 selected fields (received 2)");
        assertThatThrownBy(() -> books.filter("title__contains", F.of("genre")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Lookup 'contains' does not take an expression value");
    }
}
