package io.queryset.docs;

import static io.queryset.docs.Catalogue.titles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.queryset.BulkCreateOptions;
import io.queryset.CreateResult;
import io.queryset.DeleteResult;
import io.queryset.F;
import io.queryset.LockOptions;
import io.queryset.Manager;
import io.queryset.MultipleObjectsReturnedException;
import io.queryset.ObjectDoesNotExistException;
import io.queryset.Q;
import io.queryset.QuerySet;
import io.queryset.expr.Avg;
import io.queryset.expr.Count;
import io.queryset.expr.Max;
import io.queryset.expr.Min;
import io.queryset.expr.OuterRef;
import io.queryset.expr.Sum;
import io.queryset.expr.Value;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Checks docs/queryset-reference.md: every checked example of the page, in the same words (DocSnippetsTest compares
 * them), against the eight books of {@link Catalogue} on H2 and PostgreSQL. Blocking examples run blocking; the async
 * ones run NATIVE and BRIDGED.
 */
@TestModels({Book.class, Talk.class})
class QuerySetReferenceDocTest {

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void lazyAndImmutable(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        QuerySet<Book> novels = books.filter("genre", Genre.NOVEL);
        QuerySet<Book> longNovels = novels.filter("pages__gt", 500);   // novels is unchanged
        long n = novels.count();                                        // 4
        long m = longNovels.count();                                    // 1

        assertThat(n).isEqualTo(4);
        assertThat(m).isEqualTo(1);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void chaining(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<Book> a = books.filter("genre", Genre.NOVEL).exclude("published", null).orderBy("-published", "title").list();
        // [Dune, War and Peace, Emma]
        List<Book> b = books.filter(Q.of("pages__gt", 1000).or(Q.of("price__lt", 5))).orderBy("title").list();
        // [Draft_1 (100% unfinished), The Waste Land, War and Peace]
        List<Book> c = books.filter(Map.of("genre", Genre.POETRY, "published__year", 1922)).list();   // [The Waste Land]
        List<Book> d = books.orderBy("title").slice(2, 4).list();                                   // rows 3 and 4: [Dune, Emma]
        List<Book> e = books.orderBy("title").reverse().slice(0, 1).list();                         // [War and Peace]
        List<Book> f = books.alias("doubled", F.of("pages").times(2)).filter("doubled__gt", 1000).list();   // [War and Peace]
        List<Book> g = books.none().list();                                                         // [], no query

        assertThat(titles(a)).containsExactly("Dune", "War and Peace", "Emma");
        assertThat(titles(b)).containsExactly("Draft_1 (100% unfinished)", "The Waste Land", "War and Peace");
        assertThat(titles(c)).containsExactly("The Waste Land");
        assertThat(titles(d)).containsExactly("Dune", "Emma");
        assertThat(titles(e)).containsExactly("War and Peace");
        assertThat(titles(f)).containsExactly("War and Peace");
        assertThat(g).isEmpty();
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void shapes(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<Map<String, Object>> perGenre = books.values("genre").annotate("n", Count.of("id")).orderBy("genre").list();
        // [{genre=NOVEL, n=4}, {genre=POETRY, n=2}, {genre=SCIENCE, n=2}]
        List<List<Object>> rows = books.valuesList("title", "pages").orderBy("pages").slice(0, 2).list();
        // [[The Waste Land, 64], [Draft_1 (100% unfinished), 90]]
        List<Long> ids = books.filter("genre", Genre.POETRY).valuesList(Long.class, "id").orderBy("id").list();   // [4, 5]
        Map<String, Object> dune = books.values().get("title", "Dune");
        // {id=1, title=Dune, genre=NOVEL, pages=412, price=9.99, published=1965-08-01}

        record TitleAndPages(String title, int pages) {}
        List<TitleAndPages> shortest = books.as(TitleAndPages.class).orderBy("pages").slice(0, 1).list();
        // [TitleAndPages[title=The Waste Land, pages=64]]

        record PricePerPage(String title, BigDecimal perPage) {}
        List<PricePerPage> dearest = books.annotate("perPage", F.of("price").div(F.of("pages")))
                .orderBy("-perPage").as(PricePerPage.class).slice(0, 1).list();                      // The Waste Land: 0.07 a page

        assertThat(perGenre).containsExactly(Map.of("genre", Genre.NOVEL, "n", 4L),
                Map.of("genre", Genre.POETRY, "n", 2L), Map.of("genre", Genre.SCIENCE, "n", 2L));
        assertThat(rows).containsExactly(List.of("The Waste Land", 64), List.of("Draft_1 (100% unfinished)", 90));
        assertThat(ids).containsExactly(4L, 5L);
        assertThat(new ArrayList<>(dune.keySet())).containsExactly("id", "title", "genre", "pages", "price", "published");
        assertThat(dune).containsEntry("id", 1L).containsEntry("genre", Genre.NOVEL).containsEntry("pages", 412)
                .containsEntry("published", LocalDate.of(1965, 8, 1));
        assertThat((BigDecimal) dune.get("price")).isEqualByComparingTo("9.99");
        assertThat(shortest).containsExactly(new TitleAndPages("The Waste Land", 64));
        assertThat(dearest).extracting(PricePerPage::title).containsExactly("The Waste Land");
        assertThat(dearest.get(0).perPage().doubleValue()).isCloseTo(0.0703, within(0.001));
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void onlyAndDefer(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        Book slim = books.only("title").get("title", "Dune");        // id and title loaded: price null, pages 0
        Book saved = books.save(slim);                               // writes only title: the row keeps its pages and price
        Book reread = books.get("pk", slim.id());                    // 412 pages, 9.99
        Book noPrice = books.defer("price").get("pk", 1L);          // every field but price

        assertThat(slim.id()).isEqualTo(1L);
        assertThat(slim.price()).isNull();
        assertThat(slim.pages()).isZero();
        assertThat(saved.title()).isEqualTo("Dune");
        assertThat(reread.pages()).isEqualTo(412);
        assertThat(reread.price()).isEqualByComparingTo("9.99");
        assertThat(noPrice.price()).isNull();
        assertThat(noPrice.pages()).isEqualTo(412);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void combining(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        QuerySet<Book> longOnes = books.filter("pages__gt", 400);
        QuerySet<Book> cheapOnes = books.filter("price__lt", 8);
        List<Book> either = longOnes.union(cheapOnes).orderBy("title").list();
        // [Draft_1 (100% unfinished), Dune, Emma, Leaves of Grass, The Waste Land, War and Peace]
        List<Book> both = longOnes.intersection(cheapOnes).list();                  // [Emma]
        List<Book> onlyLong = longOnes.difference(cheapOnes).orderBy("title").list();   // [Dune, War and Peace]
        long twice = longOnes.unionAll(cheapOnes).count();                          // 7: Emma is counted twice

        assertThat(titles(either)).containsExactly("Draft_1 (100% unfinished)", "Dune", "Emma", "Leaves of Grass",
                "The Waste Land", "War and Peace");
        assertThat(titles(both)).containsExactly("Emma");
        assertThat(titles(onlyLong)).containsExactly("Dune", "War and Peace");
        assertThat(twice).isEqualTo(7);
        assertThatThrownBy(() -> longOnes.union(cheapOnes).filter("genre", Genre.NOVEL))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Calling QuerySet.filter() after union() is not supported.");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void reads(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        Book dune = books.get("title", "Dune");
        Optional<Book> newest = books.filter("published__isnull", false).first();   // -published: A Brief History of Time
        Optional<Book> none = books.filter("pages__gt", 5000).first();              // Optional.empty
        Book latest = books.exclude("published", null).latest();                    // getLatestBy: A Brief History of Time
        Book oldestLong = books.filter("pages__gt", 400).earliest("published");     // Emma
        long novels = books.filter("genre", Genre.NOVEL).count();                   // 4
        boolean free = books.filter("price__lt", 1).exists();                       // false
        boolean listed = books.filter("genre", Genre.NOVEL).contains(dune);        // true
        Map<Object, Book> byId = books.inBulk(List.of(1L, 2L, 99L));               // {1=Dune, 2=Emma}
        String plan = books.filter("pages__gt", 300).explain();                    // the database's plan, as text

        assertThat(dune.pages()).isEqualTo(412);
        assertThat(newest).map(Book::title).contains("A Brief History of Time");
        assertThat(none).isEmpty();
        assertThat(latest.title()).isEqualTo("A Brief History of Time");
        assertThat(oldestLong.title()).isEqualTo("Emma");
        assertThat(novels).isEqualTo(4);
        assertThat(free).isFalse();
        assertThat(listed).isTrue();
        assertThat(byId).containsOnlyKeys(1L, 2L);
        assertThat(byId.get(2L).title()).isEqualTo("Emma");
        assertThat(plan).isNotBlank();
        // The page's note on NULL ordering: -published puts the NULL row first on PostgreSQL, last on H2.
        assertThat(books.first()).map(Book::title)
                .contains(fx.isPostgres() ? "Draft_1 (100% unfinished)" : "A Brief History of Time");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void aggregates(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        Map<String, Object> stats = books.aggregate(Avg.of("pages"), Max.of("pages"), Count.of("id"));
        // {pages__avg=378.25, pages__max=1225, id__count=8}
        Map<String, Object> mixed = books.aggregate(Avg.of("price"), Min.of("published"), Count.of("genre").distinct());
        // {price__avg=8.49875 (a BigDecimal), published__min=1815-12-23, genre__count=3}
        Map<String, Object> named = books.aggregate(Map.of("total", Sum.of("pages"), "rows", Count.of("*")));
        // {total=3026, rows=8}
        Map<String, Object> filtered = books.aggregate(Map.of(
                "novels", Count.of("id").filter(Q.of("genre", Genre.NOVEL)),
                "poetryPages", Sum.of("pages").filter(Q.of("genre", Genre.POETRY)),
                "dramaPages", Sum.of("pages").filter(Q.of("title", "Hamlet")).defaultValue(0L)));
        // {novels=4, poetryPages=209, dramaPages=0}
        Map<String, Object> empty = books.filter("pages__gt", 5000).aggregate(Sum.of("pages"), Count.of("id"));
        // {pages__sum=null, id__count=0}
        List<Map<String, Object>> perGenre = books.values("genre").annotate("avgPages", Avg.of("pages"))
                .orderBy("-avgPages").list();                                          // GROUP BY genre
        // [{genre=NOVEL, avgPages=550.25}, {genre=SCIENCE, avgPages=308.0}, {genre=POETRY, avgPages=104.5}]

        assertThat(stats).containsExactly(Map.entry("pages__avg", 378.25), Map.entry("pages__max", 1225),
                Map.entry("id__count", 8L));
        assertThat(((BigDecimal) mixed.get("price__avg")).doubleValue()).isCloseTo(8.49875, within(0.00001));
        assertThat(mixed).containsEntry("published__min", LocalDate.of(1815, 12, 23)).containsEntry("genre__count", 3L);
        assertThat(named).isEqualTo(Map.of("total", 3026L, "rows", 8L));
        assertThat(filtered).isEqualTo(Map.of("novels", 4L, "poetryPages", 209L, "dramaPages", 0L));
        assertThat(empty).containsEntry("pages__sum", null).containsEntry("id__count", 0L);
        assertThat(perGenre).containsExactly(Map.of("genre", Genre.NOVEL, "avgPages", 550.25),
                Map.of("genre", Genre.SCIENCE, "avgPages", 308.0), Map.of("genre", Genre.POETRY, "avgPages", 104.5));
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void writes(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        Book persuasion = books.create(new Book(null, "Persuasion", Genre.NOVEL, 249, new BigDecimal("6.50"),
                LocalDate.of(1817, 12, 20)));                                        // persuasion.id() == 9
        CreateResult<Book> r = books.getOrCreate(Q.of("title", "Ulysses"),
                Map.of("genre", Genre.NOVEL, "pages", 730, "price", new BigDecimal("12.00")));   // created: r.created()
        CreateResult<Book> again = books.getOrCreate(Q.of("title", "Ulysses"),
                Map.of("genre", Genre.NOVEL, "pages", 1, "price", BigDecimal.ONE));             // found: 730 pages
        CreateResult<Book> u = books.updateOrCreate(Q.of("title", "Ulysses"), Map.of("price", new BigDecimal("10.00")));
        // u.created() == false, u.object().price() == 10.00
        List<Book> odes = books.bulkCreate(List.of(
                new Book(null, "Odes", Genre.POETRY, 80, new BigDecimal("4.00"), null),
                new Book(null, "Ariel", Genre.POETRY, 96, new BigDecimal("6.00"), null)),
                BulkCreateOptions.defaults().batchSize(500));                         // keys 11 and 12
        int changed = books.bulkUpdate(List.of(
                new Book(odes.get(0).id(), "Odes", Genre.POETRY, 80, new BigDecimal("3.50"), null)), "price");   // 1
        int doubled = books.filter("genre", Genre.POETRY).update(Map.of("price", F.of("price").times(2)));      // 4
        DeleteResult gone = books.filter("published__year__lt", 1850).delete();     // Emma and Persuasion
        // gone.total() == 2, gone.perModel() == {Book=2}

        assertThat(persuasion.id()).isEqualTo(9L);
        assertThat(r.created()).isTrue();
        assertThat(r.object().id()).isEqualTo(10L);
        assertThat(again.created()).isFalse();
        assertThat(again.object().pages()).isEqualTo(730);
        assertThat(u.created()).isFalse();
        assertThat(u.object().price()).isEqualByComparingTo("10.00");
        assertThat(odes).extracting(Book::id).containsExactly(11L, 12L);
        assertThat(changed).isEqualTo(1);
        assertThat(doubled).isEqualTo(4);
        assertThat(books.get("title", "Odes").price()).isEqualByComparingTo("7.00");
        assertThat(gone.total()).isEqualTo(2);
        assertThat(gone.perModel()).isEqualTo(Map.of("Book", 2L));
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void streamAndPage(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<String> titles = new ArrayList<>();
        try (Stream<Book> s = books.orderBy("id").stream(3)) {        // three rows per fetch
            s.forEach(b -> titles.add(b.title()));
        }
        Page<Book> page = books.orderBy("title").page(PageRequest.of(1, 3));   // the second page of three
        // page.getContent(): [Emma, Leaves of Grass, The Selfish Gene]; page.getTotalElements() == 8
        List<String> all = new ArrayList<>();
        for (Book b : books.orderBy("id")) {                          // Iterable: reads the whole result first
            all.add(b.title());
        }

        assertThat(titles).hasSize(8).startsWith("Dune", "Emma");
        assertThat(titles(page.getContent())).containsExactly("Emma", "Leaves of Grass", "The Selfish Gene");
        assertThat(page.getTotalElements()).isEqualTo(8);
        assertThat(page.getTotalPages()).isEqualTo(3);
        assertThat(all).isEqualTo(titles);
    }

    @DatabaseMatrix(modes = {ExecutionMode.NATIVE, ExecutionMode.BRIDGED})
    void asyncTwins(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        Mono<Book> dune = books.aget("title", "Dune");
        Mono<Long> novels = books.filter("genre", Genre.NOVEL).acount();
        Mono<Map<String, Object>> stats = books.aaggregate(Max.of("pages"));
        Flux<Book> all = books.orderBy("id").aiterator(500);
        Mono<Book> none = books.filter("pages__gt", 5000).afirst();                 // completes empty
        Mono<Integer> raised = books.filter("genre", Genre.POETRY).aupdate(Map.of("price", F.of("price").plus(1)));
        Mono<CreateResult<Book>> r = books.agetOrCreate(Q.of("title", "Ulysses"), Map.of("genre", Genre.NOVEL, "pages", 730,
                "price", new BigDecimal("12.00")));
        Flux<Book> published = Flux.from(books.filter("published__isnull", false));   // a QuerySet is a Publisher

        assertThat(fx.await(dune).pages()).isEqualTo(412);
        assertThat(fx.await(novels)).isEqualTo(4L);
        assertThat(fx.await(stats)).isEqualTo(Map.of("pages__max", 1225));
        assertThat(fx.awaitAll(all)).hasSize(8);
        assertThat(fx.await(none)).isNull();
        assertThat(fx.await(raised)).isEqualTo(2);
        assertThat(fx.await(r).created()).isTrue();
        assertThat(fx.awaitAll(published)).hasSize(7);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void instanceOperations(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        Book dune = books.create(new Book(null, "Dune", Genre.NOVEL, 412, new BigDecimal("9.99"), LocalDate.of(1965, 8, 1)));
        Book cheaper = books.save(new Book(dune.id(), dune.title(), dune.genre(), dune.pages(), new BigDecimal("7.99"),
                dune.published()));                                           // an UPDATE: the key is set
        Book fresh = books.refresh(cheaper);                                  // read again
        DeleteResult deleted = books.delete(fresh);                           // {Book=1}
        Mono<Book> stored = books.asave(new Book(null, "Emma", Genre.NOVEL, 474, new BigDecimal("7.50"), null));

        assertThat(dune.id()).isNotNull();
        assertThat(fresh.price()).isEqualByComparingTo("7.99");
        assertThat(deleted.perModel()).isEqualTo(Map.of("Book", 1L));
        assertThat(fx.await(stored).id()).isNotNull();
        assertThat(books.model()).isEqualTo(Book.class);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void lockingInsideATransaction(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        var db = fx.db();

        Book discounted = db.atomic(() -> {
            Book b = books.filter("pk", 1L).selectForUpdate(LockOptions.defaults().nowait()).get();
            return books.save(new Book(b.id(), b.title(), b.genre(), b.pages(), b.price().subtract(BigDecimal.ONE),
                    b.published()));
        });

        assertThat(discounted.price()).isEqualByComparingTo("8.99");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void qObjects(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<Book> a = books.filter(Q.of("title__startswith", "The").or(Q.of("pages__gt", 1000))
                .and(Q.not(Q.of("genre", Genre.POETRY)))).orderBy("title").list();   // [The Selfish Gene, War and Peace]
        Book b = books.get(Q.of("genre", Genre.NOVEL), Q.of("pages__gt", 1000));    // several Q arguments are ANDed
        long c = books.filter(Q.of(Map.of("genre", Genre.NOVEL, "pages__lt", 450))).count();   // 2: Dune, Draft
        long d = books.filter(Q.empty()).count();                                    // 8

        assertThat(titles(a)).containsExactly("The Selfish Gene", "War and Peace");
        assertThat(b.title()).isEqualTo("War and Peace");
        assertThat(c).isEqualTo(2);
        assertThat(d).isEqualTo(8);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void expressions(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        List<Book> a = books.filter("pages__gt", F.of("price").times(50)).orderBy("title").list();   // [Emma, War and Peace]
        List<Book> b = books.orderBy(F.of("price").div(F.of("pages")).desc()).slice(0, 1).list();    // [The Waste Land]
        List<Map<String, Object>> c = books.annotate("pagesLeft", F.of("pages").minus(100)).filter("pk", 1L)
                .values("title", "pagesLeft").list();                                              // [{title=Dune, pagesLeft=312}]
        List<Map<String, Object>> d = books.annotate("one", Value.of(1)).values("one").slice(0, 1).list();   // [{one=1}]
        int e = books.filter("genre", Genre.POETRY).update(Map.of("price", F.of("price").times(2).plus(1)));
        // 2: 5.00 becomes 11.00, 4.50 becomes 10.00

        assertThat(titles(a)).containsExactly("Emma", "War and Peace");
        assertThat(titles(b)).containsExactly("The Waste Land");
        assertThat(c).containsExactly(Map.of("title", "Dune", "pagesLeft", 312));
        assertThat(d).containsExactly(Map.of("one", 1));
        assertThat(e).isEqualTo(2);
        assertThat(books.get("title", "Leaves of Grass").price()).isEqualByComparingTo("11.00");
    }

    @DatabaseMatrix(modes = {ExecutionMode.BLOCKING, ExecutionMode.NATIVE, ExecutionMode.BRIDGED})
    void exceptions(Fixture fx) {
        Catalogue.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Manager<Talk> talks = fx.manager(Talk.class);

        assertThatThrownBy(() -> fx.call(() -> books.get("title", "Hamlet"), () -> books.aget("title", "Hamlet")))
                .isInstanceOf(ObjectDoesNotExistException.class)
                .hasMessage("Book matching query does not exist.");
        assertThatThrownBy(() -> fx.call(() -> books.get("genre", Genre.NOVEL), () -> books.aget("genre", Genre.NOVEL)))
                .isInstanceOf(MultipleObjectsReturnedException.class)
                .hasMessage("get() returned more than one Book -- it returned 4!");
        assertThatThrownBy(() -> fx.call(() -> talks.latest(), () -> talks.alatest()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("earliest() and latest() require either fields as positional arguments or 'getLatestBy' in "
                        + "the model's @Model.");
        Book unsaved = new Book(null, "Hamlet", Genre.NOVEL, 1, BigDecimal.ONE, null);
        assertThatThrownBy(() -> fx.call(() -> books.contains(unsaved), () -> books.acontains(unsaved)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("QuerySet.contains() cannot be used on unsaved objects.");
        assertThatThrownBy(() -> books.slice(0, 2).filter("pages__gt", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot filter a query once a slice has been taken.");
        assertThatThrownBy(() -> books.slice(0, 2).orderBy("title"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot reorder a query once a slice has been taken.");
        assertThatThrownBy(() -> Count.of("id").defaultValue(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Count does not allow default.");
        assertThatThrownBy(() -> books.aggregate(Sum.of(F.of("price").times(F.of("pages")))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Complex aggregates require an alias");
        assertThatThrownBy(() -> BulkCreateOptions.defaults().batchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Batch size must be a positive integer.");
        assertThatThrownBy(() -> fx.call(() -> books.stream(0), () -> books.aiterator(0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Chunk size must be strictly positive.");
        assertThatThrownBy(() -> LockOptions.defaults().nowait().skipLocked())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The nowait option cannot be used with skipLocked.");
        assertThatThrownBy(() -> books.inBulk(List.of("Dune"), "title"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("inBulk()'s fieldName must be a unique field but 'title' isn't.");
        assertThatThrownBy(() -> books.filter("pk", OuterRef.of("pk")).list())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("This queryset contains a reference to an outer query and may only be used in a subquery.");
    }
}
