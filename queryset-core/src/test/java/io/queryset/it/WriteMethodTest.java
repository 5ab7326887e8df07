package io.queryset.it;

import static io.queryset.it.BookData.AIMA;
import static io.queryset.it.BookData.PRACTICAL;
import static io.queryset.it.BookData.PYTHON_WEB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.BulkCreateOptions;
import io.queryset.CreateResult;
import io.queryset.DeleteResult;
import io.queryset.F;
import io.queryset.Manager;
import io.queryset.Q;
import io.queryset.QuerySet;
import io.queryset.it.models.Author;
import io.queryset.it.models.Book;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/** Every writing terminal method and the Manager's instance operations, through the side under test. */
@TestModels({Book.class, Author.class})
class WriteMethodTest {

    // ------------------------------------------------------------------ create

    @DatabaseMatrix
    void createInsertsAndReturnsTheKey(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);
        Book unsaved = new Book("New Book", "123456789", 120, "9.99", 3.5, LocalDate.of(2020, 2, 29));

        Book created = fx.call(() -> books.create(unsaved), () -> books.acreate(unsaved));

        assertThat(created.id).isNotNull();
        Book stored = fx.blocking(Book.class).get("pk", created.id);
        assertThat(stored.name).isEqualTo("New Book");
        assertThat(stored.pages).isEqualTo(120);
        assertThat(stored.price).isEqualByComparingTo("9.99");
        assertThat(stored.rating).isEqualTo(3.5);
        assertThat(stored.pubdate).isEqualTo(LocalDate.of(2020, 2, 29));
    }

    @DatabaseMatrix
    void createOnARecordReturnsANewInstanceWithTheKey(Fixture fx) {
        Manager<Author> authors = fx.manager(Author.class);
        Author unsaved = Author.of("Ann", 34);

        Author created = fx.call(() -> authors.create(unsaved), () -> authors.acreate(unsaved));

        assertThat(unsaved.id()).isNull();
        assertThat(created.id()).isNotNull();
        assertThat(created).isEqualTo(new Author(created.id(), "Ann", 34, null));
        assertThat(fx.blocking(Author.class).get("pk", created.id())).isEqualTo(created);
    }

    @DatabaseMatrix
    void createKeepsAnExplicitKey(Fixture fx) {
        Manager<Author> authors = fx.manager(Author.class);
        Author withKey = new Author(4242L, "Keyed", 1, "k@example.com");

        Author created = fx.call(() -> authors.create(withKey), () -> authors.acreate(withKey));

        assertThat(created.id()).isEqualTo(4242L);
        assertThat(fx.blocking(Author.class).get("pk", 4242L).email()).isEqualTo("k@example.com");
    }

    // ------------------------------------------------------------------ getOrCreate, updateOrCreate

    @DatabaseMatrix
    void getOrCreateGetsAnExistingRow(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Q lookup = Q.of("isbn", "159059996");
        Map<String, Object> defaults = Map.of("name", "ignored", "pages", 1, "price", new BigDecimal("1.00"), "rating", 1.0);

        CreateResult<Book> result = fx.call(() -> books.getOrCreate(lookup, defaults), () -> books.agetOrCreate(lookup, defaults));

        assertThat(result.created()).isFalse();
        assertThat(result.object().name).isEqualTo(PRACTICAL);
        assertThat(fx.blocking(Book.class).count()).isEqualTo(6);
    }

    @DatabaseMatrix
    void getOrCreateCreatesFromTheLookupAndTheDefaults(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Q lookup = Q.of("isbn", "999999999").and(Q.of("pages", 42));
        Map<String, Object> defaults = Map.of("name", "Fresh", "price", new BigDecimal("12.50"), "rating", 2.5);

        CreateResult<Book> result = fx.call(() -> books.getOrCreate(lookup, defaults), () -> books.agetOrCreate(lookup, defaults));

        assertThat(result.created()).isTrue();
        assertThat(result.object().id).isNotNull();
        Book stored = fx.blocking(Book.class).get("isbn", "999999999");
        assertThat(stored.id).isEqualTo(result.object().id);
        assertThat(stored.name).isEqualTo("Fresh");
        assertThat(stored.pages).isEqualTo(42);
        assertThat(stored.price).isEqualByComparingTo("12.50");
        assertThat(stored.pubdate).isNull();
        assertThat(fx.blocking(Book.class).count()).isEqualTo(7);
    }

    @DatabaseMatrix
    void getOrCreateOnARecord(Fixture fx) {
        Manager<Author> authors = fx.manager(Author.class);
        Q lookup = Q.of("name", "Ann");
        Map<String, Object> defaults = Map.of("age", 40);

        CreateResult<Author> first = fx.call(() -> authors.getOrCreate(lookup, defaults), () -> authors.agetOrCreate(lookup, defaults));
        CreateResult<Author> second = fx.call(() -> authors.getOrCreate(lookup, defaults), () -> authors.agetOrCreate(lookup, defaults));

        assertThat(first.created()).isTrue();
        assertThat(first.object().age()).isEqualTo(40);
        assertThat(second.created()).isFalse();
        assertThat(second.object()).isEqualTo(first.object());
    }

    @DatabaseMatrix
    void updateOrCreateUpdatesAnExistingRow(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Q lookup = Q.of("isbn", "159059996");
        Map<String, Object> defaults = Map.of("pages", 333, "price", new BigDecimal("19.99"));

        CreateResult<Book> result = fx.call(() -> books.updateOrCreate(lookup, defaults), () -> books.aupdateOrCreate(lookup, defaults));

        assertThat(result.created()).isFalse();
        assertThat(result.object().name).isEqualTo(PRACTICAL);
        assertThat(result.object().pages).isEqualTo(333);
        Book stored = fx.blocking(Book.class).get("isbn", "159059996");
        assertThat(stored.pages).isEqualTo(333);
        assertThat(stored.price).isEqualByComparingTo("19.99");
        assertThat(stored.rating).as("fields outside the defaults are kept").isEqualTo(4.0);
        assertThat(fx.blocking(Book.class).count()).isEqualTo(6);
    }

    @DatabaseMatrix
    void updateOrCreateCreatesAMissingRow(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);
        Q lookup = Q.of("isbn", "888888888");
        Map<String, Object> defaults = Map.of("name", "Made", "pages", 5, "price", new BigDecimal("5.00"), "rating", 5.0);

        CreateResult<Book> result = fx.call(() -> books.updateOrCreate(lookup, defaults), () -> books.aupdateOrCreate(lookup, defaults));

        assertThat(result.created()).isTrue();
        assertThat(result.object().id).isNotNull();
        assertThat(fx.blocking(Book.class).get("isbn", "888888888").name).isEqualTo("Made");
    }

    // ------------------------------------------------------------------ bulkCreate

    @DatabaseMatrix
    void bulkCreateReturnsTheObjectsWithKeysInOrder(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);
        List<Book> unsaved = BookData.unsaved();

        List<Book> created = fx.call(() -> books.bulkCreate(unsaved), () -> books.abulkCreate(unsaved));

        assertThat(created).extracting(b -> b.name).containsExactlyElementsOf(unsaved.stream().map(b -> b.name).toList());
        assertThat(created).extracting(b -> b.id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(created.get(0).id).isLessThan(created.get(5).id);
        assertThat(fx.blocking(Book.class).get("pk", created.get(4).id).name).isEqualTo(AIMA);
        assertThat(fx.blocking(Book.class).count()).isEqualTo(6);
    }

    @DatabaseMatrix
    void bulkCreateInBatches(Fixture fx) {
        Manager<Author> authors = fx.manager(Author.class);
        List<Author> unsaved = IntStream.range(0, 5).mapToObj(i -> Author.of("a" + i, 20 + i)).toList();
        BulkCreateOptions batchesOfTwo = BulkCreateOptions.defaults().batchSize(2);

        List<Author> created = fx.call(() -> authors.bulkCreate(unsaved, batchesOfTwo), () -> authors.abulkCreate(unsaved, batchesOfTwo));

        assertThat(created).extracting(Author::name).containsExactly("a0", "a1", "a2", "a3", "a4");
        assertThat(created).extracting(Author::id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(fx.blocking(Author.class).orderBy("age").list()).isEqualTo(created);
    }

    @DatabaseMatrix
    void bulkCreateOfNothingIsEmpty(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        assertThat(fx.call(() -> books.bulkCreate(List.of()), () -> books.abulkCreate(List.of()))).isEmpty();
    }

    @DatabaseMatrix
    void bulkCreateCanIgnoreConflicts(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        List<Book> batch = List.of(
                new Book("Duplicate of Practical", "159059996", 1, "1.00", 1.0, null),
                new Book("Brand new", "777777777", 2, "2.00", 2.0, null));
        BulkCreateOptions ignore = BulkCreateOptions.defaults().ignoreConflicts();

        List<Book> result = fx.call(() -> books.bulkCreate(batch, ignore), () -> books.abulkCreate(batch, ignore));

        assertThat(result).hasSize(2);
        assertThat(fx.blocking(Book.class).count()).isEqualTo(7);
        assertThat(fx.blocking(Book.class).get("isbn", "159059996").name).isEqualTo(PRACTICAL);
        assertThat(fx.blocking(Book.class).get("isbn", "777777777").pages).isEqualTo(2);
    }

    @DatabaseMatrix
    void bulkCreateCanUpdateConflicts(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        List<Book> batch = List.of(
                new Book("Practical (2nd ed.)", "159059996", 320, "31.00", 1.0, null),
                new Book("Brand new", "777777777", 2, "2.00", 2.0, null));
        BulkCreateOptions upsert = BulkCreateOptions.defaults().updateConflicts(List.of("isbn"), List.of("pages", "price"));

        List<Book> result = fx.call(() -> books.bulkCreate(batch, upsert), () -> books.abulkCreate(batch, upsert));

        assertThat(result).hasSize(2);
        assertThat(fx.blocking(Book.class).count()).isEqualTo(7);
        Book practical = fx.blocking(Book.class).get("isbn", "159059996");
        assertThat(practical.pages).isEqualTo(320);
        assertThat(practical.price).isEqualByComparingTo("31.00");
        assertThat(practical.name).as("not in updateFields").isEqualTo(PRACTICAL);
        assertThat(practical.rating).isEqualTo(4.0);
    }

    @DatabaseMatrix
    void anUpsertOnTheGeneratedKeyInsertsRowsSavedWithoutOne(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        List<Book> batch = List.of(new Book("Keyless", "888888888", 10, "1.00", 1.0, null));
        BulkCreateOptions upsert = BulkCreateOptions.defaults().updateConflicts(List.of("id"), List.of("pages"));

        if (fx.isMariaDb()) {
            // ON DUPLICATE KEY UPDATE would update on a conflict over isbn too, where ON CONFLICT (id) raises: refused.
            assertThatThrownBy(() -> fx.call(() -> books.bulkCreate(batch, upsert), () -> books.abulkCreate(batch, upsert)))
                    .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("here [isbn]");
            assertThat(fx.blocking(Book.class).count()).isEqualTo(6);
            return;
        }
        fx.call(() -> books.bulkCreate(batch, upsert), () -> books.abulkCreate(batch, upsert));

        assertThat(fx.blocking(Book.class).count()).as("a row without a key conflicts with none").isEqualTo(7);
        assertThat(fx.blocking(Book.class).get("isbn", "888888888").pages).isEqualTo(10);
    }

    // ------------------------------------------------------------------ bulkUpdate

    @DatabaseMatrix
    void bulkUpdateWritesTheGivenFieldsOnly(Fixture fx) {
        List<Book> saved = BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        List<Book> changed = saved.subList(0, 3);
        for (Book b : changed) {
            b.price = b.price.add(BigDecimal.ONE);
            b.pages = b.pages + 1000;
            b.name = b.name + " (ignored)";
        }

        Integer rows = fx.call(() -> books.bulkUpdate(changed, "price", "pages"), () -> books.abulkUpdate(changed, "price", "pages"));

        assertThat(rows).isEqualTo(3);
        Book guide = fx.blocking(Book.class).get("pk", saved.get(0).id);
        assertThat(guide.price).isEqualByComparingTo("31.00");
        assertThat(guide.pages).isEqualTo(1447);
        assertThat(guide.name).isEqualTo(BookData.DJANGO_GUIDE);
        assertThat(fx.blocking(Book.class).get("pk", saved.get(3).id).pages).as("untouched row").isEqualTo(350);
    }

    @DatabaseMatrix
    void bulkUpdateOnRecords(Fixture fx) {
        List<Author> saved = fx.blocking(Author.class).bulkCreate(List.of(Author.of("Ann", 30), Author.of("Bob", 40)));
        Manager<Author> authors = fx.manager(Author.class);
        List<Author> older = saved.stream().map(a -> new Author(a.id(), a.name(), a.age() + 1, a.name() + "@example.com")).toList();

        Integer rows = fx.call(() -> authors.bulkUpdate(older, "age", "email"), () -> authors.abulkUpdate(older, "age", "email"));

        assertThat(rows).isEqualTo(2);
        assertThat(fx.blocking(Author.class).list()).containsExactlyElementsOf(older);
    }

    // ------------------------------------------------------------------ update

    @DatabaseMatrix
    void updateSetsValuesOnMatchingRowsAndReturnsTheCount(Fixture fx) {
        BookData.seed(fx);
        QuerySet<Book> fourStars = fx.manager(Book.class).filter("rating", 4.0);

        Integer rows = fx.update(fourStars, Map.of("rating", 4.25));

        assertThat(rows).isEqualTo(3);
        assertThat(fx.blocking(Book.class).filter("rating", 4.25).count()).isEqualTo(3);
        assertThat(fx.blocking(Book.class).filter("rating", 4.0).count()).isZero();
    }

    @DatabaseMatrix
    void updateWithExpressions(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("pages", F.of("pages").plus(1));
        values.put("price", F.of("price").times(2));

        Integer rows = fx.update(books.filter("pages__lt", 400), values);

        assertThat(rows).isEqualTo(2);
        Book practical = fx.blocking(Book.class).get("isbn", "159059996");
        assertThat(practical.pages).isEqualTo(301);
        assertThat(practical.price).isEqualByComparingTo("59.38");
        assertThat(fx.blocking(Book.class).get("isbn", "013790395").pages).isEqualTo(1132);
    }

    @DatabaseMatrix
    void updateCanSetNull(Fixture fx) {
        BookData.seed(fx);
        Map<String, Object> values = new HashMap<>();
        values.put("pubdate", null);

        Integer rows = fx.update(fx.manager(Book.class).filter("pubdate__year", 2008), values);

        assertThat(rows).isEqualTo(3);
        assertThat(fx.blocking(Book.class).filter("pubdate__isnull", true).count()).isEqualTo(3);
    }

    @DatabaseMatrix
    void updateOfNothingIsZero(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(fx.update(books.filter("pages", -1), Map.of("pages", 1))).isZero();
        assertThat(fx.update(books.none(), Map.of("pages", 1))).isZero();
        assertThat(fx.blocking(Book.class).filter("pages", 1).count()).isZero();
    }

    // ------------------------------------------------------------------ delete

    @DatabaseMatrix
    void deleteRemovesMatchingRowsAndCountsThemPerModel(Fixture fx) {
        BookData.seed(fx);
        QuerySet<Book> fourStars = fx.manager(Book.class).filter("rating", 4.0);

        DeleteResult result = fx.delete(fourStars);

        assertThat(result.total()).isEqualTo(3);
        assertThat(result.perModel()).containsExactly(Map.entry("Book", 3L));
        assertThat(fx.blocking(Book.class).valuesList(String.class, "name").list())
                .doesNotContain(AIMA, PRACTICAL, PYTHON_WEB).hasSize(3);
    }

    @DatabaseMatrix
    void deleteOfNothing(Fixture fx) {
        BookData.seed(fx);

        DeleteResult result = fx.delete(fx.manager(Book.class).filter("pages", -1));

        assertThat(result.total()).isZero();
        assertThat(fx.blocking(Book.class).count()).isEqualTo(6);
    }

    @DatabaseMatrix
    void deleteEverything(Fixture fx) {
        BookData.seed(fx);

        DeleteResult result = fx.delete(fx.manager(Book.class).all());

        assertThat(result.total()).isEqualTo(6);
        assertThat(fx.blocking(Book.class).exists()).isFalse();
    }

    // ------------------------------------------------------------------ Manager: save, delete, refresh

    @DatabaseMatrix
    void saveInsertsWhenTheKeyIsNullAndUpdatesOtherwise(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);
        Book book = new Book("Draft", "555555555", 10, "1.00", 1.0, null);

        Book inserted = fx.call(() -> books.save(book), () -> books.asave(book));
        assertThat(inserted.id).isNotNull();
        assertThat(fx.blocking(Book.class).count()).isEqualTo(1);

        inserted.name = "Final";
        inserted.pubdate = LocalDate.of(2024, 1, 2);
        Book updated = fx.call(() -> books.save(inserted), () -> books.asave(inserted));

        assertThat(updated.id).isEqualTo(inserted.id);
        assertThat(fx.blocking(Book.class).count()).isEqualTo(1);
        Book stored = fx.blocking(Book.class).get("pk", inserted.id);
        assertThat(stored.name).isEqualTo("Final");
        assertThat(stored.pubdate).isEqualTo(LocalDate.of(2024, 1, 2));
    }

    @DatabaseMatrix
    void saveOnARecordReturnsTheStoredInstance(Fixture fx) {
        Manager<Author> authors = fx.manager(Author.class);
        Author ann = Author.of("Ann", 30);

        Author inserted = fx.call(() -> authors.save(ann), () -> authors.asave(ann));
        Author renamed = new Author(inserted.id(), "Anne", 31, "anne@example.com");
        Author updated = fx.call(() -> authors.save(renamed), () -> authors.asave(renamed));

        assertThat(inserted.id()).isNotNull();
        assertThat(updated).isEqualTo(renamed);
        assertThat(fx.blocking(Author.class).list()).containsExactly(renamed);
    }

    @DatabaseMatrix
    void deleteOfAnInstanceRemovesItsRow(Fixture fx) {
        List<Book> saved = BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Book practical = saved.get(2);

        DeleteResult result = fx.call(() -> books.delete(practical), () -> books.adelete(practical));

        assertThat(result.total()).isEqualTo(1);
        assertThat(result.perModel()).containsExactly(Map.entry("Book", 1L));
        assertThat(fx.blocking(Book.class).filter("pk", practical.id).exists()).isFalse();
        assertThat(fx.blocking(Book.class).count()).isEqualTo(5);
    }

    @DatabaseMatrix
    void refreshReloadsFromTheRow(Fixture fx) {
        List<Book> saved = BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Book practical = saved.get(2);
        fx.blocking(Book.class).filter("pk", practical.id).update(Map.of("pages", 999, "name", "Renamed"));

        Book refreshed = fx.call(() -> books.refresh(practical), () -> books.arefresh(practical));

        assertThat(refreshed.pages).isEqualTo(999);
        assertThat(refreshed.name).isEqualTo("Renamed");
        assertThat(practical.pages).as("a mutable instance is updated in place").isEqualTo(999);
        assertThat(practical.name).isEqualTo("Renamed");
    }

    @DatabaseMatrix
    void refreshOfARecordReturnsANewInstance(Fixture fx) {
        Author ann = fx.blocking(Author.class).create(Author.of("Ann", 30));
        Manager<Author> authors = fx.manager(Author.class);
        fx.blocking(Author.class).filter("pk", ann.id()).update(Map.of("age", 31));

        Author refreshed = fx.call(() -> authors.refresh(ann), () -> authors.arefresh(ann));

        assertThat(refreshed).isEqualTo(new Author(ann.id(), "Ann", 31, null));
    }

    @DatabaseMatrix
    void getOrCreateIgnoresNonExactLookupsWhenCreating(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);
        Q lookup = Q.of("isbn__iexact", "ABC123");
        Map<String, Object> defaults = Map.of("isbn", "ABC123", "name", "Cased", "pages", 1, "price", new BigDecimal("1.00"), "rating", 1.0);

        CreateResult<Book> first = fx.call(() -> books.getOrCreate(lookup, defaults), () -> books.agetOrCreate(lookup, defaults));
        Q lower = Q.of("isbn__iexact", "abc123");
        CreateResult<Book> second = fx.call(() -> books.getOrCreate(lower, defaults), () -> books.agetOrCreate(lower, defaults));

        assertThat(first.created()).isTrue();
        assertThat(second.created()).isFalse();
        assertThat(second.object().id).isEqualTo(first.object().id);
        assertThat(fx.blocking(Book.class).count()).isEqualTo(1);
    }

    @DatabaseMatrix
    void updateOrCreateOnARecord(Fixture fx) {
        Author ann = fx.blocking(Author.class).create(Author.of("Ann", 30));
        Manager<Author> authors = fx.manager(Author.class);
        Q lookup = Q.of("name", "Ann");
        Map<String, Object> defaults = Map.of("age", 31, "email", "ann@example.com");

        CreateResult<Author> result = fx.call(() -> authors.updateOrCreate(lookup, defaults), () -> authors.aupdateOrCreate(lookup, defaults));

        assertThat(result.created()).isFalse();
        assertThat(result.object()).isEqualTo(new Author(ann.id(), "Ann", 31, "ann@example.com"));
        assertThat(fx.blocking(Author.class).list()).containsExactly(result.object());
    }

    @DatabaseMatrix
    void savingAnInstanceWhoseRowIsGoneInsertsItAgain(Fixture fx) {
        Book book = fx.blocking(Book.class).create(new Book("Phoenix", "321", 10, "1.00", 1.0, null));
        fx.blocking(Book.class).filter("pk", book.id).delete();
        Manager<Book> books = fx.manager(Book.class);

        // Django's save(): an UPDATE that matches no row falls back to an INSERT.
        Book saved = fx.call(() -> books.save(book), () -> books.asave(book));

        assertThat(saved.id).isEqualTo(book.id);
        assertThat(fx.blocking(Book.class).get("pk", book.id).name).isEqualTo("Phoenix");
    }

    @DatabaseMatrix
    void refreshOfADeletedRowDoesNotExist(Fixture fx) {
        Book book = fx.blocking(Book.class).create(new Book("Gone", "654", 10, "1.00", 1.0, null));
        fx.blocking(Book.class).filter("pk", book.id).delete();
        Manager<Book> books = fx.manager(Book.class);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.call(() -> books.refresh(book), () -> books.arefresh(book)))
                .isInstanceOf(io.queryset.ObjectDoesNotExistException.class)
                .hasMessage("Book matching query does not exist.");
    }

    @DatabaseMatrix
    void deletingAnUnsavedInstanceIsRejected(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);
        Book unsaved = new Book("Never saved", "987", 1, "1.00", 1.0, null);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> fx.call(() -> books.delete(unsaved), () -> books.adelete(unsaved)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @DatabaseMatrix
    void bulkCreateSplitsStatementsAtTheDatabaseParameterLimit(Fixture fx) {
        // 6,000 books x 6 columns = 36,000 parameters: more than one statement may carry.
        List<Book> many = IntStream.range(0, 6000)
                .mapToObj(i -> new Book("book " + i, "n" + i, i, "1.00", 1.0, null)).toList();
        Manager<Book> books = fx.manager(Book.class);

        List<Book> created = fx.call(() -> books.bulkCreate(many), () -> books.abulkCreate(many));

        assertThat(created).hasSize(6000).extracting(b -> b.id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(fx.blocking(Book.class).count()).isEqualTo(6000);
        assertThat(fx.blocking(Book.class).get("isbn", "n5999").pages).isEqualTo(5999);
    }

    @DatabaseMatrix
    void updateWithDecimalArithmeticRoundsToTheColumnScale(Fixture fx) {
        BookData.seed(fx);
        Map<String, Object> values = Map.of("price", F.of("price").times(new BigDecimal("1.10")));

        assertThat(fx.update(fx.manager(Book.class).filter("isbn", "159059996"), values)).isEqualTo(1);

        assertThat(fx.blocking(Book.class).get("isbn", "159059996").price).isEqualByComparingTo("32.66");
    }

    @DatabaseMatrix
    void concurrentGetOrCreateCreatesOneRowAndGetsItEverywhereElse(Fixture fx) throws Exception {
        Manager<Book> books = fx.manager(Book.class);
        Q lookup = Q.of("isbn", "race");
        Map<String, Object> defaults = Map.of("name", "Raced", "pages", 1, "price", new BigDecimal("1.00"), "rating", 1.0);
        int callers = 8;

        List<CreateResult<Book>> results;
        if (fx.isAsync()) {
            results = fx.awaitAll(reactor.core.publisher.Flux.range(0, callers)
                    .flatMap(i -> books.agetOrCreate(lookup, defaults), callers));
        } else {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(callers);
            try {
                java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
                List<java.util.concurrent.Future<CreateResult<Book>>> futures = new java.util.ArrayList<>();
                for (int i = 0; i < callers; i++) {
                    futures.add(pool.submit(() -> {
                        start.await();
                        return books.getOrCreate(lookup, defaults);
                    }));
                }
                start.countDown();
                results = new java.util.ArrayList<>();
                for (var f : futures) {
                    results.add(f.get(30, java.util.concurrent.TimeUnit.SECONDS));
                }
            } finally {
                pool.shutdownNow();
            }
        }

        assertThat(results).hasSize(callers);
        assertThat(results).filteredOn(CreateResult::created).hasSize(1);
        assertThat(results).extracting(r -> r.object().id).containsOnly(results.get(0).object().id);
        assertThat(fx.blocking(Book.class).count()).isEqualTo(1);
    }
}
