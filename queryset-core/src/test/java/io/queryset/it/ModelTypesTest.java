package io.queryset.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.Manager;
import io.queryset.expr.Max;
import io.queryset.it.models.AllTypes;
import io.queryset.it.models.AllTypesRecord;
import io.queryset.it.models.BookReview;
import io.queryset.it.models.Color;
import io.queryset.it.models.Document;
import io.queryset.it.models.Note;
import io.queryset.it.models.Order;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * Every Java type of API.md §1 on plain classes and records, {@code @Column} options, naming, reserved
 * words, {@code @Version} and {@code @CreatedDate}/{@code @LastModifiedDate}.
 */
@TestModels({AllTypes.class, AllTypesRecord.class, Document.class, Note.class, Order.class, BookReview.class})
class ModelTypesTest {

    private static final UUID A_UUID = UUID.fromString("8d5c1e5a-3a4b-4f0e-9c3a-2f1d0b9e7a61");
    private static final LocalDateTime A_DATE_TIME = LocalDateTime.of(2024, 2, 29, 23, 59, 58, 123_456_000);
    private static final Instant AN_INSTANT = Instant.parse("2024-03-01T10:15:30.654321Z");
    private static final OffsetDateTime AN_OFFSET_DATE_TIME = OffsetDateTime.of(2024, 3, 1, 12, 0, 0, 0, ZoneOffset.ofHours(2));

    private static AllTypes allTypes() {
        AllTypes t = new AllTypes();
        t.longValue = 9_007_199_254_740_993L;
        t.boxedLong = -42L;
        t.intValue = Integer.MAX_VALUE;
        t.boxedInt = Integer.MIN_VALUE;
        t.shortValue = Short.MAX_VALUE;
        t.boxedShort = (short) -7;
        t.flag = true;
        t.boxedFlag = Boolean.FALSE;
        t.doubleValue = 0.1 + 0.2;
        t.boxedDouble = -1.5e300;
        t.floatValue = 1.25f;
        t.boxedFloat = -3.5f;
        t.decimal = new BigDecimal("12345678.1234");
        t.string = "héllo, wörld ✓";
        t.text = "x".repeat(10_000);
        t.date = LocalDate.of(1970, 1, 1);
        t.dateTime = A_DATE_TIME;
        t.time = LocalTime.of(8, 30, 15);
        t.instant = AN_INSTANT;
        t.offsetDateTime = AN_OFFSET_DATE_TIME;
        t.uuid = A_UUID;
        t.bytes = new byte[] {0, 1, 2, (byte) 0xFF, 127, -128};
        t.color = Color.GREEN;
        t.note = "jspecify";
        return t;
    }

    private static AllTypesRecord allTypesRecord() {
        return new AllTypesRecord(null, 1L, 2L, 3, 4, (short) 5, (short) 6, true, false, 7.5, 8.5, 9.5f, 10.5f,
                new BigDecimal("11.0001"), "twelve", "thirteen", LocalDate.of(2014, 1, 14), A_DATE_TIME,
                LocalTime.of(16, 16, 16), AN_INSTANT, AN_OFFSET_DATE_TIME, A_UUID, new byte[] {18, 19}, Color.BLUE);
    }

    // ------------------------------------------------------------------ round trips

    @DatabaseMatrix
    void everyTypeRoundTripsOnAClass(Fixture fx) {
        Manager<AllTypes> manager = fx.manager(AllTypes.class);
        AllTypes original = allTypes();

        AllTypes created = fx.call(() -> manager.create(original), () -> manager.acreate(original));
        AllTypes read = fx.call(() -> manager.get("pk", created.id), () -> manager.aget("pk", created.id));

        assertThat(read.id).isEqualTo(created.id);
        assertThat(read.longValue).isEqualTo(9_007_199_254_740_993L);
        assertThat(read.boxedLong).isEqualTo(-42L);
        assertThat(read.intValue).isEqualTo(Integer.MAX_VALUE);
        assertThat(read.boxedInt).isEqualTo(Integer.MIN_VALUE);
        assertThat(read.shortValue).isEqualTo(Short.MAX_VALUE);
        assertThat(read.boxedShort).isEqualTo((short) -7);
        assertThat(read.flag).isTrue();
        assertThat(read.boxedFlag).isFalse();
        assertThat(read.doubleValue).isEqualTo(0.1 + 0.2);
        assertThat(read.boxedDouble).isEqualTo(-1.5e300);
        assertThat(read.floatValue).isEqualTo(1.25f);
        assertThat(read.boxedFloat).isEqualTo(-3.5f);
        assertThat(read.decimal).isEqualByComparingTo("12345678.1234");
        assertThat(read.string).isEqualTo("héllo, wörld ✓");
        assertThat(read.text).hasSize(10_000);
        assertThat(read.date).isEqualTo(LocalDate.of(1970, 1, 1));
        assertThat(read.dateTime).isEqualTo(A_DATE_TIME);
        assertThat(read.time).isEqualTo(LocalTime.of(8, 30, 15));
        assertThat(read.instant).isEqualTo(AN_INSTANT);
        assertThat(read.offsetDateTime).isAtSameInstantAs(AN_OFFSET_DATE_TIME);
        assertThat(read.uuid).isEqualTo(A_UUID);
        assertThat(read.bytes).containsExactly(0, 1, 2, (byte) 0xFF, 127, -128);
        assertThat(read.color).isEqualTo(Color.GREEN);
        assertThat(read.note).isEqualTo("jspecify");
    }

    @DatabaseMatrix
    void nullableColumnsRoundTripNull(Fixture fx) {
        Manager<AllTypes> manager = fx.manager(AllTypes.class);
        AllTypes empty = new AllTypes();

        AllTypes created = fx.call(() -> manager.create(empty), () -> manager.acreate(empty));
        AllTypes read = fx.call(() -> manager.get("pk", created.id), () -> manager.aget("pk", created.id));

        assertThat(read).hasAllNullFieldsOrPropertiesExcept("id", "longValue", "intValue", "shortValue", "flag",
                "doubleValue", "floatValue");
        assertThat(read.longValue).isZero();
        assertThat(read.flag).isFalse();
    }

    @DatabaseMatrix
    void everyTypeRoundTripsOnARecord(Fixture fx) {
        Manager<AllTypesRecord> manager = fx.manager(AllTypesRecord.class);
        AllTypesRecord original = allTypesRecord();

        AllTypesRecord created = fx.call(() -> manager.create(original), () -> manager.acreate(original));
        AllTypesRecord read = fx.call(() -> manager.get("pk", created.id()), () -> manager.aget("pk", created.id()));

        assertThat(created.id()).isNotNull();
        assertThat(read).usingRecursiveComparison()
                .ignoringFields("offsetDateTime", "decimal")
                .isEqualTo(new AllTypesRecord(created.id(), 1L, 2L, 3, 4, (short) 5, (short) 6, true, false, 7.5, 8.5, 9.5f, 10.5f,
                        new BigDecimal("11.0001"), "twelve", "thirteen", LocalDate.of(2014, 1, 14), A_DATE_TIME,
                        LocalTime.of(16, 16, 16), AN_INSTANT, AN_OFFSET_DATE_TIME, A_UUID, new byte[] {18, 19}, Color.BLUE));
        assertThat(read.decimal()).isEqualByComparingTo("11.0001");
        assertThat(read.offsetDateTime()).isAtSameInstantAs(AN_OFFSET_DATE_TIME);
    }

    @DatabaseMatrix
    void localTimeAndDateTimeKeepMicroseconds(Fixture fx) {
        Manager<AllTypes> manager = fx.manager(AllTypes.class);
        AllTypes t = new AllTypes();
        t.time = LocalTime.of(8, 30, 15, 123_456_000);
        t.dateTime = LocalDateTime.of(2020, 1, 1, 0, 0, 0, 999_999_000);
        t.instant = Instant.parse("2020-01-01T00:00:00.000001Z");

        AllTypes created = fx.call(() -> manager.create(t), () -> manager.acreate(t));
        AllTypes read = fx.blocking(AllTypes.class).get("pk", created.id);

        assertThat(read.time).isEqualTo(LocalTime.of(8, 30, 15, 123_456_000));
        assertThat(read.dateTime).isEqualTo(LocalDateTime.of(2020, 1, 1, 0, 0, 0, 999_999_000));
        assertThat(read.instant).isEqualTo(Instant.parse("2020-01-01T00:00:00.000001Z"));
    }

    @DatabaseMatrix
    void everyTypeCanBeFilteredOn(Fixture fx) {
        AllTypes stored = fx.blocking(AllTypes.class).create(allTypes());
        fx.blocking(AllTypes.class).create(new AllTypes());
        Manager<AllTypes> m = fx.manager(AllTypes.class);

        Map<String, Object> lookups = new java.util.LinkedHashMap<>();
        lookups.put("longValue", 9_007_199_254_740_993L);
        lookups.put("boxedLong", -42L);
        lookups.put("intValue", Integer.MAX_VALUE);
        lookups.put("boxedShort", (short) -7);
        lookups.put("shortValue__gt", 0);
        lookups.put("flag", true);
        lookups.put("boxedFlag", false);
        lookups.put("doubleValue__gt", 0.3);
        lookups.put("floatValue", 1.25f);
        lookups.put("decimal", new BigDecimal("12345678.1234"));
        lookups.put("string__contains", "wörld");
        lookups.put("text__startswith", "xxx");
        lookups.put("date", LocalDate.of(1970, 1, 1));
        lookups.put("dateTime", A_DATE_TIME);
        lookups.put("time__lt", LocalTime.NOON);
        lookups.put("instant", AN_INSTANT);
        lookups.put("offsetDateTime", AN_OFFSET_DATE_TIME.withOffsetSameInstant(ZoneOffset.UTC));
        lookups.put("uuid", A_UUID);
        lookups.put("color", Color.GREEN);
        lookups.put("note", "jspecify");
        for (Map.Entry<String, Object> lookup : lookups.entrySet()) {
            assertThat(fx.list(m.filter(lookup.getKey(), lookup.getValue())))
                    .as(lookup.getKey()).extracting(t -> t.id).containsExactly(stored.id);
        }
        assertThat(fx.list(m.filter("color", "GREEN"))).as("an enum by name").hasSize(1);
        assertThat(fx.list(m.filter("color__in", List.of(Color.RED, Color.GREEN)))).hasSize(1);
        assertThat(fx.list(m.filter("uuid", A_UUID.toString()))).as("a UUID from its string").hasSize(1);
        assertThat(fx.list(m.filter("color__isnull", true))).hasSize(1);
    }

    @DatabaseMatrix
    void enumsAreStoredByName(Fixture fx) throws Exception {
        Manager<AllTypes> m = fx.manager(AllTypes.class);
        AllTypes t = new AllTypes();
        t.color = Color.BLUE;
        fx.call(() -> m.create(t), () -> m.acreate(t));

        try (Connection c = fx.dataSource().getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(fx.sql("SELECT \"color\" FROM \"it_all_types\""))) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("BLUE");
        }
    }

    // ------------------------------------------------------------------ @Column options and naming

    @DatabaseMatrix
    void notNullColumnsRejectNull(Fixture fx) {
        Manager<Order> orders = fx.manager(Order.class);
        Order missingUser = new Order(2024, null, "d", "g");

        assertThatThrownBy(() -> fx.call(() -> orders.create(missingUser), () -> orders.acreate(missingUser)))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(fx.blocking(Order.class).count()).isZero();
    }

    @DatabaseMatrix
    void varcharColumnsHaveTheirMaxLength(Fixture fx) {
        Manager<AllTypes> m = fx.manager(AllTypes.class);
        AllTypes fits = new AllTypes();
        fits.string = "y".repeat(40);
        AllTypes tooLong = new AllTypes();
        tooLong.string = "y".repeat(41);

        assertThat(fx.call(() -> m.create(fits), () -> m.acreate(fits)).id).isNotNull();
        assertThatThrownBy(() -> fx.call(() -> m.create(tooLong), () -> m.acreate(tooLong)))
                .isInstanceOf(org.springframework.dao.DataAccessException.class);
    }

    @DatabaseMatrix(modes = io.queryset.testing.ExecutionMode.BLOCKING)
    void defaultNamesAreSnakeCase(Fixture fx) {
        String ddl = fx.db().schema().ddl(BookReview.class);

        assertThat(ddl).contains(fx.quote("book_review"), fx.quote("reviewer_name"), fx.quote("pub_date"), fx.quote("stars"),
                fx.quote("id"));
        assertThat(fx.db().schema().ddl(Order.class)).contains(fx.quote("order"), fx.quote("year"), fx.quote("user"),
                fx.quote("desc"), fx.quote("group"));
    }

    @DatabaseMatrix
    void reservedWordsWorkAsTableAndColumnNames(Fixture fx) {
        Manager<Order> orders = fx.manager(Order.class);
        List<Order> unsaved = List.of(new Order(2019, "ann", "first", "a"), new Order(2021, "bob", "second", "b"),
                new Order(2020, "cid", "third", "a"));

        List<Order> created = fx.call(() -> orders.bulkCreate(unsaved), () -> orders.abulkCreate(unsaved));

        assertThat(created).extracting(o -> o.id).doesNotContainNull();
        assertThat(fx.list(orders)).extracting(o -> o.year).as("ordering -year").containsExactly(2021, 2020, 2019);
        assertThat(fx.list(orders.filter("group", "a").orderBy("desc"))).extracting(o -> o.user).containsExactly("ann", "cid");
        assertThat(fx.list(orders.filter("user__startswith", "b").values("year", "desc")))
                .containsExactly(Map.of("year", 2021, "desc", "second"));
        assertThat(fx.aggregate(orders, Max.of("year"))).containsEntry("year__max", 2021);
        assertThat(fx.update(orders.filter("year__lt", 2021), Map.of("group", "z")))
                .isEqualTo(2);
        assertThat(fx.delete(orders.filter("group", "z")).total()).isEqualTo(2);
        assertThat(fx.blocking(Order.class).list()).extracting(o -> o.user).containsExactly("bob");
    }

    // ------------------------------------------------------------------ @Version

    @DatabaseMatrix
    void versionIsSetOnInsertAndIncrementedOnSave(Fixture fx) {
        Manager<Document> docs = fx.manager(Document.class);
        Document doc = new Document("draft");

        Document inserted = fx.call(() -> docs.save(doc), () -> docs.asave(doc));
        assertThat(inserted.version).isNotNull();
        long first = inserted.version;
        inserted.title = "final";
        Document updated = fx.call(() -> docs.save(inserted), () -> docs.asave(inserted));

        assertThat(updated.version).isEqualTo(first + 1);
        Document stored = fx.blocking(Document.class).get("pk", inserted.id);
        assertThat(stored.version).isEqualTo(first + 1);
        assertThat(stored.title).isEqualTo("final");
    }

    @DatabaseMatrix
    void savingAStaleVersionFails(Fixture fx) {
        Document stored = fx.blocking(Document.class).save(new Document("v1"));
        Document other = stored.copy();
        other.title = "changed elsewhere";
        fx.blocking(Document.class).save(other);
        Manager<Document> docs = fx.manager(Document.class);
        stored.title = "stale change";

        assertThatThrownBy(() -> fx.call(() -> docs.save(stored), () -> docs.asave(stored)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(fx.blocking(Document.class).get("pk", stored.id).title).isEqualTo("changed elsewhere");
    }

    @DatabaseMatrix
    void versionOnARecord(Fixture fx) {
        Manager<Note> notes = fx.manager(Note.class);
        Note unsaved = new Note(null, "one", 0);

        Note v1 = fx.call(() -> notes.save(unsaved), () -> notes.asave(unsaved));
        Note edited = v1.withText("two");
        Note v2 = fx.call(() -> notes.save(edited), () -> notes.asave(edited));

        assertThat(v1.id()).isNotNull();
        assertThat(v2.version()).isEqualTo(v1.version() + 1);
        Note stale = v1.withText("stale");
        assertThatThrownBy(() -> fx.call(() -> notes.save(stale), () -> notes.asave(stale)))
                .isInstanceOf(OptimisticLockingFailureException.class);
        assertThat(fx.blocking(Note.class).get("pk", v1.id())).isEqualTo(v2);
    }

    // ------------------------------------------------------------------ @CreatedDate / @LastModifiedDate

    @DatabaseMatrix
    void createdAndModifiedDatesAreFilledOnInsert(Fixture fx) {
        Manager<Document> docs = fx.manager(Document.class);
        Instant before = Instant.now().minusSeconds(1);
        Document doc = new Document("new");

        Document created = fx.call(() -> docs.create(doc), () -> docs.acreate(doc));

        Document stored = fx.blocking(Document.class).get("pk", created.id);
        assertThat(stored.createdAt).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(stored.modifiedAt).isNotNull();
        assertThat(created.createdAt).isNotNull();
    }

    @DatabaseMatrix
    void saveKeepsTheCreatedDateAndMovesTheModifiedDate(Fixture fx) throws InterruptedException {
        Document stored = fx.blocking(Document.class).save(new Document("v1"));
        Instant created = fx.blocking(Document.class).get("pk", stored.id).createdAt;
        LocalDateTime firstModified = fx.blocking(Document.class).get("pk", stored.id).modifiedAt;
        Thread.sleep(20);
        Manager<Document> docs = fx.manager(Document.class);
        stored.title = "v2";

        fx.call(() -> docs.save(stored), () -> docs.asave(stored));

        Document reread = fx.blocking(Document.class).get("pk", stored.id);
        assertThat(reread.createdAt).isEqualTo(created);
        assertThat(reread.modifiedAt).isAfter(firstModified);
        assertThat(ChronoUnit.SECONDS.between(firstModified, reread.modifiedAt)).isLessThan(60);
    }

    @DatabaseMatrix
    void bulkCreateFillsTheCreatedDate(Fixture fx) {
        Manager<Document> docs = fx.manager(Document.class);
        List<Document> two = List.of(new Document("a"), new Document("b"));

        fx.call(() -> docs.bulkCreate(two), () -> docs.abulkCreate(two));

        assertThat(fx.blocking(Document.class).list()).hasSize(2).allSatisfy(d -> {
            assertThat(d.createdAt).isNotNull();
            assertThat(d.modifiedAt).isNotNull();
        });
    }

    @DatabaseMatrix
    void valuesHaveTheFieldsJavaTypes(Fixture fx) {
        fx.blocking(AllTypes.class).create(allTypes());

        Map<String, Object> row = fx.list(fx.manager(AllTypes.class).values("instant", "uuid", "color", "bytes", "flag",
                "shortValue", "floatValue", "dateTime", "time", "offsetDateTime", "longValue", "decimal")).get(0);

        assertThat(row.get("instant")).isEqualTo(AN_INSTANT);
        assertThat(row.get("uuid")).isEqualTo(A_UUID);
        assertThat(row.get("color")).isEqualTo(Color.GREEN);
        assertThat(row.get("bytes")).isInstanceOf(byte[].class);
        assertThat(row.get("flag")).isEqualTo(true);
        assertThat(row.get("shortValue")).isEqualTo(Short.MAX_VALUE);
        assertThat(row.get("floatValue")).isEqualTo(1.25f);
        assertThat(row.get("dateTime")).isEqualTo(A_DATE_TIME);
        assertThat(row.get("time")).isEqualTo(LocalTime.of(8, 30, 15));
        assertThat(row.get("offsetDateTime")).isInstanceOf(OffsetDateTime.class);
        assertThat(row.get("longValue")).isEqualTo(9_007_199_254_740_993L);
        assertThat(row.get("decimal")).isInstanceOf(BigDecimal.class);
        assertThat(fx.list(fx.manager(AllTypes.class).valuesList(Color.class, "color"))).containsExactly(Color.GREEN);
    }

    @DatabaseMatrix
    void aggregateResultTypesFollowTheFieldTypes(Fixture fx) {
        AllTypes a = allTypes();
        AllTypes b = allTypes();
        b.shortValue = 1;
        b.intValue = 1;
        b.floatValue = 0.25f;
        b.instant = AN_INSTANT.minusSeconds(3600);
        b.dateTime = A_DATE_TIME.minusDays(1);
        b.time = LocalTime.of(1, 2, 3);
        b.decimal = new BigDecimal("0.0001");
        b.string = "aaa";
        fx.blocking(AllTypes.class).bulkCreate(List.of(a, b));

        Map<String, Object> result = fx.aggregate(fx.manager(AllTypes.class),
                io.queryset.expr.Sum.of("shortValue"), io.queryset.expr.Sum.of("floatValue"), io.queryset.expr.Avg.of("intValue"),
                Max.of("instant"), Max.of("dateTime"), io.queryset.expr.Min.of("time"), io.queryset.expr.Min.of("decimal"),
                io.queryset.expr.Min.of("string"), io.queryset.expr.Sum.of("boxedLong"), Max.of("date"));

        assertThat(result.get("shortValue__sum")).isEqualTo(32768L);
        assertThat(result.get("floatValue__sum")).isEqualTo(1.5);
        assertThat((Double) result.get("intValue__avg")).isCloseTo(1_073_741_824.0, org.assertj.core.api.Assertions.within(1e-3));
        assertThat(result.get("instant__max")).isEqualTo(AN_INSTANT);
        assertThat(result.get("dateTime__max")).isEqualTo(A_DATE_TIME);
        assertThat(result.get("time__min")).isEqualTo(LocalTime.of(1, 2, 3));
        assertThat((BigDecimal) result.get("decimal__min")).isEqualByComparingTo("0.0001");
        assertThat(result.get("string__min")).isEqualTo("aaa");
        assertThat(result.get("boxedLong__sum")).isEqualTo(-84L);
        assertThat(result.get("date__max")).isEqualTo(LocalDate.of(1970, 1, 1));
    }
}
