package io.queryset.it;

import static io.queryset.it.BookData.PRACTICAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.BulkCreateOptions;
import io.queryset.Manager;
import io.queryset.it.models.AllTypes;
import io.queryset.it.models.Book;
import io.queryset.it.models.PfAuthor;
import io.queryset.it.models.PfBook;
import io.queryset.it.models.PfPublisher;
import io.queryset.testing.DatabaseKind;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestDatabases;
import io.queryset.testing.TestModels;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What only MariaDB does, on every side: the tables the schema creates, the keys {@code bulkCreate} reads back from
 * {@code RETURNING}, the conflict handling {@code ON DUPLICATE KEY UPDATE} can and cannot do, and the features it
 * lacks, refused before anything is sent. The behaviour shared with the other databases is in the other classes.
 */
@TestModels({Book.class, AllTypes.class, PfPublisher.class, PfAuthor.class, PfBook.class})
class MariaDbTest {

    private static JdbcClient sql(Fixture fx) {
        return JdbcClient.create(fx.dataSource());
    }

    private static String database() {
        return TestDatabases.schema(DatabaseKind.MARIADB) != null ? TestDatabases.schema(DatabaseKind.MARIADB) : "test";
    }

    @DatabaseMatrix(databases = DatabaseKind.MARIADB, modes = io.queryset.testing.ExecutionMode.BLOCKING)
    void tablesAreInnoDbInUtf8mb4WithForeignKeysAndIndexes(Fixture fx) {
        List<Map<String, Object>> tables = sql(fx).sql("SELECT table_name, engine, table_collation FROM information_schema.tables "
                + "WHERE table_schema = ? AND table_name IN ('pf_book', 'pf_book_authors', 'it_all_types') ORDER BY table_name")
                .param(database()).query().listOfRows();
        assertThat(tables).hasSize(3).allSatisfy(t -> {
            assertThat(t.get("engine")).isEqualTo("InnoDB");
            assertThat((String) t.get("table_collation")).startsWith("utf8mb4_");
        });
        assertThat(sql(fx).sql("SELECT referenced_table_name FROM information_schema.referential_constraints "
                        + "WHERE constraint_schema = ? AND table_name = ? ORDER BY referenced_table_name")
                .params(database(), "pf_book_authors").query(String.class).list())
                .as("both sides of the join table are foreign keys").containsExactly("pf_author", "pf_book");
        assertThat(sql(fx).sql("SELECT DISTINCT index_name FROM information_schema.statistics WHERE table_schema = ? AND table_name = ?")
                .params(database(), "pf_book_authors").query(String.class).list())
                .contains("pf_book_authors_pf_author_id_idx");
        assertThat(sql(fx).sql("SELECT column_type FROM information_schema.columns WHERE table_schema = ? AND table_name = ? "
                        + "AND column_name IN ('date_time', 'instant', 'time', 'uuid') ORDER BY column_name")
                .params(database(), "it_all_types").query(String.class).list())
                .containsExactly("datetime(6)", "datetime(6)", "time(6)", "char(36)");
    }

    @DatabaseMatrix(databases = DatabaseKind.MARIADB)
    void storesFourByteCharacters(Fixture fx) {
        Manager<AllTypes> all = fx.manager(AllTypes.class);
        AllTypes t = new AllTypes();
        t.string = "dés 🎲 ok";
        t.text = "𝄞 music";

        AllTypes created = fx.call(() -> all.create(t), () -> all.acreate(t));

        AllTypes read = fx.blocking(AllTypes.class).get("pk", created.id);
        assertThat(read.string).isEqualTo("dés 🎲 ok");
        assertThat(read.text).isEqualTo("𝄞 music");
        assertThat(fx.count(all.filter("string__contains", "🎲"))).isEqualTo(1);
    }

    /** PostgreSQL too (ON CONFLICT DO UPDATE ... RETURNING); H2's MERGE reports no keys (docs/databases.md). */
    @DatabaseMatrix(databases = {DatabaseKind.MARIADB, DatabaseKind.POSTGRES})
    void bulkCreateReadsTheKeysOfInsertedAndUpdatedRowsFromReturning(Fixture fx) {
        List<Book> seeded = BookData.seed(fx);
        Long practicalId = seeded.stream().filter(b -> b.name.equals(PRACTICAL)).findFirst().orElseThrow().id;
        Manager<Book> books = fx.manager(Book.class);
        List<Book> batch = List.of(
                new Book("Brand new", "777777777", 2, "2.00", 2.0, null),
                new Book("Practical (2nd ed.)", "159059996", 320, "31.00", 1.0, null),
                new Book("Newer", "888888888", 3, "3.00", 3.0, null));
        BulkCreateOptions upsert = BulkCreateOptions.defaults().updateConflicts(List.of("isbn"), List.of("pages"));

        List<Book> result = fx.call(() -> books.bulkCreate(batch, upsert), () -> books.abulkCreate(batch, upsert));

        assertThat(result).extracting(b -> b.id).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(result.get(1).id).as("the updated row's own key").isEqualTo(practicalId);
        assertThat(fx.blocking(Book.class).get("pk", result.get(0).id).isbn).isEqualTo("777777777");
        assertThat(fx.blocking(Book.class).get("pk", result.get(2).id).isbn).isEqualTo("888888888");
        assertThat(fx.blocking(Book.class).get("pk", practicalId).pages).isEqualTo(320);
    }

    @DatabaseMatrix(databases = DatabaseKind.MARIADB)
    void updateConflictsNeedsNoUniqueFieldsAsInDjangoOnMySql(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        List<Book> batch = List.of(new Book("Practical (2nd ed.)", "159059996", 321, "31.00", 1.0, null));
        BulkCreateOptions upsert = BulkCreateOptions.defaults().updateConflicts(List.of(), List.of("pages"));

        fx.call(() -> books.bulkCreate(batch, upsert), () -> books.abulkCreate(batch, upsert));

        assertThat(fx.blocking(Book.class).get("isbn", "159059996").pages).isEqualTo(321);
        assertThat(fx.blocking(Book.class).count()).isEqualTo(6);
    }

    @DatabaseMatrix(databases = DatabaseKind.MARIADB)
    void uniqueFieldsOtherThanTheKeysOnDuplicateKeyReactsToAreRefusedBeforeAnythingIsSent(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        List<Book> batch = List.of(new Book("Practical", "000000000", 1, "1.00", 1.0, null));
        BulkCreateOptions byName = BulkCreateOptions.defaults().updateConflicts(List.of("name"), List.of("pages"));

        assertThatThrownBy(() -> fx.call(() -> books.bulkCreate(batch, byName), () -> books.abulkCreate(batch, byName)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("bulkCreate(updateConflicts) with uniqueFields [name] on Book is not supported by MariaDB")
                .hasMessageContaining("[isbn]");
        assertThat(fx.blocking(Book.class).count()).as("nothing was inserted").isEqualTo(6);
    }

    @DatabaseMatrix(databases = DatabaseKind.MARIADB)
    void ignoreConflictsSkipsTheRowsAndLeavesTheirKeysUnset(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        List<Book> batch = List.of(new Book("Duplicate", "159059996", 1, "1.00", 1.0, null),
                new Book("Fresh", "555555555", 1, "1.00", 1.0, null));
        BulkCreateOptions ignore = BulkCreateOptions.defaults().ignoreConflicts();

        List<Book> result = fx.call(() -> books.bulkCreate(batch, ignore), () -> books.abulkCreate(batch, ignore));

        assertThat(result).extracting(b -> b.id).as("as in Django: INSERT IGNORE cannot tell which rows went in").containsOnlyNulls();
        assertThat(fx.blocking(Book.class).count()).isEqualTo(7);
    }

    @DatabaseMatrix(databases = DatabaseKind.MARIADB)
    void distinctOnFieldsIsRefusedBeforeAnythingIsSent(Fixture fx) {
        Manager<Book> books = fx.manager(Book.class);

        assertThatThrownBy(() -> fx.list(books.orderBy("rating").distinct("rating")))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("DISTINCT ON fields is not supported by MariaDB.");
    }

    @DatabaseMatrix(databases = DatabaseKind.MARIADB)
    void explainIsTheJsonPlan(Fixture fx) {
        var qs = fx.manager(Book.class).filter("pages__gt", 100);

        String plan = fx.call(qs::explain, qs::aexplain);

        assertThat(plan).startsWith("{").contains("\"query_block\"").contains("it_book");
    }

    @DatabaseMatrix(databases = DatabaseKind.MARIADB)
    void aSlicedQuerySetWorksAsTheValueOfIn(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        var firstTwoIds = books.orderBy("pages").slice(0, 2).valuesList(Long.class, "id");

        // MariaDB refuses LIMIT inside IN (...): the sub-select is read through a derived table.
        assertThat(fx.count(books.filter("id__in", firstTwoIds))).isEqualTo(2);
        assertThat(fx.update(books.filter("id__in", firstTwoIds), Map.of("rating", 1.0))).isEqualTo(2);
    }
}
