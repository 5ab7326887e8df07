package io.queryset.it;

import static io.queryset.it.BookData.AIMA;
import static io.queryset.it.BookData.DJANGO_GUIDE;
import static io.queryset.it.BookData.PARADIGMS;
import static io.queryset.it.BookData.PRACTICAL;
import static io.queryset.it.BookData.PYTHON_WEB;
import static io.queryset.it.BookData.SAMS;
import static io.queryset.it.BookData.names;
import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.F;
import io.queryset.Manager;
import io.queryset.Q;
import io.queryset.it.models.Book;
import io.queryset.it.models.BookReview;
import io.queryset.it.models.Event;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field lookups, Q and F in filters, and the date/time transforms, with Django's semantics
 * (after tests/lookup/tests.py and the querysets reference).
 */
@TestModels({Book.class, Event.class, BookReview.class})
class LookupTest {

    // ------------------------------------------------------------------ exact / iexact

    @DatabaseMatrix
    void exactIsTheDefaultLookup(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("name", PRACTICAL))).containsExactly(PRACTICAL);
        assertThat(names(fx, books.filter("name__exact", PRACTICAL))).containsExactly(PRACTICAL);
        if (fx.isMariaDb()) {
            // As in Django on MySQL/MariaDB, exact follows the column's collation: the default utf8mb4_general_ci
            // ignores case (docs/databases.md).
            assertThat(names(fx, books.filter("name", "practical django projects"))).containsExactly(PRACTICAL);
        } else {
            assertThat(names(fx, books.filter("name", "practical django projects"))).isEmpty();
        }
    }

    @DatabaseMatrix
    void iexactIgnoresCase(Fixture fx) {
        BookData.seed(fx);

        assertThat(names(fx, fx.manager(Book.class).filter("name__iexact", "pRACTICAL django PROJECTS")))
                .containsExactly(PRACTICAL);
    }

    @DatabaseMatrix
    void exactNullMeansIsNull(Fixture fx) {
        BookData.seed(fx);
        BookData.unpublished(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("pubdate", null))).containsExactly("Unpublished Manuscript");
        assertThat(names(fx, books.filter("pubdate__exact", null))).containsExactly("Unpublished Manuscript");
        assertThat(names(fx, books.filter(Q.of("pubdate", null)))).containsExactly("Unpublished Manuscript");
    }

    @DatabaseMatrix
    void isnullTrueAndFalse(Fixture fx) {
        BookData.seed(fx);
        BookData.unpublished(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("pubdate__isnull", true))).containsExactly("Unpublished Manuscript");
        assertThat(names(fx, books.filter("pubdate__isnull", false))).containsExactlyElementsOf(BookData.BY_NAME);
    }

    @DatabaseMatrix
    void pkIsAnAliasOfThePrimaryKey(Fixture fx) {
        List<Book> saved = BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("pk", saved.get(2).id))).containsExactly(PRACTICAL);
        assertThat(names(fx, books.filter("pk__in", List.of(saved.get(0).id, saved.get(1).id))))
                .containsExactly(SAMS, DJANGO_GUIDE);
        assertThat(names(fx, books.filter("pk", saved.get(3)))).as("a model instance stands for its key")
                .containsExactly(PYTHON_WEB);
    }

    // ------------------------------------------------------------------ text lookups

    @DatabaseMatrix
    void containsIsCaseSensitive(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("name__contains", "Django")))
                .containsExactly(PRACTICAL, PYTHON_WEB, SAMS, DJANGO_GUIDE);
        assertThat(names(fx, books.filter("name__contains", "django"))).isEmpty();
    }

    @DatabaseMatrix
    void icontainsIgnoresCase(Fixture fx) {
        BookData.seed(fx);

        assertThat(names(fx, fx.manager(Book.class).filter("name__icontains", "dJANGO")))
                .containsExactly(PRACTICAL, PYTHON_WEB, SAMS, DJANGO_GUIDE);
    }

    @DatabaseMatrix
    void startswithAndIstartswith(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("name__startswith", "P"))).containsExactly(PARADIGMS, PRACTICAL, PYTHON_WEB);
        assertThat(names(fx, books.filter("name__startswith", "Pr"))).containsExactly(PRACTICAL);
        assertThat(names(fx, books.filter("name__startswith", "p"))).isEmpty();
        assertThat(names(fx, books.filter("name__istartswith", "p"))).containsExactly(PARADIGMS, PRACTICAL, PYTHON_WEB);
    }

    @DatabaseMatrix
    void endswithAndIendswith(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("name__endswith", "Django"))).containsExactly(PYTHON_WEB);
        assertThat(names(fx, books.filter("name__endswith", "django"))).isEmpty();
        assertThat(names(fx, books.filter("name__iendswith", "DJANGO"))).containsExactly(PYTHON_WEB);
    }

    @DatabaseMatrix
    void likeWildcardsInTheValueAreMatchedLiterally(Fixture fx) {
        Manager<Book> setup = fx.blocking(Book.class);
        setup.bulkCreate(List.of(
                new Book("50% off", "1", 1, "1.00", 1, null),
                new Book("50 percent off", "2", 1, "1.00", 1, null),
                new Book("snake_case", "3", 1, "1.00", 1, null),
                new Book("snakeXcase", "4", 1, "1.00", 1, null),
                new Book("C:\\dir", "5", 1, "1.00", 1, null),
                new Book("C:dir", "6", 1, "1.00", 1, null)));
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("name__contains", "%"))).containsExactly("50% off");
        assertThat(names(fx, books.filter("name__startswith", "50%"))).containsExactly("50% off");
        assertThat(names(fx, books.filter("name__contains", "_"))).containsExactly("snake_case");
        assertThat(names(fx, books.filter("name__icontains", "E_C"))).containsExactly("snake_case");
        assertThat(names(fx, books.filter("name__endswith", "_case"))).containsExactly("snake_case");
        assertThat(names(fx, books.filter("name__contains", "\\"))).containsExactly("C:\\dir");
        assertThat(names(fx, books.filter("name__iexact", "SNAKE_CASE"))).containsExactly("snake_case");
    }

    @DatabaseMatrix
    void regexIsCaseSensitiveAndIregexIsNot(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("name__regex", "^P.*Django"))).containsExactly(PRACTICAL, PYTHON_WEB);
        assertThat(names(fx, books.filter("name__regex", "^p.*django"))).isEmpty();
        assertThat(names(fx, books.filter("name__iregex", "^p.*DJANGO"))).containsExactly(PRACTICAL, PYTHON_WEB);
        assertThat(names(fx, books.filter("name__regex", "[0-9]+ Hours$"))).containsExactly(SAMS);
    }

    // ------------------------------------------------------------------ in

    @DatabaseMatrix
    void inMatchesAnyOfACollectionOrArray(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("pages__in", List.of(300, 350, 999)))).containsExactly(PRACTICAL, PYTHON_WEB);
        assertThat(names(fx, books.filter("pages__in", Set.of(300)))).containsExactly(PRACTICAL);
        assertThat(names(fx, books.filter("pages__in", new Integer[] {1132, 946}))).containsExactly(AIMA, PARADIGMS);
        assertThat(names(fx, books.filter("pages__in", new int[] {447}))).containsExactly(DJANGO_GUIDE);
        assertThat(names(fx, books.filter("isbn__in", List.of("159059996", "nope")))).containsExactly(PRACTICAL);
    }

    @DatabaseMatrix
    void inWithAnEmptyListMatchesNothing(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(fx.list(books.filter("pages__in", List.of()))).isEmpty();
        assertThat(fx.count(books.filter("pages__in", List.of()))).isZero();
        assertThat(fx.list(books.filter("pages__in", Arrays.asList((Integer) null)))).as("null items are dropped").isEmpty();
        assertThat(names(fx, books.exclude("pages__in", List.of()))).as("excluding nothing keeps everything")
                .containsExactlyElementsOf(BookData.BY_NAME);
        assertThat(names(fx, books.filter(Q.of("pages__in", List.of()).or(Q.of("pages", 300)))))
                .as("an empty in inside an OR only drops its own branch").containsExactly(PRACTICAL);
    }

    @DatabaseMatrix
    void inIgnoresNullItems(Fixture fx) {
        BookData.seed(fx);

        assertThat(names(fx, fx.manager(Book.class).filter("pages__in", Arrays.asList(300, null))))
                .containsExactly(PRACTICAL);
    }

    @DatabaseMatrix
    void inWithAQuerySetRunsASubquery(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("id__in", books.filter("rating__gte", 4.5).valuesList("id"))))
                .containsExactly(PARADIGMS, DJANGO_GUIDE);
        assertThat(names(fx, books.filter("pages__in", books.filter("rating", 3.0).valuesList(Integer.class, "pages"))))
                .containsExactly(SAMS);
        assertThat(names(fx, books.exclude("id__in", books.filter("rating", 4.0).valuesList("id"))))
                .containsExactly(PARADIGMS, SAMS, DJANGO_GUIDE);
    }

    // ------------------------------------------------------------------ comparisons and range

    @DatabaseMatrix
    void comparisonLookups(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("pages__gt", 528))).containsExactly(AIMA, PARADIGMS);
        assertThat(names(fx, books.filter("pages__gte", 528))).containsExactly(AIMA, PARADIGMS, SAMS);
        assertThat(names(fx, books.filter("pages__lt", 350))).containsExactly(PRACTICAL);
        assertThat(names(fx, books.filter("pages__lte", 350))).containsExactly(PRACTICAL, PYTHON_WEB);
        assertThat(names(fx, books.filter("rating__lt", 4))).containsExactly(SAMS);
        assertThat(names(fx, books.filter("price__lte", new BigDecimal("29.69")))).containsExactly(PRACTICAL, PYTHON_WEB, SAMS);
        assertThat(names(fx, books.filter("pubdate__lt", LocalDate.of(2000, 1, 1)))).containsExactly(AIMA, PARADIGMS);
    }

    @DatabaseMatrix
    void valuesAreConvertedToTheFieldType(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("pages", "300"))).containsExactly(PRACTICAL);
        assertThat(names(fx, books.filter("price__gt", "29.69"))).containsExactly(AIMA, PARADIGMS, DJANGO_GUIDE);
        assertThat(names(fx, books.filter("pubdate", "2008-06-23"))).containsExactly(PRACTICAL);
        assertThat(names(fx, books.filter("pubdate", "2008-06-23 00:00:00"))).containsExactly(PRACTICAL);
        assertThat(names(fx, books.filter("pubdate", "2008-06-23T00:00:00"))).containsExactly(PRACTICAL);
        assertThat(names(fx, books.filter("rating", 4))).as("an int for a double field").containsExactly(AIMA, PRACTICAL, PYTHON_WEB);
    }

    @DatabaseMatrix
    void rangeIsInclusive(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("pages__range", List.of(350, 528)))).containsExactly(PYTHON_WEB, SAMS, DJANGO_GUIDE);
        assertThat(names(fx, books.filter("pubdate__range", new LocalDate[] {LocalDate.of(2008, 1, 1), LocalDate.of(2008, 6, 23)})))
                .containsExactly(PRACTICAL, SAMS);
        assertThat(names(fx, books.filter("price__range", List.of("29.69", "30.00")))).containsExactly(PRACTICAL, PYTHON_WEB, DJANGO_GUIDE);
    }

    // ------------------------------------------------------------------ exclude and negation

    @DatabaseMatrix
    void excludeOnANullableFieldKeepsNullRows(Fixture fx) {
        BookData.seed(fx);
        BookData.unpublished(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.exclude("pubdate__year", 2008)))
                .containsExactly(AIMA, PARADIGMS, DJANGO_GUIDE, "Unpublished Manuscript");
        assertThat(names(fx, books.exclude("pubdate__lt", LocalDate.of(2000, 1, 1))))
                .containsExactly(PRACTICAL, PYTHON_WEB, SAMS, DJANGO_GUIDE, "Unpublished Manuscript");
        assertThat(names(fx, books.filter(Q.not(Q.of("pubdate__year", 2008)))))
                .containsExactly(AIMA, PARADIGMS, DJANGO_GUIDE, "Unpublished Manuscript");
        assertThat(names(fx, books.exclude("pubdate", null))).as("exclude(pubdate=None) is IS NOT NULL")
                .containsExactlyElementsOf(BookData.BY_NAME);
    }

    @DatabaseMatrix
    void excludeNegatesTheConjunctionOfItsArguments(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.exclude(Q.of("rating", 4.0), Q.of("pages__lt", 400))))
                .containsExactly(AIMA, PARADIGMS, SAMS, DJANGO_GUIDE);
        Map<String, Object> both = new LinkedHashMap<>();
        both.put("rating", 4.0);
        both.put("pages__lt", 400);
        assertThat(names(fx, books.exclude(both))).containsExactly(AIMA, PARADIGMS, SAMS, DJANGO_GUIDE);
        assertThat(names(fx, books.exclude("rating", 4.0).exclude("pages__lt", 500)))
                .as("chained excludes are NOT a AND NOT b").containsExactly(PARADIGMS, SAMS);
    }

    // ------------------------------------------------------------------ Q, Map and several arguments

    @DatabaseMatrix
    void qObjectsCombineWithOrAndNot(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        Q startsWithPOrLong = Q.of("name__startswith", "P").or(Q.of("pages__gt", 1000));
        assertThat(names(fx, books.filter(startsWithPOrLong))).containsExactly(AIMA, PARADIGMS, PRACTICAL, PYTHON_WEB);
        assertThat(names(fx, books.filter(startsWithPOrLong.and(Q.not(Q.of("rating__lt", 4.5)))))).containsExactly(PARADIGMS);
        assertThat(names(fx, books.filter(Q.of("rating", 3.0).or(Q.of("rating", 5.0)).negate())))
                .containsExactly(AIMA, PRACTICAL, PYTHON_WEB, DJANGO_GUIDE);
        assertThat(names(fx, books.filter(Q.empty()))).containsExactlyElementsOf(BookData.BY_NAME);
    }

    @DatabaseMatrix
    void severalArgumentsAndMapsAreAnded(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter(Q.of("rating", 4.0), Q.of("pages__lt", 400)))).containsExactly(PRACTICAL, PYTHON_WEB);
        assertThat(names(fx, books.filter(Map.of("rating", 4.0, "pages__lt", 400)))).containsExactly(PRACTICAL, PYTHON_WEB);
        assertThat(names(fx, books.filter("rating", 4.0).filter("pages__lt", 400))).containsExactly(PRACTICAL, PYTHON_WEB);
    }

    // ------------------------------------------------------------------ F in filters

    @DatabaseMatrix
    void fComparesColumnsOfTheSameRow(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("pages__gt", F.of("rating").times(100)))).containsExactly(AIMA, PARADIGMS, SAMS);
        assertThat(names(fx, books.filter("price__lt", F.of("rating").times(10))))
                .containsExactly(PRACTICAL, PYTHON_WEB, SAMS, DJANGO_GUIDE);
        assertThat(names(fx, books.filter("pages", F.of("pages")))).containsExactlyElementsOf(BookData.BY_NAME);
        assertThat(names(fx, books.filter("pages__gte", F.of("pages").plus(1)))).isEmpty();
        assertThat(names(fx, books.filter("pages__lt", F.of("pages").minus(-1).div(2).times(2)))).as("(p + 1) / 2 * 2 > p only for odd p")
                .containsExactly(DJANGO_GUIDE);
    }

    // ------------------------------------------------------------------ date transforms

    @DatabaseMatrix
    void yearMonthDayAndQuarterOfADate(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("pubdate__year", 2008))).containsExactly(PRACTICAL, PYTHON_WEB, SAMS);
        assertThat(names(fx, books.filter("pubdate__year__gte", 2008))).containsExactly(PRACTICAL, PYTHON_WEB, SAMS);
        assertThat(names(fx, books.filter("pubdate__year__lt", 2000))).containsExactly(AIMA, PARADIGMS);
        assertThat(names(fx, books.filter("pubdate__year__in", List.of(1991, 2007)))).containsExactly(PARADIGMS, DJANGO_GUIDE);
        assertThat(names(fx, books.filter("pubdate__month", 10))).containsExactly(PARADIGMS);
        assertThat(names(fx, books.filter("pubdate__day", 15))).containsExactly(AIMA, PARADIGMS);
        assertThat(names(fx, books.filter("pubdate__quarter", 4))).containsExactly(PARADIGMS, PYTHON_WEB, DJANGO_GUIDE);
        assertThat(names(fx, books.filter("pubdate__quarter", 1))).containsExactly(AIMA, SAMS);
        assertThat(names(fx, books.filter("pubdate__quarter", 2))).containsExactly(PRACTICAL);
    }

    @DatabaseMatrix
    void weekIsTheIsoWeekNumber(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        // 1995-01-15 is a Sunday in ISO week 2; 2007-12-06 is in week 49; 2008-06-23 opens week 26.
        assertThat(names(fx, books.filter("pubdate__week", 2))).containsExactly(AIMA);
        assertThat(names(fx, books.filter("pubdate__week", 49))).containsExactly(DJANGO_GUIDE);
        assertThat(names(fx, books.filter("pubdate__week", 26))).containsExactly(PRACTICAL);
        assertThat(names(fx, books.filter("pubdate__week__gte", 42))).containsExactly(PARADIGMS, PYTHON_WEB, DJANGO_GUIDE);
    }

    @DatabaseMatrix
    void weekDayCountsFromSundayAndIsoWeekDayFromMonday(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        // Sunday 1995-01-15, Thursday 2007-12-06, Tuesday 1991-10-15; the three 2008 dates are Mondays.
        assertThat(names(fx, books.filter("pubdate__week_day", 1))).containsExactly(AIMA);
        assertThat(names(fx, books.filter("pubdate__week_day", 2))).containsExactly(PRACTICAL, PYTHON_WEB, SAMS);
        assertThat(names(fx, books.filter("pubdate__week_day", 3))).containsExactly(PARADIGMS);
        assertThat(names(fx, books.filter("pubdate__week_day", 5))).containsExactly(DJANGO_GUIDE);
        assertThat(names(fx, books.filter("pubdate__iso_week_day", 7))).containsExactly(AIMA);
        assertThat(names(fx, books.filter("pubdate__iso_week_day", 1))).containsExactly(PRACTICAL, PYTHON_WEB, SAMS);
        assertThat(names(fx, books.filter("pubdate__iso_week_day", 2))).containsExactly(PARADIGMS);
        assertThat(names(fx, books.filter("pubdate__iso_week_day", 4))).containsExactly(DJANGO_GUIDE);
    }

    @DatabaseMatrix
    void transformsOfADateTime(Fixture fx) {
        fx.blocking(Event.class).bulkCreate(List.of(
                new Event("launch", LocalDateTime.of(2005, 7, 27, 14, 30, 15), LocalTime.of(13, 45, 0)),
                new Event("midnight", LocalDateTime.of(2005, 7, 28, 0, 0, 0), LocalTime.of(23, 5, 59)),
                new Event("newyear", LocalDateTime.of(2006, 1, 1, 9, 5, 0), null)));
        Manager<Event> events = fx.manager(Event.class);

        assertThat(eventNames(fx, events.filter("startsAt__date", LocalDate.of(2005, 7, 27)))).containsExactly("launch");
        assertThat(eventNames(fx, events.filter("startsAt__date", "2005-07-28"))).containsExactly("midnight");
        assertThat(eventNames(fx, events.filter("startsAt__date__gte", LocalDate.of(2005, 7, 28)))).containsExactly("midnight", "newyear");
        assertThat(eventNames(fx, events.filter("startsAt__year", 2005))).containsExactly("launch", "midnight");
        assertThat(eventNames(fx, events.filter("startsAt__month", 1))).containsExactly("newyear");
        assertThat(eventNames(fx, events.filter("startsAt__day", 28))).containsExactly("midnight");
        assertThat(eventNames(fx, events.filter("startsAt__hour", 14))).containsExactly("launch");
        assertThat(eventNames(fx, events.filter("startsAt__hour__lt", 10))).containsExactly("midnight", "newyear");
        assertThat(eventNames(fx, events.filter("startsAt__minute", 5))).containsExactly("newyear");
        assertThat(eventNames(fx, events.filter("startsAt__second", 15))).containsExactly("launch");
        assertThat(eventNames(fx, events.filter("startsAt__week_day", 4))).as("2005-07-27 is a Wednesday").containsExactly("launch");
        assertThat(eventNames(fx, events.filter("startsAt__quarter", 3))).containsExactly("launch", "midnight");
    }

    @DatabaseMatrix
    void isoYearAndTimeOfADateTime(Fixture fx) {
        fx.blocking(Event.class).bulkCreate(List.of(
                new Event("launch", LocalDateTime.of(2005, 7, 27, 14, 30, 15), null),
                new Event("newyear", LocalDateTime.of(2006, 1, 1, 9, 5, 0), null),
                new Event("lateDecember", LocalDateTime.of(2008, 12, 29, 10, 0, 0, 250_000_000), null)));
        Manager<Event> events = fx.manager(Event.class);

        // 2006-01-01, a Sunday, is in ISO week 52 of 2005; 2008-12-29, a Monday, opens ISO week 1 of 2009.
        assertThat(eventNames(fx, events.filter("startsAt__iso_year", 2005))).containsExactly("launch", "newyear");
        assertThat(eventNames(fx, events.filter("startsAt__iso_year", 2009))).containsExactly("lateDecember");
        assertThat(eventNames(fx, events.filter("startsAt__year", 2008))).containsExactly("lateDecember");
        assertThat(eventNames(fx, events.filter("startsAt__time", LocalTime.of(14, 30, 15)))).containsExactly("launch");
        assertThat(eventNames(fx, events.filter("startsAt__time__lt", LocalTime.of(10, 0)))).containsExactly("newyear");
        assertThat(eventNames(fx, events.filter("startsAt__time__gt", LocalTime.of(10, 0)))).as("the fraction counts")
                .containsExactly("launch", "lateDecember");
    }

    @DatabaseMatrix
    void hourMinuteAndSecondOfATime(Fixture fx) {
        fx.blocking(Event.class).bulkCreate(List.of(
                new Event("launch", LocalDateTime.of(2005, 7, 27, 14, 30, 15), LocalTime.of(13, 45, 0)),
                new Event("midnight", LocalDateTime.of(2005, 7, 28, 0, 0, 0), LocalTime.of(23, 5, 59)),
                new Event("newyear", LocalDateTime.of(2006, 1, 1, 9, 5, 0), null)));
        Manager<Event> events = fx.manager(Event.class);

        assertThat(eventNames(fx, events.filter("doorsOpen__hour", 13))).containsExactly("launch");
        assertThat(eventNames(fx, events.filter("doorsOpen__minute", 5))).containsExactly("midnight");
        assertThat(eventNames(fx, events.filter("doorsOpen__second", 59))).containsExactly("midnight");
        assertThat(eventNames(fx, events.filter("doorsOpen__gt", LocalTime.of(20, 0)))).containsExactly("midnight");
        assertThat(eventNames(fx, events.filter("doorsOpen", "13:45:00"))).containsExactly("launch");
        assertThat(eventNames(fx, events.exclude("doorsOpen__hour", 13))).as("NULL times stay in an exclude")
                .containsExactly("midnight", "newyear");
    }

    @DatabaseMatrix
    void dateTimeFieldsAcceptIsoStringsAndDates(Fixture fx) {
        fx.blocking(Event.class).bulkCreate(List.of(
                new Event("before", LocalDateTime.of(2005, 7, 26, 23, 59, 59), null),
                new Event("at", LocalDateTime.of(2005, 7, 27, 0, 0, 0), null),
                new Event("after", LocalDateTime.of(2005, 7, 27, 12, 0, 0), null)));
        Manager<Event> events = fx.manager(Event.class);

        assertThat(eventNames(fx, events.filter("startsAt__gte", "2005-07-27 00:00:00"))).containsExactly("at", "after");
        assertThat(eventNames(fx, events.filter("startsAt__gte", "2005-07-27T00:00:00"))).containsExactly("at", "after");
        assertThat(eventNames(fx, events.filter("startsAt__gte", "2005-07-27"))).containsExactly("at", "after");
        assertThat(eventNames(fx, events.filter("startsAt", LocalDate.of(2005, 7, 27)))).as("a date means midnight")
                .containsExactly("at");
        assertThat(eventNames(fx, events.filter("startsAt__range", List.of(LocalDate.of(2005, 7, 26), LocalDate.of(2005, 7, 27)))))
                .as("date bounds of a datetime range are midnights").containsExactly("before", "at");
    }

    // ------------------------------------------------------------------ property and column names

    @DatabaseMatrix
    void pathsNameJavaPropertiesAndAcceptColumnNames(Fixture fx) {
        fx.blocking(BookReview.class).bulkCreate(List.of(
                BookReview.of("Ann", 5, LocalDate.of(2020, 5, 1)),
                BookReview.of("Bob", 2, LocalDate.of(2021, 6, 2))));
        Manager<BookReview> reviews = fx.manager(BookReview.class);

        assertThat(fx.list(reviews.filter("pubDate__year", 2020))).extracting(BookReview::reviewerName).containsExactly("Ann");
        assertThat(fx.list(reviews.filter("pub_date__year", 2021))).extracting(BookReview::reviewerName).containsExactly("Bob");
        assertThat(fx.list(reviews.filter("reviewer_name__startswith", "A"))).extracting(BookReview::stars).containsExactly(5);
        assertThat(fx.list(reviews.orderBy("-pub_date"))).extracting(BookReview::reviewerName).containsExactly("Bob", "Ann");
    }

    @DatabaseMatrix
    void excludeOfSeveralConditionsKeepsRowsWhereANullableOneIsNull(Fixture fx) {
        BookData.seed(fx);
        BookData.unpublished(fx);
        Manager<Book> books = fx.manager(Book.class);

        // NOT (year = 2008 AND pages > 400): SAMS is excluded; the unpublished book (NULL year) stays.
        assertThat(names(fx, books.exclude(Q.of("pubdate__year", 2008), Q.of("pages__gt", 400))))
                .containsExactly(AIMA, PARADIGMS, PRACTICAL, PYTHON_WEB, DJANGO_GUIDE, "Unpublished Manuscript");
        assertThat(names(fx, books.filter(Q.not(Q.of("pubdate__lt", LocalDate.of(2000, 1, 1))).and(Q.of("pages__lt", 400)))))
                .containsExactly(PRACTICAL, PYTHON_WEB, "Unpublished Manuscript");
        assertThat(names(fx, books.exclude("pubdate__isnull", true))).containsExactlyElementsOf(BookData.BY_NAME);
    }

    @DatabaseMatrix(modes = io.queryset.testing.ExecutionMode.BLOCKING)
    void nullIsOnlyAValueForExactAndIsnull(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> books.filter("pubdate__gt", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @DatabaseMatrix
    void inWithAnEmptyOrSlicedQuerySet(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(fx.list(books.filter("id__in", books.none().valuesList("id")))).isEmpty();
        assertThat(names(fx, books.filter("id__in", books.orderBy("-pages").slice(0, 2).valuesList("id"))))
                .containsExactly(AIMA, PARADIGMS);
    }

    @DatabaseMatrix
    void expressionsAndValuesInFilters(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("pages__gt", io.queryset.expr.Value.of(900)))).containsExactly(AIMA, PARADIGMS);
        assertThat(names(fx, books.filter("price__gt", F.of("pages").div(20)))).as("price > pages / 20")
                .containsExactly(AIMA, PARADIGMS, PRACTICAL, PYTHON_WEB, DJANGO_GUIDE);
        assertThat(names(fx, books.filter("rating__gte", F.of("rating")).filter("pk__lte", F.of("pk").minus(0))))
                .containsExactlyElementsOf(BookData.BY_NAME);
    }

    private static List<String> eventNames(Fixture fx, io.queryset.QuerySet<Event> qs) {
        return fx.list(qs).stream().map(e -> e.name).toList();
    }

    @DatabaseMatrix
    void textLookupsOnNumbersCompareTheirText(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);

        assertThat(names(fx, books.filter("pages__startswith", "3"))).containsExactly(PRACTICAL, PYTHON_WEB);
        assertThat(names(fx, books.filter("pages__contains", 13))).containsExactly(AIMA);
        assertThat(names(fx, books.filter("pubdate__year", "2007"))).containsExactly(DJANGO_GUIDE);
        assertThat(names(fx, books.filter("pubdate__year__range", List.of(1990, 2000)))).containsExactly(AIMA, PARADIGMS);
    }

    @DatabaseMatrix
    void excludeInOnANullableFieldKeepsNullRows(Fixture fx) {
        BookData.seed(fx);
        BookData.unpublished(fx);

        assertThat(names(fx, fx.manager(Book.class).exclude("pubdate__in", List.of(LocalDate.of(2008, 6, 23), LocalDate.of(1995, 1, 15)))))
                .containsExactly(PARADIGMS, PYTHON_WEB, SAMS, DJANGO_GUIDE, "Unpublished Manuscript");
    }
}
