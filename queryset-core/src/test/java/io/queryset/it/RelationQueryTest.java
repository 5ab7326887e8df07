package io.queryset.it;

import static io.queryset.it.AggData.AIMA;
import static io.queryset.it.AggData.APRESS;
import static io.queryset.it.AggData.DJANGO_GUIDE;
import static io.queryset.it.AggData.JONNO;
import static io.queryset.it.AggData.MORGAN;
import static io.queryset.it.AggData.PARADIGMS;
import static io.queryset.it.AggData.PRACTICAL;
import static io.queryset.it.AggData.PRENTICE;
import static io.queryset.it.AggData.PYTHON_WEB;
import static io.queryset.it.AggData.SAMS;
import static io.queryset.it.AggData.SAMS_BOOK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.queryset.CreateResult;
import io.queryset.Database;
import io.queryset.F;
import io.queryset.FieldLookupException;
import io.queryset.Manager;
import io.queryset.Q;
import io.queryset.QuerySet;
import io.queryset.expr.Count;
import io.queryset.it.AggData.Bookstore;
import io.queryset.it.models.AggAuthor;
import io.queryset.it.models.AggBook;
import io.queryset.it.models.AggPublisher;
import io.queryset.it.models.AggPublisherProfile;
import io.queryset.it.models.AggReview;
import io.queryset.it.models.AggStore;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;

/**
 * Queries across relations over Django's bookstore ({@link AggData}): lookups forward, backward and through
 * many-to-many tables, Django's multi-valued semantics for filter() and exclude(), F across relations,
 * writes filtered across relations, selectRelated hydration, records with foreign keys, and the errors.
 * Expected values are worked out from Django's fixture (tests/aggregation/tests.py setUpTestData).
 */
@TestModels({AggAuthor.class, AggPublisher.class, AggBook.class, AggStore.class, AggReview.class, AggPublisherProfile.class})
class RelationQueryTest {

    private static List<String> bookNames(Fixture fx, QuerySet<AggBook> qs) {
        return fx.list(qs.orderBy("pk")).stream().map(b -> b.name).toList();
    }

    private static List<String> publisherNames(Fixture fx, QuerySet<AggPublisher> qs) {
        return fx.list(qs.orderBy("pk")).stream().map(p -> p.name).toList();
    }

    private static List<String> authorNames(Fixture fx, QuerySet<AggAuthor> qs) {
        return fx.list(qs.orderBy("pk")).stream().map(a -> a.name).toList();
    }

    private static Map<String, Object> lookups(Object... keysAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            out.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return out;
    }

    // ------------------------------------------------------------------ lookups across relations

    @DatabaseMatrix
    void filterAcrossAForwardForeignKey(Fixture fx) {
        AggData.seed(fx);
        Manager<AggBook> books = fx.manager(AggBook.class);

        assertThat(bookNames(fx, books.filter("publisher__name", APRESS))).containsExactly(DJANGO_GUIDE, PRACTICAL);
        assertThat(bookNames(fx, books.filter("publisher__numAwards__gte", 7))).containsExactly(PYTHON_WEB, AIMA, PARADIGMS);
        assertThat(bookNames(fx, books.filter("contact__age__gt", 50))).containsExactly(AIMA, PARADIGMS);
    }

    @DatabaseMatrix
    void aModelInstanceOrItsKeyIsTheValueOfARelation(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        Manager<AggBook> books = fx.manager(AggBook.class);
        AggPublisher reference = new AggPublisher();
        reference.id = bs.p(3).id;

        assertThat(bookNames(fx, books.filter("publisher", bs.p(1)))).containsExactly(DJANGO_GUIDE, PRACTICAL);
        assertThat(bookNames(fx, books.filter("publisher", reference))).containsExactly(PYTHON_WEB, AIMA);
        assertThat(bookNames(fx, books.filter("publisher", bs.p(4).id))).containsExactly(PARADIGMS);
        assertThat(bookNames(fx, books.filter("publisher__pk", bs.p(2).id))).containsExactly(SAMS_BOOK);
        assertThat(bookNames(fx, books.filter("publisher__id", bs.p(2).id))).containsExactly(SAMS_BOOK);
        assertThat(bookNames(fx, books.filter("publisher__in", List.of(bs.p(2), bs.p(4))))).containsExactly(SAMS_BOOK, PARADIGMS);
        assertThat(bookNames(fx, books.exclude("publisher", bs.p(3)))).containsExactly(DJANGO_GUIDE, SAMS_BOOK, PRACTICAL, PARADIGMS);
        assertThat(bookNames(fx, books.filter("authors", bs.a(8)))).containsExactly(AIMA, PARADIGMS);
        assertThat(authorNames(fx, fx.manager(AggAuthor.class).filter("books", bs.b(4))))
                .containsExactly("Jeffrey Forcier", "Paul Bissex", "Wesley J. Chun");
    }

    @DatabaseMatrix
    void anUnsavedInstanceIsNotALookupValue(Fixture fx) {
        AggData.seed(fx);

        assertThatThrownBy(() -> fx.list(fx.manager(AggBook.class).filter("publisher", new AggPublisher("Unsaved", 0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Model instances passed to related filters must be saved.");
    }

    @DatabaseMatrix
    void filterAcrossAReverseForeignKeyGivesARowPerMatch(Fixture fx) {
        AggData.seed(fx);
        Manager<AggPublisher> publishers = fx.manager(AggPublisher.class);

        assertThat(publisherNames(fx, publishers.filter("books__pages__gt", 400))).containsExactly(APRESS, SAMS, PRENTICE, MORGAN);
        assertThat(publisherNames(fx, publishers.filter("books__rating", 4.0))).containsExactly(APRESS, PRENTICE, PRENTICE);
        assertThat(publisherNames(fx, publishers.filter("books__rating", 4.0).distinct())).containsExactly(APRESS, PRENTICE);
        assertThat(fx.count(publishers.filter("books__rating", 4.0))).isEqualTo(3L);
    }

    @DatabaseMatrix
    void filterThroughAManyToManyFromEitherSide(Fixture fx) {
        AggData.seed(fx);

        assertThat(bookNames(fx, fx.manager(AggBook.class).filter("authors__name", "Peter Norvig"))).containsExactly(AIMA, PARADIGMS);
        assertThat(authorNames(fx, fx.manager(AggAuthor.class).filter("books__publisher__name", APRESS)))
                .containsExactly("Adrian Holovaty", "Jacob Kaplan-Moss", "James Bennett");
        assertThat(authorNames(fx, fx.manager(AggAuthor.class).filter("contactedBooks__rating__gte", 4.5).distinct()))
                .containsExactly("Adrian Holovaty", "Peter Norvig");
        assertThat(fx.list(fx.manager(AggStore.class).filter("books__authors__name", "Stuart Russell").orderBy("pk")))
                .extracting(s -> s.name).containsExactly("Amazon.com", "Books.com");
        // Store.books keeps the default related name: the declaring model's simple name, decapitalized.
        // (AggStore is known to this Database from the line above: see reverseRelationOfAModelNotYetUsedOnThisDatabase.)
        assertThat(bookNames(fx, fx.manager(AggBook.class).filter("aggStore__name", "Books.com")))
                .containsExactly(DJANGO_GUIDE, PRACTICAL, AIMA, PARADIGMS);
    }

    @DatabaseMatrix
    void filterThroughASymmetricalSelfManyToMany(Fixture fx) {
        AggData.seed(fx);
        Manager<AggAuthor> authors = fx.manager(AggAuthor.class);

        // a1.friends.add(a2, a4) in Django also makes a1 a friend of a2 and a4.
        assertThat(authorNames(fx, authors.filter("friends__name", "Adrian Holovaty"))).containsExactly("Jacob Kaplan-Moss", "James Bennett");
        assertThat(authorNames(fx, authors.filter("friends__friends__name", "Peter Norvig"))).containsExactly("Peter Norvig");
        assertThat(authorNames(fx, authors.filter("friends__age__lt", 29).distinct()))
                .containsExactly("Jacob Kaplan-Moss", "Jeffrey Forcier", "Paul Bissex");
    }

    @DatabaseMatrix
    void isnullOnRelations(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        fx.blocking(AggReview.class).bulkCreate(List.of(AggReview.of(bs.b(1), bs.a(2), 5), AggReview.of(bs.b(2), null, 2)));
        Manager<AggReview> reviews = fx.manager(AggReview.class);

        assertThat(publisherNames(fx, fx.manager(AggPublisher.class).filter("books__isnull", true))).containsExactly(JONNO);
        assertThat(authorNames(fx, fx.manager(AggAuthor.class).filter("friends__isnull", true))).containsExactly("Brad Dayley");
        assertThat(authorNames(fx, fx.manager(AggAuthor.class).filter("contactedBooks__isnull", false).distinct()))
                .containsExactly("Adrian Holovaty", "Brad Dayley", "James Bennett", "Jeffrey Forcier", "Peter Norvig");
        assertThat(bookNames(fx, fx.manager(AggBook.class).filter("reviews__isnull", false))).containsExactly(DJANGO_GUIDE, SAMS_BOOK);
        assertThat(fx.list(reviews.filter("reviewer__isnull", true))).extracting(AggReview::stars).containsExactly(2);
        assertThat(fx.list(reviews.filter("reviewer", null))).extracting(AggReview::stars).containsExactly(2);
        assertThat(fx.list(reviews.filter("reviewer__isnull", false))).extracting(AggReview::stars).containsExactly(5);
        assertThat(fx.list(reviews.exclude("reviewer__name", "Jacob Kaplan-Moss"))).extracting(AggReview::stars).containsExactly(2);
    }

    @DatabaseMatrix
    void qObjectsAcrossRelations(Fixture fx) {
        AggData.seed(fx);

        assertThat(bookNames(fx, fx.manager(AggBook.class)
                .filter(Q.of("publisher__name", SAMS).or(Q.of("authors__name", "Peter Norvig")))))
                .containsExactly(SAMS_BOOK, AIMA, PARADIGMS);
        assertThat(bookNames(fx, fx.manager(AggBook.class)
                .filter(Q.of("publisher__name", APRESS).and(Q.not(Q.of("contact__name", "Adrian Holovaty"))))))
                .containsExactly(PRACTICAL);
    }

    @DatabaseMatrix
    void fAcrossARelationInAFilter(Fixture fx) {
        AggData.seed(fx);
        Manager<AggBook> books = fx.manager(AggBook.class);

        // pages > 100 × the publisher's awards: 447 > 300, 528 > 100, 300 !> 300, 350 !> 700, 1132 > 700, 946 > 900
        assertThat(bookNames(fx, books.filter("pages__gt", F.of("publisher__numAwards").times(100))))
                .containsExactly(DJANGO_GUIDE, SAMS_BOOK, AIMA, PARADIGMS);
        // In Django's fixture every book's contact is one of its authors.
        assertThat(bookNames(fx, books.filter("authors", F.of("contact")).distinct()))
                .containsExactly(DJANGO_GUIDE, SAMS_BOOK, PRACTICAL, PYTHON_WEB, AIMA, PARADIGMS);
        assertThat(bookNames(fx, books.filter("authors__age__gt", F.of("contact__age"))))
                .containsExactly(DJANGO_GUIDE);
    }

    @DatabaseMatrix
    void lookupsAcrossAOneToOneFromBothSides(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        // First use of AggPublisherProfile on this Database: it also makes Publisher.profile known
        // (see reverseRelationOfAModelNotYetUsedOnThisDatabase).
        Manager<AggPublisherProfile> profiles = fx.manager(AggPublisherProfile.class);
        fx.blocking(AggPublisherProfile.class).bulkCreate(List.of(
                AggPublisherProfile.of(bs.p(1), "Berkeley"), AggPublisherProfile.of(bs.p(3), "Upper Saddle River")));
        Manager<AggPublisher> publishers = fx.manager(AggPublisher.class);

        assertThat(fx.list(profiles.filter("publisher__name", APRESS))).extracting(AggPublisherProfile::city).containsExactly("Berkeley");
        assertThat(fx.list(profiles.filter("publisher", bs.p(3)))).extracting(AggPublisherProfile::city).containsExactly("Upper Saddle River");
        assertThat(publisherNames(fx, publishers.filter("profile__city", "Berkeley"))).containsExactly(APRESS);
        assertThat(publisherNames(fx, publishers.filter("profile__isnull", true))).containsExactly(SAMS, MORGAN, JONNO);
        assertThat(publisherNames(fx, publishers.exclude("profile__city__startswith", "B"))).containsExactly(SAMS, PRENTICE, MORGAN, JONNO);
        assertThat(bookNames(fx, fx.manager(AggBook.class).filter("publisher__profile__city", "Upper Saddle River")))
                .containsExactly(PYTHON_WEB, AIMA);
        List<AggPublisherProfile> loaded = fx.list(profiles.selectRelated("publisher").orderBy("-city"));
        assertThat(loaded).extracting(p -> p.publisher().name, p -> p.publisher().numAwards)
                .containsExactly(tuple(PRENTICE, 7), tuple(APRESS, 3));
    }

    @DatabaseMatrix
    void aOneToOneIsUnique(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        Manager<AggPublisherProfile> profiles = fx.manager(AggPublisherProfile.class);
        fx.blocking(AggPublisherProfile.class).create(AggPublisherProfile.of(bs.p(1), "Berkeley"));
        AggPublisherProfile second = AggPublisherProfile.of(bs.p(1), "New York");

        assertThatThrownBy(() -> fx.call(() -> profiles.create(second), () -> profiles.acreate(second)))
                .isInstanceOf(DataIntegrityViolationException.class);
    }

    // ------------------------------------------------------------------ multi-valued semantics

    @DatabaseMatrix
    void conditionsInOneFilterCallApplyToTheSameRelatedRow(Fixture fx) {
        // Django's "Spanning multi-valued relationships": filter(a, b) needs one book meeting both.
        AggData.seed(fx);
        Manager<AggPublisher> publishers = fx.manager(AggPublisher.class);

        assertThat(publisherNames(fx, publishers.filter(lookups("books__rating__gte", 4.5, "books__pubdate__year", 2008)))).isEmpty();
        assertThat(publisherNames(fx, publishers.filter(Q.of("books__rating__gte", 4.5).and(Q.of("books__pubdate__year", 2007)))))
                .containsExactly(APRESS);
        assertThat(bookNames(fx, fx.manager(AggBook.class).filter(lookups("authors__age__lt", 30, "authors__name__startswith", "J"))))
                .containsExactly(PRACTICAL);
    }

    @DatabaseMatrix
    void chainedFilterCallsMayMatchDifferentRelatedRows(Fixture fx) {
        AggData.seed(fx);

        // Apress has a book rated 4.5 (2007) and another from 2008.
        assertThat(publisherNames(fx, fx.manager(AggPublisher.class).filter("books__rating__gte", 4.5).filter("books__pubdate__year", 2008)))
                .containsExactly(APRESS);
        // Python Web Development: Paul Bissex (29) and Jeffrey Forcier (J) are different authors. Each chained
        // filter() joins the authors again, so its rows multiply as in Django: (Paul, Wesley) x (Jeffrey).
        QuerySet<AggBook> chained = fx.manager(AggBook.class).filter("authors__age__lt", 30).filter("authors__name__startswith", "J");
        assertThat(bookNames(fx, chained)).containsExactly(PRACTICAL, PYTHON_WEB, PYTHON_WEB);
        assertThat(bookNames(fx, chained.distinct())).containsExactly(PRACTICAL, PYTHON_WEB);
    }

    @DatabaseMatrix
    void excludeAcrossAManyToManyRemovesEveryRowWithAMatch(Fixture fx) {
        AggData.seed(fx);
        Manager<AggBook> books = fx.manager(AggBook.class);

        // Practical (James, 29) and Python Web (Paul 29, Wesley 25) have a young author; other authors don't save them.
        assertThat(bookNames(fx, books.exclude("authors__age__lt", 30))).containsExactly(DJANGO_GUIDE, SAMS_BOOK, AIMA, PARADIGMS);
        // Not necessarily the same author: Python Web has a young author and an author whose name starts with J.
        assertThat(bookNames(fx, books.exclude(lookups("authors__age__lt", 30, "authors__name__startswith", "J"))))
                .containsExactly(DJANGO_GUIDE, SAMS_BOOK, AIMA, PARADIGMS);
        assertThat(bookNames(fx, books.exclude("authors__age__lt", 30).exclude("authors__name__startswith", "J")))
                .containsExactly(SAMS_BOOK, AIMA, PARADIGMS);
        fx.manager(AggStore.class); // registers Store.books' reverse side: see reverseRelationOfAModelNotYetUsedOnThisDatabase
        assertThat(bookNames(fx, books.exclude("aggStore__name", "Books.com"))).containsExactly(SAMS_BOOK, PYTHON_WEB);
    }

    @DatabaseMatrix
    void excludeAcrossAReverseForeignKeyKeepsRowsWithoutRelatedRows(Fixture fx) {
        AggData.seed(fx);

        assertThat(publisherNames(fx, fx.manager(AggPublisher.class).exclude("books__rating__lt", 4.5))).containsExactly(MORGAN, JONNO);
        assertThat(authorNames(fx, fx.manager(AggAuthor.class).exclude("friends__age__gt", 40)))
                .containsExactly("Adrian Holovaty", "Jacob Kaplan-Moss", "Brad Dayley", "James Bennett", "Jeffrey Forcier",
                        "Paul Bissex", "Wesley J. Chun");
        assertThat(fx.count(fx.manager(AggAuthor.class).exclude("books__publisher__name", PRENTICE))).isEqualTo(4L);
    }

    // ------------------------------------------------------------------ writes filtered across relations

    @DatabaseMatrix
    void updateFilteredAcrossAManyToManyCountsEachRowOnce(Fixture fx) {
        AggData.seed(fx);

        int updated = fx.update(fx.manager(AggBook.class).filter("authors__age__lt", 30), Map.of("rating", 1.0));

        assertThat(updated).isEqualTo(2);
        assertThat(bookNames(fx, fx.blocking(AggBook.class).filter("rating", 1.0))).containsExactly(PRACTICAL, PYTHON_WEB);
    }

    @DatabaseMatrix
    void updateFilteredAcrossAForeignKey(Fixture fx) {
        AggData.seed(fx);

        int updated = fx.update(fx.manager(AggBook.class).filter("publisher__name", PRENTICE), Map.of("pages", F.of("pages").plus(1)));

        assertThat(updated).isEqualTo(2);
        assertThat(fx.list(fx.blocking(AggBook.class).filter("publisher__name", PRENTICE).orderBy("pk")))
                .extracting(b -> b.pages).containsExactly(351, 1133);
    }

    @DatabaseMatrix
    void deleteFilteredAcrossTwoRelations(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        fx.blocking(AggReview.class).bulkCreate(List.of(
                AggReview.of(bs.b(1), bs.a(2), 5), AggReview.of(bs.b(3), null, 4), AggReview.of(bs.b(5), bs.a(1), 3)));

        fx.delete(fx.manager(AggReview.class).filter("book__publisher__name", APRESS));

        assertThat(fx.blocking(AggReview.class).list()).extracting(AggReview::stars).containsExactly(3);
    }

    @DatabaseMatrix
    void updateSetsAForeignKeyFromAnInstanceOrAKey(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        Manager<AggBook> books = fx.manager(AggBook.class);

        assertThat(fx.update(books.filter("pk", bs.b(1).id), Map.of("publisher", bs.p(5)))).isEqualTo(1);
        assertThat(fx.update(books.filter("publisher__name", SAMS), Map.of("publisher", bs.p(5).id, "contact", bs.a(9)))).isEqualTo(1);

        assertThat(fx.list(fx.blocking(AggBook.class).filter("publisher", bs.p(5)).orderBy("pk").valuesList("name", "contact")))
                .containsExactly(List.of(DJANGO_GUIDE, bs.a(1).id), List.of(SAMS_BOOK, bs.a(9).id));
    }

    @DatabaseMatrix
    void updateCannotReadAJoinedField(Fixture fx) {
        // Django: FieldError "Joined field references are not permitted in this query"
        AggData.seed(fx);
        QuerySet<AggBook> books = fx.manager(AggBook.class).filter("pk", 1);

        assertThatThrownBy(() -> fx.update(books, Map.of("pages", F.of("publisher__numAwards"))))
                .isInstanceOf(FieldLookupException.class)
                .hasMessageContaining("Joined field references are not permitted in this query");
    }

    @DatabaseMatrix
    void firstAndLastOrderedAcrossARelation(Fixture fx) {
        AggData.seed(fx);
        QuerySet<AggBook> ordered = fx.manager(AggBook.class).orderBy("publisher__name", "name");

        assertThat(fx.optional(ordered::first, ordered::afirst)).map(b -> b.name).contains(PRACTICAL);
        assertThat(fx.optional(ordered::last, ordered::alast)).map(b -> b.name).contains(SAMS_BOOK);
        assertThat(fx.exists(ordered.filter("authors__name", "Stuart Russell"))).isTrue();
        assertThat(fx.exists(ordered.filter("authors__name", "Guido van Rossum"))).isFalse();
    }

    @DatabaseMatrix
    void streamingInChunksHydratesSelectRelated(Fixture fx) {
        AggData.seed(fx);

        List<AggBook> books = fx.stream(fx.manager(AggBook.class).selectRelated("publisher", "contact").orderBy("pk"), 2);

        assertThat(books).extracting(b -> b.publisher.name, b -> b.contact.name).containsExactly(
                tuple(APRESS, "Adrian Holovaty"), tuple(SAMS, "Brad Dayley"), tuple(APRESS, "James Bennett"),
                tuple(PRENTICE, "Jeffrey Forcier"), tuple(PRENTICE, "Peter Norvig"), tuple(MORGAN, "Peter Norvig"));
    }

    @DatabaseMatrix
    void getOrCreateWithARelationInTheLookup(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        Manager<AggBook> books = fx.manager(AggBook.class);
        Q existing = Q.of("publisher__name", APRESS).and(Q.of("pages", 300));

        CreateResult<AggBook> found = fx.call(() -> books.getOrCreate(existing, Map.of()), () -> books.agetOrCreate(existing, Map.of()));

        assertThat(found.created()).isFalse();
        assertThat(found.object().name).isEqualTo(PRACTICAL);

        Q missing = Q.of("name", "Jonno's First Book").and(Q.of("publisher", bs.p(5)));
        Map<String, Object> defaults = lookups("isbn", "000000001", "pages", 10, "rating", 2.0, "price", new BigDecimal("9.99"),
                "contact", bs.a(3), "pubdate", LocalDate.of(2010, 1, 1));
        CreateResult<AggBook> made = fx.call(() -> books.getOrCreate(missing, defaults), () -> books.agetOrCreate(missing, defaults));

        assertThat(made.created()).isTrue();
        assertThat(made.object().id).isNotNull();
        assertThat(fx.blocking(AggBook.class).filter("publisher__name", JONNO).valuesList("name", "contact").list())
                .containsExactly(List.of("Jonno's First Book", bs.a(3).id));
    }

    // ------------------------------------------------------------------ selectRelated and references

    @DatabaseMatrix
    void anUnloadedForeignKeyHoldsAReference(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        QuerySet<AggBook> books = fx.manager(AggBook.class);

        AggBook b = fx.call(() -> books.get("pk", bs.b(1).id), () -> books.aget("pk", bs.b(1).id));

        assertThat(b.publisher).isNotNull();
        assertThat(b.publisher.id).isEqualTo(bs.p(1).id);
        assertThat(b.publisher.name).isNull();
        assertThat(b.contact.id).isEqualTo(bs.a(1).id);
        assertThat(b.contact.name).isNull();
        assertThat(b.authors).as("a many-to-many is only filled by prefetchRelated").isNullOrEmpty();
    }

    @DatabaseMatrix
    void aDeclaredReverseCollectionIsNeitherAColumnNorLoadedByDefault(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        QuerySet<AggPublisher> publishers = fx.manager(AggPublisher.class);

        AggPublisher apress = fx.call(() -> publishers.get("name", APRESS), () -> publishers.aget("name", APRESS));

        assertThat(apress.books).as("filled by prefetchRelated only").isNullOrEmpty();
        assertThat(fx.list(publishers.filter("pk", bs.p(1).id).values()))
                .containsExactly(Map.of("id", bs.p(1).id, "name", APRESS, "numAwards", 3));
        assertThat(fx.list(publishers.filter("pk", bs.p(1).id).values()).get(0).keySet()).containsExactly("id", "name", "numAwards");
    }

    @DatabaseMatrix
    void joinTablesFollowTheDefaultNaming(Fixture fx) {
        String authorDdl = fx.db().schema().ddl(AggAuthor.class);
        String bookDdl = fx.db().schema().ddl(AggBook.class);
        String storeDdl = fx.db().schema().ddl(AggStore.class);

        assertThat(authorDdl).contains(fx.quote("agg_author_friends"), fx.quote("from_agg_author_id"), fx.quote("to_agg_author_id"));
        assertThat(bookDdl).contains(fx.quote("agg_book_authors"), fx.quote("agg_book_id"), fx.quote("agg_author_id"),
                fx.quote("contact_id"), fx.quote("publisher_id"));
        assertThat(storeDdl).contains(fx.quote("agg_store_books"), fx.quote("agg_store_id"), fx.quote("agg_book_id"));
    }

    @DatabaseMatrix
    void selectRelatedLoadsTheNamedForeignKeys(Fixture fx) {
        Bookstore bs = AggData.seed(fx);

        List<AggBook> books = fx.list(fx.manager(AggBook.class).selectRelated("publisher", "contact").orderBy("pk"));

        assertThat(books).extracting(b -> b.name, b -> b.publisher.name, b -> b.publisher.numAwards, b -> b.contact.name, b -> b.contact.age)
                .containsExactly(
                        tuple(DJANGO_GUIDE, APRESS, 3, "Adrian Holovaty", 34),
                        tuple(SAMS_BOOK, SAMS, 1, "Brad Dayley", 45),
                        tuple(PRACTICAL, APRESS, 3, "James Bennett", 29),
                        tuple(PYTHON_WEB, PRENTICE, 7, "Jeffrey Forcier", 37),
                        tuple(AIMA, PRENTICE, 7, "Peter Norvig", 57),
                        tuple(PARADIGMS, MORGAN, 9, "Peter Norvig", 57));
        assertThat(books.get(0).publisher.id).isEqualTo(bs.p(1).id);
    }

    @DatabaseMatrix
    void selectRelatedOfOneKeyLeavesTheOtherAReference(Fixture fx) {
        Bookstore bs = AggData.seed(fx);

        List<AggBook> books = fx.list(fx.manager(AggBook.class).selectRelated("publisher").filter("contact__name", "Peter Norvig").orderBy("pk"));

        assertThat(books).extracting(b -> b.publisher.name).containsExactly(PRENTICE, MORGAN);
        assertThat(books).extracting(b -> b.contact.id, b -> b.contact.name)
                .containsExactly(tuple(bs.a(8).id, null), tuple(bs.a(8).id, null));
    }

    @DatabaseMatrix
    void selectRelatedWithoutArgumentsFollowsEveryRequiredKey(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        fx.blocking(AggReview.class).bulkCreate(List.of(AggReview.of(bs.b(6), bs.a(9), 5), AggReview.of(bs.b(2), null, 1)));

        List<AggReview> reviews = fx.list(fx.manager(AggReview.class).selectRelated());

        // book, book__contact and book__publisher are required; the nullable reviewer is not followed.
        assertThat(reviews).extracting(r -> r.book().name, r -> r.book().publisher.name, r -> r.book().contact.name)
                .containsExactly(tuple(PARADIGMS, MORGAN, "Peter Norvig"), tuple(SAMS_BOOK, SAMS, "Brad Dayley"));
        assertThat(reviews.get(0).reviewer().id).isEqualTo(bs.a(9).id);
        assertThat(reviews.get(0).reviewer().name).isNull();
        assertThat(reviews.get(1).reviewer()).isNull();
    }

    @DatabaseMatrix
    void selectRelatedOfANullableKeyLeavesNullWhenThereIsNoRow(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        fx.blocking(AggReview.class).bulkCreate(List.of(AggReview.of(bs.b(1), bs.a(2), 5), AggReview.of(bs.b(2), null, 2)));

        List<AggReview> reviews = fx.list(fx.manager(AggReview.class).selectRelated("reviewer"));

        assertThat(reviews).hasSize(2);
        assertThat(reviews.get(0).reviewer().name).isEqualTo("Jacob Kaplan-Moss");
        assertThat(reviews.get(0).reviewer().age).isEqualTo(35);
        assertThat(reviews.get(1).reviewer()).isNull();
        assertThat(reviews.get(1).book().id).isEqualTo(bs.b(2).id);
    }

    @DatabaseMatrix
    void selectRelatedFollowsANestedPathIntoARecord(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        fx.blocking(AggReview.class).bulkCreate(List.of(AggReview.of(bs.b(4), bs.a(1), 4), AggReview.of(bs.b(6), null, 5)));

        List<AggReview> reviews = fx.list(fx.manager(AggReview.class).selectRelated("book__publisher", "reviewer"));

        assertThat(reviews).extracting(r -> r.book().name, r -> r.book().pages, r -> r.book().publisher.name, r -> r.book().publisher.numAwards)
                .containsExactly(tuple(PYTHON_WEB, 350, PRENTICE, 7), tuple(PARADIGMS, 946, MORGAN, 9));
        assertThat(reviews.get(0).book().contact.id).isEqualTo(bs.a(5).id);
        assertThat(reviews.get(0).book().contact.name).isNull();
        assertThat(reviews.get(0).reviewer().name).isEqualTo("Adrian Holovaty");
        assertThat(reviews.get(1).reviewer()).isNull();
    }

    @DatabaseMatrix
    void selectRelatedWithAFilterAcrossTheSameRelation(Fixture fx) {
        AggData.seed(fx);

        List<AggBook> books = fx.list(fx.manager(AggBook.class).selectRelated("publisher")
                .filter("publisher__numAwards__gt", 5).orderBy("-publisher__name", "name"));

        assertThat(books).extracting(b -> b.name, b -> b.publisher.name).containsExactly(
                tuple(AIMA, PRENTICE), tuple(PYTHON_WEB, PRENTICE), tuple(PARADIGMS, MORGAN));
    }

    // ------------------------------------------------------------------ records with foreign keys

    @DatabaseMatrix
    void aRecordWithForeignKeysIsCreatedAndReadBack(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        Manager<AggReview> reviews = fx.manager(AggReview.class);
        AggReview unsaved = AggReview.of(bs.b(3), bs.a(4), 4);

        AggReview saved = fx.call(() -> reviews.create(unsaved), () -> reviews.acreate(unsaved));

        assertThat(saved.id()).isNotNull();
        assertThat(saved.book().id).isEqualTo(bs.b(3).id);
        AggReview read = fx.call(() -> reviews.get("pk", saved.id()), () -> reviews.aget("pk", saved.id()));
        assertThat(read.book().id).isEqualTo(bs.b(3).id);
        assertThat(read.book().name).isNull();
        assertThat(read.reviewer().id).isEqualTo(bs.a(4).id);
        assertThat(fx.list(reviews.filter("book__authors__name", "James Bennett").values("book__publisher__name", "reviewer__age", "stars")))
                .containsExactly(Map.of("book__publisher__name", APRESS, "reviewer__age", 29, "stars", 4));
        assertThat(fx.list(reviews.valuesList("book", "reviewer"))).containsExactly(List.of(bs.b(3).id, bs.a(4).id));
    }

    @DatabaseMatrix
    void aReverseRelationFromARecordIsUsableInLookupsAndAnnotations(Fixture fx) {
        Bookstore bs = AggData.seed(fx);
        fx.blocking(AggReview.class).bulkCreate(List.of(
                AggReview.of(bs.b(1), bs.a(2), 5), AggReview.of(bs.b(1), bs.a(3), 3), AggReview.of(bs.b(6), null, 4)));

        List<AggBook> books = fx.list(fx.manager(AggBook.class).annotate("numAuthors", Count.of("reviews"))
                .filter("numAuthors__gt", 0).orderBy("pk"));

        assertThat(books).extracting(b -> b.name, b -> b.numAuthors).containsExactly(tuple(DJANGO_GUIDE, 2L), tuple(PARADIGMS, 1L));
        assertThat(authorNames(fx, fx.manager(AggAuthor.class).filter("reviewsWritten__stars__gte", 3)))
                .containsExactly("Jacob Kaplan-Moss", "Brad Dayley");
    }

    @DatabaseMatrix
    void reverseRelationOfAModelNotYetUsedOnThisDatabase(Fixture fx) {
        // API.md §1: "Reverse relations exist by their relatedName for lookups, joins and annotations". A Database that
        // has only seen AggBook (which reaches AggAuthor and AggPublisher) does not know Store.books' reverse side yet.
        AggData.seed(fx);
        Database fresh = fx.builder().build();

        assertThat(fx.list(fresh.manager(AggBook.class).filter("aggStore__name", "Books.com").orderBy("pk").valuesList(String.class, "name")))
                .containsExactly(DJANGO_GUIDE, PRACTICAL, AIMA, PARADIGMS);
    }

    // ------------------------------------------------------------------ errors

    @DatabaseMatrix
    void anUnknownFieldAfterARelationListsTheRelatedModelsChoices(Fixture fx) {
        AggData.seed(fx);

        assertThatThrownBy(() -> fx.list(fx.manager(AggBook.class).filter("publisher__nme", APRESS)))
                .isInstanceOf(FieldLookupException.class)
                .hasMessageContaining("Cannot resolve keyword 'nme' into field. Choices are: ")
                .hasMessageContaining("books")
                .hasMessageContaining("id, name, numAwards")
                .hasMessageContaining("Did you mean 'name'?");
    }

    @DatabaseMatrix
    void anUnknownRelationListsTheFieldsAndRelationNames(Fixture fx) {
        AggData.seed(fx);

        assertThatThrownBy(() -> fx.list(fx.manager(AggPublisher.class).filter("book__pages__gt", 400)))
                .isInstanceOf(FieldLookupException.class)
                .hasMessageContaining("Cannot resolve keyword 'book' into field. Choices are: ")
                .hasMessageContaining("books")
                .hasMessageContaining("numAwards")
                .hasMessageContaining("Did you mean 'books'?");
        assertThatThrownBy(() -> fx.list(fx.manager(AggBook.class).filter("author__name", "x")))
                .isInstanceOf(FieldLookupException.class)
                .hasMessageContaining("Choices are: ")
                .hasMessageContaining("authors, contact, id, isbn, name, pages, price, pubdate, publisher, rating")
                .hasMessageContaining("Did you mean 'authors'?");
    }

    @DatabaseMatrix
    void anAnnotationOverAnUnknownRelationFails(Fixture fx) {
        AggData.seed(fx);

        assertThatThrownBy(() -> fx.list(fx.manager(AggPublisher.class).annotate("numBooks", Count.of("book"))))
                .isInstanceOf(FieldLookupException.class)
                .hasMessageContaining("Cannot resolve keyword 'book' into field")
                .hasMessageContaining("books");
    }

    @DatabaseMatrix
    void selectRelatedOfANonForeignKeyPathFails(Fixture fx) {
        AggData.seed(fx);
        Manager<AggBook> books = fx.manager(AggBook.class);

        assertThatThrownBy(() -> fx.list(books.selectRelated("name")))
                .isInstanceOf(FieldLookupException.class)
                .hasMessage("Invalid field name(s) given in selectRelated: 'name'. Choices are: contact, publisher (model AggBook)");
        assertThatThrownBy(() -> fx.list(books.selectRelated("authors")))
                .isInstanceOf(FieldLookupException.class)
                .hasMessageContaining("Invalid field name(s) given in selectRelated: 'authors'. Choices are: contact, publisher");
        assertThatThrownBy(() -> fx.list(books.selectRelated("publisher__books")))
                .isInstanceOf(FieldLookupException.class)
                .hasMessageContaining("Invalid field name(s) given in selectRelated: 'books'. Choices are: (none)");
        assertThatThrownBy(() -> fx.list(fx.manager(AggPublisher.class).selectRelated("books")))
                .isInstanceOf(FieldLookupException.class)
                .hasMessageContaining("'books'");
    }
}
