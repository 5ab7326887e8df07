package io.queryset.it;

import static io.queryset.it.BookData.AIMA;
import static io.queryset.it.BookData.DJANGO_GUIDE;
import static io.queryset.it.BookData.PARADIGMS;
import static io.queryset.it.BookData.PRACTICAL;
import static io.queryset.it.BookData.PYTHON_WEB;
import static io.queryset.it.BookData.SAMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.queryset.F;
import io.queryset.Manager;
import io.queryset.Q;
import io.queryset.expr.Case;
import io.queryset.expr.Coalesce;
import io.queryset.expr.Count;
import io.queryset.expr.Exists;
import io.queryset.expr.OuterRef;
import io.queryset.expr.Subquery;
import io.queryset.expr.Sum;
import io.queryset.expr.Value;
import io.queryset.it.models.Book;
import io.queryset.it.models.ExprBook;
import io.queryset.it.models.ExprPublisher;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Case/When, Coalesce, Subquery with OuterRef, and Exists (API.md §4), on both sides of each twin. */
@TestModels({Book.class, ExprPublisher.class, ExprBook.class})
class ExpressionsTest {

    private static void seedPublishers(Fixture fx) {
        Manager<ExprPublisher> publishers = fx.blocking(ExprPublisher.class);
        ExprPublisher apress = publishers.create(new ExprPublisher("Apress"));
        ExprPublisher sams = publishers.create(new ExprPublisher("Sams"));
        publishers.create(new ExprPublisher("Empty House"));
        fx.blocking(ExprBook.class).bulkCreate(List.of(
                new ExprBook("Django Guide", 447, LocalDate.of(2007, 12, 6), apress),
                new ExprBook("Practical Django", 300, LocalDate.of(2008, 6, 23), apress),
                new ExprBook("Sams 24 Hours", 528, LocalDate.of(2008, 3, 3), sams),
                new ExprBook("Sams Undated", 90, null, sams)));
    }

    @DatabaseMatrix
    void caseWhenLabelsRowsByTheFirstMatchingBranch(Fixture fx) {
        BookData.seed(fx);
        var labels = fx.list(fx.manager(Book.class).orderBy("pages")
                .annotate("size", Case.when(Q.of("pages__gt", 900), Value.of("long"))
                        .when(Q.of("pages__lt", 400), Value.of("short")).otherwise(Value.of("medium")))
                .valuesList("pages", "size"));

        assertThat(labels).containsExactly(List.of(300, "short"), List.of(350, "short"), List.of(447, "medium"),
                List.of(528, "medium"), List.of(946, "long"), List.of(1132, "long"));
    }

    @DatabaseMatrix
    void aConstantNextToAnAggregateIsNotAGroupingColumn(Fixture fx) {
        BookData.seed(fx);

        // Grouping by a bound 2 would mean "the second column" (the count) on MariaDB, whose driver inlines values.
        var rows = fx.list(fx.manager(Book.class).orderBy("rating").values("rating").annotate("n", Count.of("id"))
                .annotate("two", Value.of(2)).valuesList("rating", "n", "two"));

        assertThat(rows).containsExactly(List.of(3.0, 1L, 2), List.of(4.0, 3L, 2), List.of(4.5, 1L, 2), List.of(5.0, 1L, 2));
    }

    @DatabaseMatrix
    void caseWhenWithoutDefaultIsNullAndWorksInsideAnAggregate(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        Map<String, Object> sums = fx.aggregate(books, Map.of("longPages",
                Sum.of(Case.when(Q.of("pages__gt", 900), F.of("pages")).otherwise(Value.of(0)))));
        assertThat(sums).containsExactly(entry("longPages", 946L + 1132L));

        var rows = fx.list(books.filter("pages", 300).annotate("big", Case.when(Q.of("pages__gt", 900), Value.of(1)))
                .values("name", "big"));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).containsEntry("name", PRACTICAL).containsEntry("big", null);
    }

    @DatabaseMatrix
    void coalesceTakesTheFirstNonNullValueWithTheFirstArgumentsType(Fixture fx) {
        BookData.seed(fx);
        BookData.unpublished(fx);
        LocalDate fallback = LocalDate.of(1900, 1, 1);

        var dates = fx.list(fx.manager(Book.class).filter("pages__lte", 300).orderBy("pages")
                .annotate("when", Coalesce.of("pubdate", Value.of(fallback))).valuesList(Object.class, "when"));

        assertThat(dates).containsExactly(fallback, LocalDate.of(2008, 6, 23));
    }

    @DatabaseMatrix
    void aCorrelatedSubqueryAnnotatesEachPublisherWithItsNewestBook(Fixture fx) {
        seedPublishers(fx);
        Manager<ExprBook> books = fx.manager(ExprBook.class);

        var publishers = fx.list(fx.manager(ExprPublisher.class).annotate("newest", Subquery.of(
                books.filter("publisher", OuterRef.of("pk")).exclude("pubdate", null).orderBy("-pubdate")
                        .valuesList("name").slice(0, 1))));

        assertThat(publishers).extracting(p -> p.name + ":" + p.newest)
                .containsExactly("Apress:Practical Django", "Empty House:null", "Sams:Sams 24 Hours");
    }

    @DatabaseMatrix
    void theDjangoIdiomForACorrelatedCountAndASubqueryInUpdate(Fixture fx) {
        seedPublishers(fx);
        Manager<ExprBook> books = fx.manager(ExprBook.class);
        Manager<ExprPublisher> publishers = fx.manager(ExprPublisher.class);

        var counts = fx.list(publishers.annotate("n", Subquery.of(books.filter("publisher", OuterRef.of("pk")).orderBy()
                .values("publisher").annotate("c", Count.of("id")).valuesList("c"))).valuesList("name", "n"));
        // Django gives NULL for "Empty House" (its GROUP BY publisher survives the later values("c")); here the
        // grouping follows the final select list, so the sub-select is a plain COUNT and gives 0.
        assertThat(counts).containsExactly(List.of("Apress", 2L), List.of("Empty House", 0L), List.of("Sams", 2L));

        // UPDATE ... SET name = (SELECT ... WHERE U0.publisher_id = "it_expr_publisher".id)
        int updated = fx.update(publishers.filter("name", "Sams"), java.util.Map.of("name", Subquery.of(
                books.filter("publisher", OuterRef.of("pk")).orderBy("-pages").valuesList("name").slice(0, 1))));
        assertThat(updated).isEqualTo(1);
        assertThat(fx.blocking(ExprPublisher.class).filter("name", "Sams 24 Hours").exists()).isTrue();
    }

    @DatabaseMatrix
    void aSubqueryValueCanBeFilteredOnAndCompared(Fixture fx) {
        seedPublishers(fx);
        Manager<ExprBook> books = fx.manager(ExprBook.class);

        // Books longer than the average... of their own publisher's other books: correlated on the FK column.
        var longest = fx.list(books.filter("pages", Subquery.of(books.filter("publisher", OuterRef.of("publisher"))
                .orderBy("-pages").valuesList("pages").slice(0, 1))).valuesList(String.class, "name"));

        assertThat(longest).containsExactly("Django Guide", "Sams 24 Hours");
    }

    @DatabaseMatrix
    void aSelfReferentialSubqueryCountsOtherRowsOfTheSameTable(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        // For each book, the next longer book: the inner query reads it_book too.
        var longer = fx.list(books.orderBy("-pages").annotate("more", Subquery.of(
                books.filter("pages__gt", OuterRef.of("pages")).orderBy("pages").valuesList("name").slice(0, 1)))
                .valuesList("name", "more"));
        assertThat(longer).containsExactly(Arrays.asList(AIMA, null), List.of(PARADIGMS, AIMA), List.of(SAMS, PARADIGMS),
                List.of(DJANGO_GUIDE, SAMS), List.of(PYTHON_WEB, DJANGO_GUIDE), List.of(PRACTICAL, PYTHON_WEB));
    }

    @DatabaseMatrix
    void existsAnnotatesBooleansAndFiltersThroughTheAnnotation(Fixture fx) {
        seedPublishers(fx);
        Manager<ExprBook> books = fx.manager(ExprBook.class);
        Manager<ExprPublisher> publishers = fx.manager(ExprPublisher.class);
        Exists hasLong = Exists.of(books.filter("publisher", OuterRef.of("pk")).filter("pages__gt", 500));

        assertThat(fx.list(publishers.annotate("hasLong", hasLong))).extracting(p -> p.name + ":" + p.hasLong)
                .containsExactly("Apress:false", "Empty House:false", "Sams:true");
        assertThat(fx.list(publishers.annotate("hasLong", hasLong).filter("hasLong", true))).extracting(p -> p.name)
                .containsExactly("Sams");
        assertThat(fx.list(publishers.alias("hasBooks", Exists.of(books.filter("publisher", OuterRef.of("pk"))).not())
                .filter("hasBooks", true))).extracting(p -> p.name).containsExactly("Empty House");
        assertThat(fx.count(publishers.alias("hasLong", hasLong).filter("hasLong", false))).isEqualTo(2);
        assertThat(fx.list(publishers.filter(hasLong))).extracting(p -> p.name).containsExactly("Sams");
        assertThat(fx.list(publishers.exclude(hasLong))).extracting(p -> p.name).containsExactly("Apress", "Empty House");
        assertThatThrownBy(() -> publishers.filter(Value.of(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
