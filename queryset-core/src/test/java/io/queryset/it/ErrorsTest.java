package io.queryset.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.BulkCreateOptions;
import io.queryset.F;
import io.queryset.FieldLookupException;
import io.queryset.Manager;
import io.queryset.MultipleObjectsReturnedException;
import io.queryset.ObjectDoesNotExistException;
import io.queryset.Q;
import io.queryset.QuerySet;
import io.queryset.expr.Count;
import io.queryset.expr.Sum;
import io.queryset.it.models.Author;
import io.queryset.it.models.Book;
import io.queryset.it.models.Event;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.dao.IncorrectResultSizeDataAccessException;
import org.springframework.dao.InvalidDataAccessApiUsageException;

/**
 * Errors: Django's messages with Java names, Spring's exception hierarchy, checks made before any SQL, and
 * database errors translated on both sides of the twins.
 */
@TestModels({Book.class, Author.class})
class ErrorsTest {

    private static final String BOOK_CHOICES = "Choices are: id, isbn, name, pages, price, pubdate, rating";

    // ------------------------------------------------------------------ get()

    @DatabaseMatrix
    void getOfNoRowThrowsDoesNotExist(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThatThrownBy(() -> fx.call(() -> books.get("pages", 1), () -> books.aget("pages", 1)))
                .isInstanceOf(ObjectDoesNotExistException.class)
                .isInstanceOf(EmptyResultDataAccessException.class)
                .hasMessage("Book matching query does not exist.");
        Manager<Author> authors = fx.manager(Author.class);
        assertThatThrownBy(() -> fx.call(() -> authors.get("name", "nobody"), () -> authors.aget("name", "nobody")))
                .isInstanceOf(ObjectDoesNotExistException.class)
                .hasMessage("Author matching query does not exist.");
    }

    @DatabaseMatrix
    void getOfSeveralRowsThrowsMultipleObjectsReturned(Fixture fx) {
        BookData.seed(fx);
        QuerySet<Book> fourStars = fx.manager(Book.class).filter("rating", 4.0);

        assertThatThrownBy(() -> fx.call(() -> fourStars.get(), () -> fourStars.aget()))
                .isInstanceOf(MultipleObjectsReturnedException.class)
                .isInstanceOf(IncorrectResultSizeDataAccessException.class)
                .hasMessage("get() returned more than one Book -- it returned 3!");
    }

    @DatabaseMatrix
    void getOfMoreThanTwentyRowsSaysMoreThanTwenty(Fixture fx) {
        fx.blocking(Author.class).bulkCreate(IntStream.range(0, 25).mapToObj(i -> Author.of("same", i)).toList());
        Manager<Author> authors = fx.manager(Author.class);

        assertThatThrownBy(() -> fx.call(() -> authors.get("name", "same"), () -> authors.aget("name", "same")))
                .isInstanceOf(MultipleObjectsReturnedException.class)
                .hasMessage("get() returned more than one Author -- it returned more than 20!");
    }

    // ------------------------------------------------------------------ unknown names, before any SQL

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void anUnknownFieldFailsAtFilterTimeListingTheChoices(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        assertThatThrownBy(() -> books.filter("nme", "x"))
                .isInstanceOf(FieldLookupException.class)
                .isInstanceOf(InvalidDataAccessApiUsageException.class)
                .hasMessageStartingWith("Cannot resolve keyword 'nme' into field. " + BOOK_CHOICES);
        assertThatThrownBy(() -> books.exclude("nme", "x")).isInstanceOf(FieldLookupException.class);
        assertThatThrownBy(() -> books.filter(Q.of("pages", 1).or(Q.of("nme", "x")))).isInstanceOf(FieldLookupException.class);
        assertThatThrownBy(() -> books.filter(Map.of("nme__startswith", "x"))).isInstanceOf(FieldLookupException.class);
        assertThatThrownBy(() -> books.filter("pagesPlusTen", 1)).as("a @Transient field is not a column")
                .isInstanceOf(FieldLookupException.class);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void unknownFieldsFailEverywhereAFieldIsNamed(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        assertThatThrownBy(() -> books.orderBy("-nme")).isInstanceOf(FieldLookupException.class).hasMessageContaining("'nme'");
        assertThatThrownBy(() -> books.values("nme")).isInstanceOf(FieldLookupException.class);
        assertThatThrownBy(() -> books.valuesList("id", "nme")).isInstanceOf(FieldLookupException.class);
        assertThatThrownBy(() -> books.valuesList(String.class, "nme")).isInstanceOf(FieldLookupException.class);
        assertThatThrownBy(() -> books.annotate("x", F.of("nme").plus(1))).isInstanceOf(FieldLookupException.class);
        assertThatThrownBy(() -> books.orderBy(F.of("nme").desc())).isInstanceOf(FieldLookupException.class);
        assertThatThrownBy(() -> books.aggregate(Sum.of("nme"))).isInstanceOf(FieldLookupException.class);
        assertThatThrownBy(() -> books.update(Map.of("nme", 1))).isInstanceOf(FieldLookupException.class);
        assertThatThrownBy(() -> books.get("nme", 1)).isInstanceOf(FieldLookupException.class);
    }

    @DatabaseMatrix(modes = {ExecutionMode.NATIVE, ExecutionMode.BRIDGED})
    void unknownFieldsFailTheAsyncTwinsToo(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        assertThatThrownBy(() -> fx.await(books.aaggregate(Sum.of("nme")))).isInstanceOf(FieldLookupException.class);
        assertThatThrownBy(() -> fx.await(books.aupdate(Map.of("nme", 1)))).isInstanceOf(FieldLookupException.class);
        assertThatThrownBy(() -> fx.await(books.aget("nme", 1))).isInstanceOf(FieldLookupException.class);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void anUnknownLookupSuggestsCloseOnes(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        assertThatThrownBy(() -> books.filter("name__starts", "x"))
                .isInstanceOf(FieldLookupException.class)
                .hasMessageStartingWith("Unsupported lookup 'starts' for CharField or join on the field not permitted, "
                        + "perhaps you meant startswith or istartswith?");
        assertThatThrownBy(() -> books.filter("pages__year", 2000)).as("year applies to dates only")
                .isInstanceOf(FieldLookupException.class).hasMessageContaining("'year'");
        assertThatThrownBy(() -> books.filter("pubdate__hour", 1)).as("hour does not apply to a date")
                .isInstanceOf(FieldLookupException.class).hasMessageContaining("'hour'");
        assertThatThrownBy(() -> fx.manager(Event.class).filter("doorsOpen__date", java.time.LocalDate.now()))
                .as("date does not apply to a time of day")
                .isInstanceOf(FieldLookupException.class).hasMessageContaining("'date'");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void aValueThatCannotBeConvertedNamesTheFieldTheValueAndTheType(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        assertThatThrownBy(() -> books.filter("pages", "many"))
                .isInstanceOf(FieldLookupException.class)
                .hasMessageContaining("pages").hasMessageContaining("many");
        assertThatThrownBy(() -> books.filter("pubdate", "not a date"))
                .isInstanceOf(FieldLookupException.class)
                .hasMessageContaining("pubdate").hasMessageContaining("not a date");
        assertThatThrownBy(() -> books.filter("pages__in", List.of(1, "x"))).isInstanceOf(FieldLookupException.class);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void isnullTakesABoolean(Fixture fx) {
        assertThatThrownBy(() -> fx.manager(Book.class).filter("pubdate__isnull", "yes"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The QuerySet value for an isnull lookup must be True or False.");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void anInSubqueryMustSelectOneColumn(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        assertThatThrownBy(() -> fx.list(books.filter("id__in", books.valuesList("id", "name"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The QuerySet value for the 'in' lookup must have 1 selected fields (received 2)");
    }

    // ------------------------------------------------------------------ operations not allowed in the state

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void aSlicedQuerySetCannotBeFilteredOrReordered(Fixture fx) {
        QuerySet<Book> sliced = fx.manager(Book.class).slice(0, 2);

        assertThatThrownBy(() -> sliced.filter("pages", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot filter a query once a slice has been taken.");
        assertThatThrownBy(() -> sliced.exclude("pages", 1)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> sliced.orderBy("pages"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Cannot reorder a query once a slice has been taken.");
    }

    @DatabaseMatrix
    void aSlicedQuerySetCannotBeUpdatedOrDeleted(Fixture fx) {
        BookData.seed(fx);
        QuerySet<Book> sliced = fx.manager(Book.class).slice(0, 2);

        assertThatThrownBy(() -> fx.delete(sliced)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fx.update(sliced, Map.of("pages", 1)))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fx.run(sliced, q -> q.latest(), q -> q.alatest())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> fx.run(sliced, q -> q.inBulk(List.of(1L)), q -> q.ainBulk(List.of(1L))))
                .isInstanceOf(IllegalStateException.class);
        assertThat(fx.blocking(Book.class).count()).as("nothing was changed").isEqualTo(6);
        assertThat(fx.blocking(Book.class).filter("pages", 1).count()).isZero();
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void negativeSlicesAreRejected(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        assertThatThrownBy(() -> books.slice(-1, 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Negative indexing is not supported.");
        assertThatThrownBy(() -> books.slice(0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ bad arguments

    @DatabaseMatrix
    void latestWithoutFieldsOrGetLatestByIsRejected(Fixture fx) {
        fx.blocking(Author.class).create(Author.of("Ann", 1));
        Manager<Author> authors = fx.manager(Author.class);

        assertThatThrownBy(() -> fx.call(() -> authors.latest(), () -> authors.alatest()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("earliest() and latest() require either fields as positional arguments or");
    }

    @DatabaseMatrix
    void containsNeedsASavedInstance(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);
        Book unsaved = new Book("x", "x", 1, "1.00", 1.0, null);

        assertThatThrownBy(() -> fx.call(() -> books.contains(unsaved), () -> books.acontains(unsaved)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("QuerySet.contains() cannot be used on unsaved objects.");
    }

    @DatabaseMatrix
    void inBulkNeedsAUniqueField(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        assertThatThrownBy(() -> fx.call(() -> books.inBulk(List.of(1), "pages"), () -> books.ainBulk(List.of(1), "pages")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unique field").hasMessageContaining("'pages'");
    }

    @DatabaseMatrix
    void streamChunkSizeMustBePositive(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        assertThatThrownBy(() -> fx.stream(books, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Chunk size must be strictly positive.");
    }

    @DatabaseMatrix
    void bulkCreateOptionsAreChecked(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);
        List<Book> one = List.of(new Book("x", "x", 1, "1.00", 1.0, null));
        BulkCreateOptions both = BulkCreateOptions.defaults().ignoreConflicts().updateConflicts(List.of("isbn"), List.of("pages"));
        BulkCreateOptions noUpdateFields = BulkCreateOptions.defaults().updateConflicts(List.of("isbn"), List.of());

        assertThatThrownBy(() -> BulkCreateOptions.defaults().batchSize(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Batch size must be a positive integer.");
        assertThatThrownBy(() -> fx.call(() -> books.bulkCreate(one, both), () -> books.abulkCreate(one, both)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mutually exclusive");
        assertThatThrownBy(() -> fx.call(() -> books.bulkCreate(one, noUpdateFields), () -> books.abulkCreate(one, noUpdateFields)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(fx.blocking(Book.class).count()).isZero();
    }

    @DatabaseMatrix
    void bulkUpdateNeedsFieldsAndCannotChangeTheKey(Fixture fx) {
        List<Book> saved = BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThatThrownBy(() -> fx.call(() -> books.bulkUpdate(saved), () -> books.abulkUpdate(saved)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fx.call(() -> books.bulkUpdate(saved, "id"), () -> books.abulkUpdate(saved, "id")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fx.call(() -> books.bulkUpdate(saved, "nme"), () -> books.abulkUpdate(saved, "nme")))
                .isInstanceOf(FieldLookupException.class);
    }

    @Test
    void countDoesNotAllowADefault() {
        assertThatThrownBy(() -> Count.of("id").defaultValue(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Count does not allow default.");
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void complexAggregatesNeedAnAlias(Fixture fx) {
        assertThatThrownBy(() -> fx.manager(Book.class).aggregate(Sum.of(F.of("pages").times(2))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Complex aggregates require an alias");
    }

    // ------------------------------------------------------------------ database errors, translated

    @DatabaseMatrix
    void aDuplicateUniqueValueIsADuplicateKeyException(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        Book duplicate = new Book("Another", "159059996", 1, "1.00", 1.0, null);

        assertThatThrownBy(() -> fx.call(() -> books.create(duplicate), () -> books.acreate(duplicate)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> fx.call(() -> books.save(duplicate), () -> books.asave(duplicate)))
                .isInstanceOf(DuplicateKeyException.class);
        List<Book> batch = List.of(new Book("ok", "1", 1, "1.00", 1.0, null), duplicate);
        assertThatThrownBy(() -> fx.call(() -> books.bulkCreate(batch), () -> books.abulkCreate(batch)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(fx.blocking(Book.class).count()).as("nothing is half-written").isEqualTo(6);
    }

    @DatabaseMatrix
    void aDuplicatePrimaryKeyIsADuplicateKeyException(Fixture fx) {
        Author ann = fx.blocking(Author.class).create(Author.of("Ann", 1));
        Manager<Author> authors = fx.manager(Author.class);
        Author clash = new Author(ann.id(), "Bob", 2, null);

        assertThatThrownBy(() -> fx.call(() -> authors.create(clash), () -> authors.acreate(clash)))
                .isInstanceOf(DuplicateKeyException.class);
    }

    @DatabaseMatrix
    void anUpdateBreakingAConstraintIsTranslated(Fixture fx) {
        BookData.seed(fx);
        QuerySet<Book> all = fx.manager(Book.class).all();

        assertThatThrownBy(() -> fx.update(all, Map.of("isbn", "same")))
                .isInstanceOf(DuplicateKeyException.class);
        java.util.HashMap<String, Object> nullName = new java.util.HashMap<>();
        nullName.put("name", null);
        assertThatThrownBy(() -> fx.update(all, nullName))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(fx.blocking(Book.class).filter("isbn", "same").count()).isZero();
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void aSlicedQuerySetCannotBeReversed(Fixture fx) {
        QuerySet<Book> sliced = fx.manager(Book.class).slice(0, 2);

        assertThatThrownBy(sliced::reverse).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(sliced::last).isInstanceOf(IllegalStateException.class);
    }

    @DatabaseMatrix
    void deleteAfterValuesIsRejected(Fixture fx) {
        BookData.seed(fx);
        QuerySet<Map<String, Object>> values = fx.manager(Book.class).values("name");

        assertThatThrownBy(() -> fx.delete(values)).isInstanceOf(IllegalStateException.class);
        assertThat(fx.blocking(Book.class).count()).isEqualTo(6);
    }
}
