package io.queryset.it;

import io.queryset.it.models.AggAuthor;
import io.queryset.it.models.AggBook;
import io.queryset.it.models.AggPublisher;
import io.queryset.it.models.AggStore;
import io.queryset.testing.Fixture;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;

/**
 * Django's bookstore, exactly as tests/aggregation/tests.py {@code AggregateTestCase.setUpTestData} builds it:
 * 9 authors, 5 publishers, 6 books, 3 stores. Rows go in through the blocking setup database; the
 * many-to-many rows through plain SQL (the related managers are not used here). On fresh tables the keys are
 * 1..n in the order below, as in Django's test.
 */
final class AggData {

    static final String DJANGO_GUIDE = "The Definitive Guide to Django: Web Development Done Right";
    static final String SAMS_BOOK = "Sams Teach Yourself Django in 24 Hours";
    static final String PRACTICAL = "Practical Django Projects";
    static final String PYTHON_WEB = "Python Web Development with Django";
    static final String AIMA = "Artificial Intelligence: A Modern Approach";
    static final String PARADIGMS = "Paradigms of Artificial Intelligence Programming: Case Studies in Common Lisp";

    static final String APRESS = "Apress";
    static final String SAMS = "Sams";
    static final String PRENTICE = "Prentice Hall";
    static final String MORGAN = "Morgan Kaufmann";
    static final String JONNO = "Jonno's House of Books";

    /** The bookstore's rows with their keys: {@code a.get(0)} is Django's {@code a1}. */
    record Bookstore(List<AggAuthor> a, List<AggPublisher> p, List<AggBook> b, List<AggStore> s) {

        AggAuthor a(int n) {
            return a.get(n - 1);
        }

        AggPublisher p(int n) {
            return p.get(n - 1);
        }

        AggBook b(int n) {
            return b.get(n - 1);
        }

        AggStore s(int n) {
            return s.get(n - 1);
        }
    }

    private AggData() {
    }

    static Bookstore seed(Fixture fx) {
        List<AggAuthor> a = fx.blocking(AggAuthor.class).bulkCreate(List.of(
                new AggAuthor("Adrian Holovaty", 34),
                new AggAuthor("Jacob Kaplan-Moss", 35),
                new AggAuthor("Brad Dayley", 45),
                new AggAuthor("James Bennett", 29),
                new AggAuthor("Jeffrey Forcier", 37),
                new AggAuthor("Paul Bissex", 29),
                new AggAuthor("Wesley J. Chun", 25),
                new AggAuthor("Peter Norvig", 57),
                new AggAuthor("Stuart Russell", 46)));
        // Symmetrical: Django's a1.friends.add(a2) stores a1→a2 and a2→a1.
        int[][] friendships = {{1, 2}, {1, 4}, {2, 7}, {5, 6}, {5, 7}, {6, 7}, {8, 9}};
        for (int[] f : friendships) {
            insert(fx, "agg_author_friends", "from_agg_author_id", "to_agg_author_id", a.get(f[0] - 1).id, a.get(f[1] - 1).id);
            insert(fx, "agg_author_friends", "from_agg_author_id", "to_agg_author_id", a.get(f[1] - 1).id, a.get(f[0] - 1).id);
        }

        List<AggPublisher> p = fx.blocking(AggPublisher.class).bulkCreate(List.of(
                new AggPublisher(APRESS, 3),
                new AggPublisher(SAMS, 1),
                new AggPublisher(PRENTICE, 7),
                new AggPublisher(MORGAN, 9),
                new AggPublisher(JONNO, 0)));

        List<AggBook> b = fx.blocking(AggBook.class).bulkCreate(List.of(
                new AggBook("159059725", DJANGO_GUIDE, 447, 4.5, "30.00", a.get(0), p.get(0), LocalDate.of(2007, 12, 6)),
                new AggBook("067232959", SAMS_BOOK, 528, 3.0, "23.09", a.get(2), p.get(1), LocalDate.of(2008, 3, 3)),
                new AggBook("159059996", PRACTICAL, 300, 4.0, "29.69", a.get(3), p.get(0), LocalDate.of(2008, 6, 23)),
                new AggBook("013235613", PYTHON_WEB, 350, 4.0, "29.69", a.get(4), p.get(2), LocalDate.of(2008, 11, 3)),
                new AggBook("013790395", AIMA, 1132, 4.0, "82.80", a.get(7), p.get(2), LocalDate.of(1995, 1, 15)),
                new AggBook("155860191", PARADIGMS, 946, 5.0, "75.00", a.get(7), p.get(3), LocalDate.of(1991, 10, 15))));
        int[][] authorship = {{1, 1}, {1, 2}, {2, 3}, {3, 4}, {4, 5}, {4, 6}, {4, 7}, {5, 8}, {5, 9}, {6, 8}};
        for (int[] ba : authorship) {
            addAuthor(fx, b.get(ba[0] - 1), a.get(ba[1] - 1));
        }

        List<AggStore> s = fx.blocking(AggStore.class).bulkCreate(List.of(
                new AggStore("Amazon.com", LocalDateTime.of(1994, 4, 23, 9, 17, 42), LocalTime.of(23, 59, 59)),
                new AggStore("Books.com", LocalDateTime.of(2001, 3, 15, 11, 23, 37), LocalTime.of(23, 59, 59)),
                new AggStore("Mamma and Pappa's Books", LocalDateTime.of(1945, 4, 25, 16, 24, 14), LocalTime.of(21, 30))));
        int[][] stock = {{1, 1}, {1, 2}, {1, 3}, {1, 4}, {1, 5}, {1, 6}, {2, 1}, {2, 3}, {2, 5}, {2, 6}, {3, 3}, {3, 4}, {3, 6}};
        for (int[] sb : stock) {
            insert(fx, "agg_store_books", "agg_store_id", "agg_book_id", s.get(sb[0] - 1).id, b.get(sb[1] - 1).id);
        }
        return new Bookstore(a, p, b, s);
    }

    /** Django's {@code book.authors.add(author)}, as a join-table row. */
    static void addAuthor(Fixture fx, AggBook book, AggAuthor author) {
        insert(fx, "agg_book_authors", "agg_book_id", "agg_author_id", book.id, author.id);
    }

    private static void insert(Fixture fx, String table, String left, String right, long leftKey, long rightKey) {
        String sql = "INSERT INTO " + fx.quote(table) + " (" + fx.quote(left) + ", " + fx.quote(right) + ") VALUES (?, ?)";
        try (Connection c = fx.dataSource().getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            st.setLong(1, leftKey);
            st.setLong(2, rightKey);
            st.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not run " + sql + ": " + e.getMessage(), e);
        }
    }
}
