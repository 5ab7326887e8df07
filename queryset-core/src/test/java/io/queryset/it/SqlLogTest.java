package io.queryset.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.it.models.Tag;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.slf4j.LoggerFactory;

/** Statements logged on {@code io.queryset.sql}: all of them with {@code logSql}, slow ones with a threshold. */
@TestModels(Tag.class)
class SqlLogTest {

    private final Logger sqlLogger = (Logger) LoggerFactory.getLogger("io.queryset.sql");

    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void captureTheSqlLogger() {
        events.start();
        sqlLogger.addAppender(events);
        sqlLogger.setLevel(Level.INFO);
        // Only the list: a console write from an event loop would be a blocking call BlockHound rightly reports.
        sqlLogger.setAdditive(false);
    }

    @AfterEach
    void release() {
        sqlLogger.detachAppender(events);
        sqlLogger.setLevel(null);
        sqlLogger.setAdditive(true);
    }

    @DatabaseMatrix
    void everyStatementIsLoggedWithItsDurationAndBoundValues(Fixture fx) {
        Manager<Tag> tags = fx.builder().logSql(true).build().manager(Tag.class);

        assertThat(fx.count(tags.filter("name__startswith", "ja"))).isZero();

        assertThat(events.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.INFO);
            assertThat(e.getFormattedMessage())
                    .matches("\\[\\d+\\.\\d ms\\] SELECT COUNT\\(\\*\\).*LIKE .*\\['ja%'\\]");
        });
    }

    @DatabaseMatrix
    void maskedValuesAreNotWritten(Fixture fx) {
        Manager<Tag> tags = fx.builder().logSql(true).maskSqlParameters(true).build().manager(Tag.class);

        fx.call(() -> tags.create(new Tag("secret")), () -> tags.acreate(new Tag("secret")));

        assertThat(events.list).isNotEmpty().allSatisfy(e -> assertThat(e.getFormattedMessage())
                .doesNotContain("secret").contains("INSERT INTO").endsWith("[?]"));
    }

    @DatabaseMatrix
    void aStatementSlowerThanTheThresholdIsAWarningEvenWithoutSqlLogging(Fixture fx) {
        Database db = fx.builder().slowQueryThreshold(Duration.ofNanos(1)).build();

        assertThat(fx.list(db.manager(Tag.class).all())).isEmpty();

        assertThat(events.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).matches("Slow statement \\(\\d+\\.\\d ms, threshold 0\\.0 ms\\): SELECT .*");
        });
    }

    @DatabaseMatrix
    void nothingIsLoggedByDefault(Fixture fx) {
        Manager<Tag> tags = fx.builder().build().manager(Tag.class);
        fx.call(() -> tags.create(new Tag("java")), () -> tags.acreate(new Tag("java")));
        assertThat(fx.list(tags.all())).hasSize(1);
        assertThat(events.list).isEmpty();
    }

}
