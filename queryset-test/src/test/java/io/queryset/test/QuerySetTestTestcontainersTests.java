package io.queryset.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.test.fixtures.Note;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcConnectionDetails;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.postgresql.PostgreSQLContainer;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/**
 * The slice on a PostgreSQL container reached through {@code @ServiceConnection}, as docs/testing.md shows it. Needs a
 * Docker engine: without one the whole class is skipped before any container or context is created.
 */
@Testcontainers(disabledWithoutDocker = true)
@QuerySetTest(properties = "queryset.schema.create=true")
class QuerySetTestTestcontainersTests {

    @Container
    @ServiceConnection
    static PostgreSQLContainer postgres = new PostgreSQLContainer("postgres:17-alpine");

    @Autowired
    private Manager<Note> notes;

    @Autowired
    private Database db;

    @Autowired
    private JdbcConnectionDetails jdbc;

    @Autowired
    private R2dbcConnectionDetails r2dbc;

    @Test
    void connectsBothSidesToTheContainer() {
        assertThat(jdbc.getJdbcUrl()).isEqualTo(postgres.getJdbcUrl());
        assertThat(r2dbc.getConnectionFactoryOptions().getRequiredValue(
                io.r2dbc.spi.ConnectionFactoryOptions.PORT)).isEqualTo(postgres.getMappedPort(5432));
        assertThat(db.dialectName()).containsIgnoringCase("postgres");
    }

    @Test
    void writesAndCountsOnBothSides() {
        notes.create(Note.of("blocking, rolled back with the test"));
        assertThat(notes.count()).isEqualTo(1);

        Flux<Long> countedInside = db.aatomic(tx -> {
            tx.setRollbackOnly();
            return notes.acreate(Note.of("async")).then(notes.acount());
        });
        StepVerifier.create(countedInside).expectNext(1L).expectComplete().verify(Duration.ofSeconds(30));
    }
}
