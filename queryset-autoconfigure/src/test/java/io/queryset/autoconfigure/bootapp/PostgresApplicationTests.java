package io.queryset.autoconfigure.bootapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.Manager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.jdbc.support.JdbcTransactionManager;
import io.r2dbc.spi.ConnectionFactory;

/**
 * A whole Spring Boot application on PostgreSQL with the starter: both DataSource and ConnectionFactory from
 * spring.* properties, Manager beans injected by generic type and as the application's own interface, and an
 * unqualified {@code @Transactional} rolling back on the JDBC side and on the R2DBC side in the same application.
 */
@SpringBootTest(classes = LedgerApplication.class, properties = {
    "spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test",
    "spring.datasource.username=postgres",
    "spring.r2dbc.url=r2dbc:postgresql://127.0.0.1:5432/test",
    "spring.r2dbc.username=postgres",
    "queryset.schema.create=true"
})
class PostgresApplicationTests {

    @BeforeAll
    static void postgresIsThere() {
        boolean up;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5432), 2000);
            up = true;
        } catch (IOException e) {
            up = false;
        }
        if (!up && "true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException("PostgreSQL is not reachable at 127.0.0.1:5432, and CI=true forbids skipping");
        }
        Assumptions.assumeTrue(up, "PostgreSQL is not reachable at 127.0.0.1:5432: skipped");
    }

    @Autowired
    Database database;

    @Autowired
    Manager<Ledger> ledger;

    @Autowired
    LedgerManager ledgerManager;

    @Autowired
    LedgerService service;

    @Autowired
    DataSource dataSource;

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    JdbcTransactionManager jdbcTransactions;

    @Autowired
    R2dbcTransactionManager r2dbcTransactions;

    @BeforeEach
    void emptyLedger() {
        ledger.delete();
    }

    @Test
    void bothSidesAreConfiguredFromSpringProperties() {
        assertThat(database.dialectName()).isEqualTo("PostgreSQL");
        assertThat(database.asyncMode()).isEqualTo(AsyncMode.NATIVE);
        assertThat(database.dataSource()).isSameAs(dataSource);
        assertThat(database.connectionFactory()).isSameAs(connectionFactory);
    }

    @Test
    void managerOfTheModelAndTheApplicationsInterfaceAreTheSameBean() {
        assertThat(ledger).isSameAs(ledgerManager);
        ledgerManager.bulkCreate(java.util.List.of(new Ledger(null, "rent", 90000), new Ledger(null, "tea", 350)));
        assertThat(ledgerManager.atLeast(1000).valuesList(String.class, "entry").list()).containsExactly("rent");
        assertThat(ledgerManager.atLeast(100).alist().block()).extracting(Ledger::entry).containsExactly("rent", "tea");
    }

    @Test
    void aBlockingTransactionalMethodRollsBackOnJdbc() {
        assertThatThrownBy(() -> service.recordThenFail("blocking")).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.filter("entry", "blocking").exists()).isFalse();
    }

    @Test
    void aMonoTransactionalMethodRollsBackOnR2dbc() {
        assertThatThrownBy(() -> service.arecordThenFail("reactive").block()).isInstanceOf(IllegalStateException.class);
        assertThat(ledger.filter("entry", "reactive").aexists().block()).isFalse();
        service.arecord("committed", 5).block();
        assertThat(ledger.filter("entry", "committed").count()).isEqualTo(1L);
    }
}
