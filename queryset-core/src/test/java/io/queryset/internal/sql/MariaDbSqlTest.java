package io.queryset.internal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.BlockingGuard;
import io.queryset.BulkCreateOptions;
import io.queryset.F;
import io.queryset.LockOptions;
import io.queryset.Q;
import io.queryset.QuerySet;
import io.queryset.annotation.Column;
import io.queryset.annotation.ForeignKey;
import io.queryset.annotation.ManyToMany;
import io.queryset.annotation.Model;
import io.queryset.expr.Count;
import io.queryset.expr.Sum;
import io.queryset.internal.DefaultQuerySet;
import io.queryset.internal.DefaultSchema;
import io.queryset.internal.QueryContext;
import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.mapping.ModelRegistry;
import io.queryset.internal.query.QuerySpec;
import io.queryset.internal.query.Resolver;
import io.queryset.internal.query.SpecHolder;
import io.queryset.internal.query.SqlExpr;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.data.annotation.Id;

/** The exact SQL of the MariaDB and MySQL dialects, with no database. */
class MariaDbSqlTest {

    @Model(table = "book", ordering = {"-pubdate"})
    static class Book {
        @Id Long id;
        @Column(unique = true) String name;
        int pages;
        @Column(precision = 6, scale = 2) BigDecimal price;
        @Column(nullable = true) LocalDate pubdate;
        @Column(nullable = true) @ForeignKey(relatedName = "books") Publisher publisher;
    }

    @Model(table = "publisher")
    static class Publisher {
        @Id Long id;
        String name;
    }

    @Model(table = "ddl_item")
    static class Item {
        @Id Long id;
        @Column(maxLength = 100, dbIndex = true) String code;
        @Column(text = true) String body;
        @Column(nullable = true) LocalDateTime at;
        Instant stamp;
        OffsetDateTime zoned;
        LocalTime time;
        UUID ref;
        byte[] blob;
        boolean active;
        double ratio;
        float weight;
        @ForeignKey(relatedName = "items") Publisher publisher;
        @ManyToMany(relatedName = "items") List<Publisher> sellers;
    }

    @Model(table = "a_model_whose_table_name_is_quite_long_already_for_mariadb")
    static class LongNamed {
        @Id Long id;
        @Column(dbIndex = true) int anotherRatherLongColumnName;
    }

    @Model(table = "noted")
    static class Noted {
        @Id Long id;
        @Column(text = true, dbIndex = true) String note;
    }

    @Model(table = "unique_text")
    static class UniqueText {
        @Id Long id;
        @Column(text = true, unique = true) String note;
    }

    private static final Dialect MARIADB = new MariaDbDialect();
    private static final Dialect MYSQL = new MySqlDialect();

    private final ModelRegistry models = new ModelRegistry();

    private QuerySet<Book> books(Dialect dialect) {
        models.get(Publisher.class);
        return DefaultQuerySet.of(new QueryContext(models, dialect, Dialects.writeStatements(dialect), null, null,
                BlockingGuard.ERROR, 2000), models.get(Book.class));
    }

    private static QuerySpec spec(QuerySet<?> qs) {
        return ((SpecHolder) qs).spec();
    }

    private static CompiledSql select(QuerySet<?> qs, Dialect dialect) {
        return new SqlCompiler(dialect).select(spec(qs));
    }

    private CompiledSql select(QuerySet<?> qs) {
        return select(qs, MARIADB);
    }

    // ------------------------------------------------------------------ detection

    @Test
    void picksTheDialectByProductNameAndByUrl() {
        assertThat(Dialects.byName("MariaDB")).isInstanceOf(MariaDbDialect.class).isNotInstanceOf(MySqlDialect.class);
        assertThat(Dialects.byName("MySQL")).isInstanceOf(MySqlDialect.class);
        assertThat(Dialects.productOfUrl("jdbc:mariadb://db:3306/shop")).isEqualTo("MariaDB");
        assertThat(Dialects.productOfUrl("r2dbc:mariadb://db/shop")).isEqualTo("MariaDB");
        assertThat(Dialects.productOfUrl("r2dbc:pool:mariadb://db/shop")).isEqualTo("MariaDB");
        assertThat(Dialects.productOfUrl("jdbc:mysql://db/shop")).isEqualTo("MySQL");
        assertThat(Dialects.productOfUrl("r2dbcs:mysql://db/shop")).isEqualTo("MySQL");
        assertThat(Dialects.productOfUrl("jdbc:tc:mariadb:10.11:///shop")).isEqualTo("MariaDB");
        assertThat(Dialects.productOfUrl("jdbc:postgresql://db/shop")).isEqualTo("PostgreSQL");
        assertThat(Dialects.productOfUrl("r2dbc:h2:mem:///x")).isEqualTo("H2");
        assertThat(Dialects.productOfUrl("jdbc:oracle:thin:@db")).isNull();
        assertThat(Dialects.productOfUrl("not a url")).isNull();
        assertThat(Dialects.writeStatements(MARIADB)).isInstanceOf(MariaDbWriteStatements.class);
        assertThat(Dialects.writeStatements(MYSQL)).isInstanceOf(MySqlWriteStatements.class);
    }

    // ------------------------------------------------------------------ quoting and markers

    @Test
    void quotesWithBackticksAndKeepsQuestionMarksForR2dbc() {
        CompiledSql sql = select(books(MARIADB).filter("pages__range", List.of(1, 2)).orderBy());
        assertThat(sql.sql()).isEqualTo("SELECT `id`, `name`, `pages`, `price`, `pubdate`, `publisher_id` FROM `book` "
                + "WHERE `pages` BETWEEN ? AND ?");
        assertThat(sql.nativeSql(MARIADB)).isEqualTo(sql.sql());
        assertThatThrownBy(() -> MARIADB.quote("a`b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MARIADB.quote("a?b")).isInstanceOf(IllegalArgumentException.class);
    }

    // ------------------------------------------------------------------ lookups

    @Test
    void exactFollowsTheCollationAndIexactIsAnEscapedLike() {
        assertThat(select(books(MARIADB).filter("name", "Abc").orderBy()).sql()).endsWith("WHERE `name` = ?");
        CompiledSql iexact = select(books(MARIADB).filter("name__iexact", "50%_of\\f").orderBy());
        assertThat(iexact.sql()).endsWith("WHERE `name` LIKE ?");
        assertThat(iexact.params()).extracting(BindValue::value).containsExactly("50\\%\\_of\\\\f");
        assertThat(select(books(MARIADB).filter("name__iexact", F.of("name")).orderBy()).sql()).endsWith("WHERE `name` LIKE `name`");
    }

    @Test
    void caseSensitivePatternsAreLikeBinaryAndInsensitiveOnesPlainLike() {
        CompiledSql contains = select(books(MARIADB).filter("name__contains", "50%").orderBy());
        assertThat(contains.sql()).endsWith("WHERE `name` LIKE BINARY ?");
        assertThat(contains.params()).extracting(BindValue::value).containsExactly("%50\\%%");
        assertThat(select(books(MARIADB).filter("name__icontains", "a").orderBy()).sql()).endsWith("WHERE `name` LIKE ?");
        assertThat(select(books(MARIADB).filter("name__startswith", "a").orderBy()).sql()).endsWith("WHERE `name` LIKE BINARY ?");
        assertThat(select(books(MARIADB).filter("name__istartswith", "a").orderBy()).sql()).endsWith("WHERE `name` LIKE ?");
        assertThat(select(books(MARIADB).filter("name__endswith", "a").orderBy()).sql()).endsWith("WHERE `name` LIKE BINARY ?");
        assertThat(select(books(MARIADB).filter("name__iendswith", "a").orderBy()).sql()).endsWith("WHERE `name` LIKE ?");
        assertThat(select(books(MARIADB).filter("pages__contains", 5).orderBy()).sql())
                .endsWith("WHERE CAST(`pages` AS CHAR) LIKE BINARY ?");
    }

    @Test
    void regexIsRegexpBinaryOnMariaDbAndRegexpLikeOnMySql() {
        assertThat(select(books(MARIADB).filter("name__regex", "^A").orderBy()).sql()).endsWith("WHERE `name` REGEXP BINARY ?");
        assertThat(select(books(MARIADB).filter("name__iregex", "^a").orderBy()).sql()).endsWith("WHERE `name` REGEXP ?");
        assertThat(select(books(MYSQL).filter("name__regex", "^A").orderBy(), MYSQL).sql())
                .endsWith("WHERE REGEXP_LIKE(`name`, ?, 'c')");
        assertThat(select(books(MYSQL).filter("name__iregex", "^a").orderBy(), MYSQL).sql())
                .endsWith("WHERE REGEXP_LIKE(`name`, ?, 'i')");
    }

    @Test
    void rendersDateTransformsAsDjangoDoesOnMySql() {
        assertThat(select(books(MARIADB).filter("pubdate__year__gte", 2005).orderBy()).sql())
                .endsWith("WHERE EXTRACT(YEAR FROM `pubdate`) >= ?");
        assertThat(select(books(MARIADB).filter("pubdate__week_day", 1).orderBy()).sql()).endsWith("WHERE DAYOFWEEK(`pubdate`) = ?");
        assertThat(select(books(MARIADB).filter("pubdate__iso_week_day", 1).orderBy()).sql())
                .endsWith("WHERE (WEEKDAY(`pubdate`) + 1) = ?");
        assertThat(select(books(MARIADB).filter("pubdate__week", 1).orderBy()).sql()).endsWith("WHERE WEEK(`pubdate`, 3) = ?");
        assertThat(select(books(MARIADB).filter("pubdate__iso_year", 2004).orderBy()).sql())
                .endsWith("WHERE (YEARWEEK(`pubdate`, 3) DIV 100) = ?");
        assertThat(select(books(MARIADB).filter("pubdate__quarter", 2).orderBy()).sql())
                .endsWith("WHERE EXTRACT(QUARTER FROM `pubdate`) = ?");
    }

    @Test
    void slicedInSubqueriesGoThroughADerivedTable() {
        QuerySet<Long> firstTwo = books(MARIADB).orderBy("pages").slice(0, 2).valuesList(Long.class, "id");
        assertThat(select(books(MARIADB).filter("id__in", firstTwo).orderBy()).sql()).endsWith(
                "WHERE `id` IN (SELECT * FROM (SELECT `id` FROM `book` ORDER BY `pages` ASC LIMIT ?) subquery)");
        QuerySet<Long> all = books(MARIADB).filter("pages__gt", 5).orderBy().valuesList(Long.class, "id");
        assertThat(select(books(MARIADB).filter("id__in", all).orderBy()).sql())
                .endsWith("WHERE `id` IN (SELECT `id` FROM `book` WHERE `pages` > ?)");
        // MySQL reads every IN sub-select through a derived table, so an UPDATE or DELETE may select from its own table.
        QuerySet<Long> mysqlAll = books(MYSQL).filter("pages__gt", 5).orderBy().valuesList(Long.class, "id");
        assertThat(select(books(MYSQL).filter("id__in", mysqlAll).orderBy(), MYSQL).sql())
                .endsWith("WHERE `id` IN (SELECT * FROM (SELECT `id` FROM `book` WHERE `pages` > ?) subquery)");
    }

    // ------------------------------------------------------------------ clauses and expressions

    @Test
    void anOffsetWithoutALimitUsesTheLargestLimit() {
        CompiledSql sql = select(books(MARIADB).orderBy("name").slice(5, 15));
        assertThat(sql.sql()).endsWith("ORDER BY `name` ASC LIMIT ? OFFSET ?");
        assertThat(sql.params()).extracting(BindValue::value).containsExactly(10L, 5L);
        QuerySpec offsetOnly = spec(books(MARIADB).orderBy("name")).withSlice(5, null);
        CompiledSql tail = new SqlCompiler(MARIADB).select(offsetOnly);
        assertThat(tail.sql()).endsWith("ORDER BY `name` ASC LIMIT 18446744073709551615 OFFSET ?");
        assertThat(tail.params()).extracting(BindValue::value).containsExactly(5L);
    }

    @Test
    void integerDivisionTruncatesLikePostgres() {
        CompiledSql sql = select(books(MARIADB).filter("pages__gt", F.of("pages").div(2)).filter("price__gt", F.of("price").div(2))
                .orderBy());
        assertThat(sql.sql()).endsWith("WHERE (`pages` > (`pages` DIV ?) AND `price` > (`price` / ?))");
    }

    @Test
    void aggregateFiltersBecomeCaseExpressions() {
        Map<String, SqlExpr> aggs = new LinkedHashMap<>();
        var resolver = new Resolver(spec(books(MARIADB)));
        aggs.put("big", resolver.expression(Count.of("id").filter(Q.of("pages__gt", 100))));
        aggs.put("total", resolver.expression(Sum.of("pages").defaultValue(0)));
        assertThat(new SqlCompiler(MARIADB).aggregate(spec(books(MARIADB)), aggs).sql()).isEqualTo(
                "SELECT COUNT(CASE WHEN `pages` > ? THEN `id` ELSE NULL END), COALESCE(SUM(`pages`), ?) FROM `book`");
    }

    @Test
    void randomOrderingExplainAndDistinctOn() {
        assertThat(select(books(MARIADB).orderBy("?")).sql()).endsWith("ORDER BY RAND()");
        assertThat(new SqlCompiler(MARIADB).explain(spec(books(MARIADB).orderBy())).sql())
                .isEqualTo("EXPLAIN FORMAT=JSON SELECT `id`, `name`, `pages`, `price`, `pubdate`, `publisher_id` FROM `book`");
        assertThatThrownBy(() -> select(books(MARIADB).orderBy("name").distinct("name")))
                .isInstanceOf(UnsupportedOperationException.class).hasMessage("DISTINCT ON fields is not supported by MariaDB.");
    }

    @Test
    void locksWithNowaitAndSkipLockedButWithoutOfOnMariaDb() {
        assertThat(select(books(MARIADB).filter("pages", 1).orderBy().selectForUpdate(LockOptions.defaults().nowait())).sql())
                .endsWith("WHERE `pages` = ? FOR UPDATE NOWAIT");
        assertThat(select(books(MARIADB).orderBy().slice(0, 1).selectForUpdate(LockOptions.defaults().skipLocked())).sql())
                .endsWith("LIMIT ? FOR UPDATE SKIP LOCKED");
        // A LEFT JOIN needs no "OF": InnoDB locks the rows of both sides.
        assertThat(select(books(MARIADB).selectRelated("publisher").orderBy().selectForUpdate()).sql())
                .endsWith("FOR UPDATE").doesNotContain(" OF ");
        assertThatThrownBy(() -> select(books(MARIADB).selectForUpdate(LockOptions.defaults().of("self"))))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessage("selectForUpdate(of) (FOR UPDATE OF) is not supported by MariaDB.");
        assertThat(select(books(MYSQL).orderBy().selectForUpdate(LockOptions.defaults().of("self")), MYSQL).sql())
                .endsWith("FOR UPDATE OF `book`");
    }

    @Test
    void updateAndDeleteByQuery() {
        SqlCompiler c = new SqlCompiler(MARIADB);
        Map<FieldInfo, SqlExpr> set = new LinkedHashMap<>();
        set.put(models.get(Book.class).requireField("pages"), new Resolver(spec(books(MARIADB))).expression(F.of("pages").plus(1)));
        assertThat(c.update(spec(books(MARIADB).filter("name", "a")), set).sql())
                .isEqualTo("UPDATE `book` SET `pages` = (`pages` + ?) WHERE `name` = ?");
        assertThat(c.update(spec(books(MARIADB).filter("publisher__name", "p")), set).sql()).isEqualTo(
                "UPDATE `book` SET `pages` = (`pages` + ?) WHERE `id` IN (SELECT `book`.`id` FROM `book` "
                        + "LEFT OUTER JOIN `publisher` T1 ON `book`.`publisher_id` = T1.`id` WHERE T1.`name` = ?)");
        assertThat(c.delete(spec(books(MARIADB).filter("pages__lt", 3))).sql()).isEqualTo("DELETE FROM `book` WHERE `pages` < ?");
    }

    // ------------------------------------------------------------------ writes

    @Test
    void insertsIgnoreOrUpdateOnDuplicateKeyAndReturnsKeys() {
        var model = models.get(Book.class);
        var name = model.requireField("name");
        var pages = model.requireField("pages");
        List<Object[]> rows = List.<Object[]>of(new Object[] {"a", 1}, new Object[] {"b", 2});
        var writes = new MariaDbWriteStatements(MARIADB);
        assertThat(writes.insert(model, List.of(name, pages), rows, WriteStatements.Conflict.RAISE, List.of(), List.of()).sql())
                .isEqualTo("INSERT INTO `book` (`name`, `pages`) VALUES (?, ?), (?, ?)");
        assertThat(writes.insertReturningKeys(model, List.of(name, pages), rows, WriteStatements.Conflict.RAISE, List.of(), List.of())
                .sql()).isEqualTo("INSERT INTO `book` (`name`, `pages`) VALUES (?, ?), (?, ?) RETURNING `id`");
        assertThat(writes.insert(model, List.of(name, pages), rows, WriteStatements.Conflict.IGNORE, List.of(), List.of()).sql())
                .isEqualTo("INSERT IGNORE INTO `book` (`name`, `pages`) VALUES (?, ?), (?, ?)");
        assertThat(writes.insertReturningKeys(model, List.of(name, pages), rows, WriteStatements.Conflict.UPDATE, List.of(name),
                List.of(pages)).sql()).isEqualTo("INSERT INTO `book` (`name`, `pages`) VALUES (?, ?), (?, ?) "
                + "ON DUPLICATE KEY UPDATE `pages` = VALUES(`pages`) RETURNING `id`");
        assertThat(writes.insert(model, List.of(), rows, WriteStatements.Conflict.RAISE, List.of(), List.of()).sql())
                .isEqualTo("INSERT INTO `book` () VALUES (), ()");
        assertThat(writes.returnsKeysAsRows()).isTrue();
        assertThat(writes.returnsKeys(WriteStatements.Conflict.IGNORE)).as("INSERT IGNORE skips rows: keys cannot be matched").isFalse();
        MySqlWriteStatements mysql = new MySqlWriteStatements(MYSQL);
        assertThat(mysql.returnsKeysAsRows()).isFalse();
        assertThat(mysql.reportsKeysOfMultiRowInserts()).isFalse();
    }

    @Test
    void acceptsUniqueFieldsOnlyWhenTheyAreEveryUniqueKeyTheInsertCanHit() {
        var model = models.get(Book.class);
        var name = model.requireField("name");
        var pages = model.requireField("pages");
        var writes = new MariaDbWriteStatements(MARIADB);
        assertThat(writes.updateConflictsNeedUniqueFields()).isFalse();
        writes.checkConflictTarget(model, List.of(name, pages), WriteStatements.Conflict.UPDATE, List.of(name));
        writes.checkConflictTarget(model, List.of(name, pages), WriteStatements.Conflict.UPDATE, List.of());
        assertThatThrownBy(() -> writes.checkConflictTarget(model, List.of(name, pages), WriteStatements.Conflict.UPDATE,
                List.of(pages)))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("bulkCreate(updateConflicts) with uniqueFields [pages] on Book is not supported by MariaDB")
                .hasMessageContaining("here [name]");
        // With explicit keys the primary key can conflict too.
        assertThatThrownBy(() -> writes.checkConflictTarget(model, List.of(model.pk(), name, pages), WriteStatements.Conflict.UPDATE,
                List.of(name))).isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("here [id, name]");
        assertThatThrownBy(() -> books(MARIADB).bulkCreate(List.of(new Book()),
                BulkCreateOptions.defaults().updateConflicts(List.of("pages"), List.of("price"))))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void bulkUpdateNeedsNoCasts() {
        var model = models.get(Book.class);
        CompiledSql sql = new MariaDbWriteStatements(MARIADB).bulkUpdate(model, List.of(model.requireField("pages")), List.of(1L, 2L),
                List.<Object[]>of(new Object[] {10}, new Object[] {20}));
        assertThat(sql.sql()).isEqualTo("UPDATE `book` SET `pages` = CASE WHEN `id` = ? THEN ? WHEN `id` = ? THEN ? "
                + "ELSE `pages` END WHERE `id` IN (?, ?)");
    }

    // ------------------------------------------------------------------ values crossing the driver

    @Test
    void offsetDateTimesAndUuidsCrossTheDriverAsUtcDateTimesAndText() {
        OffsetDateTime at = OffsetDateTime.of(2024, 5, 6, 9, 30, 0, 123_456_000, ZoneOffset.ofHours(2));
        assertThat(MARIADB.toDriver(new BindValue(at, OffsetDateTime.class)))
                .isEqualTo(new BindValue(LocalDateTime.of(2024, 5, 6, 7, 30, 0, 123_456_000), LocalDateTime.class));
        UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        assertThat(MARIADB.toDriver(new BindValue(id, UUID.class))).isEqualTo(new BindValue(id.toString(), String.class));
        assertThat(MARIADB.toDriver(new BindValue(null, UUID.class))).isEqualTo(new BindValue(null, String.class));
        assertThat(MARIADB.driverReadType(OffsetDateTime.class)).isEqualTo(LocalDateTime.class);
        assertThat(MARIADB.driverReadType(UUID.class)).isEqualTo(String.class);
        assertThat(MARIADB.driverReadType(Long.class)).isEqualTo(Long.class);
    }

    // ------------------------------------------------------------------ DDL

    @Test
    void createsInnoDbUtf8mb4TablesWithMicrosecondTimesAndTableLevelForeignKeys() {
        String ddl = new DefaultSchema(models, MARIADB, null, null).ddl(Item.class);
        assertThat(ddl).isEqualTo("CREATE TABLE IF NOT EXISTS `ddl_item` (`id` BIGINT AUTO_INCREMENT PRIMARY KEY, "
                + "`code` VARCHAR(100) NOT NULL, `body` LONGTEXT NOT NULL, `at` DATETIME(6) NULL, `stamp` DATETIME(6) NOT NULL, "
                + "`zoned` DATETIME(6) NOT NULL, `time` TIME(6) NOT NULL, `ref` CHAR(36) NOT NULL, `blob` LONGBLOB NOT NULL, "
                + "`active` BOOL NOT NULL, `ratio` DOUBLE NOT NULL, `weight` FLOAT NOT NULL, `publisher_id` BIGINT NOT NULL, "
                + "FOREIGN KEY (`publisher_id`) REFERENCES `publisher` (`id`), INDEX `ddl_item_code_idx` (`code`), "
                + "INDEX `ddl_item_publisher_id_idx` (`publisher_id`)) "
                + "ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;\n"
                + "CREATE TABLE IF NOT EXISTS `ddl_item_sellers` (`id` BIGINT AUTO_INCREMENT PRIMARY KEY, "
                + "`item_id` BIGINT NOT NULL, `publisher_id` BIGINT NOT NULL, UNIQUE (`item_id`, `publisher_id`), "
                + "FOREIGN KEY (`item_id`) REFERENCES `ddl_item` (`id`), FOREIGN KEY (`publisher_id`) REFERENCES `publisher` (`id`), "
                + "INDEX `ddl_item_sellers_publisher_id_idx` (`publisher_id`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
    }

    @Test
    void shortensIndexNamesBeyondSixtyFourCharacters() {
        String ddl = new DefaultSchema(models, MARIADB, null, null).ddl(LongNamed.class);
        String name = ddl.replaceAll("(?s).*INDEX `([^`]+)`.*", "$1");
        assertThat(name).hasSize(64).matches("a_model_whose_table_name_is_quite_long_already_for_mari_[0-9a-f]{8}");
        assertThat(new DefaultSchema(models, new PostgresDialect(), null, null).ddl(LongNamed.class))
                .as("other databases keep the plain name").contains("another_rather_long_column_name_idx");
    }

    @Test
    void refusesIndexesOnTextColumnsBeforeRunningAnyDdl() {
        assertThatThrownBy(() -> new DefaultSchema(models, MARIADB, null, null).ddl(Noted.class))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("dbIndex on the text column Noted.note is not supported by MariaDB");
        assertThat(new DefaultSchema(models, MARIADB, null, null).ddl(UniqueText.class))
                .as("MariaDB enforces UNIQUE on TEXT through a hidden hash").contains("`note` LONGTEXT NOT NULL UNIQUE");
        assertThatThrownBy(() -> new DefaultSchema(models, MYSQL, null, null).ddl(UniqueText.class))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageStartingWith("unique on the text column UniqueText.note is not supported by MySQL");
    }
}
