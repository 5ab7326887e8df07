package io.queryset.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.Database;
import io.queryset.DatabaseRouter;
import io.queryset.Manager;
import io.queryset.it.models.Tag;
import io.queryset.testing.CountingConnectionFactory;
import io.queryset.testing.CountingDataSource;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code using("alias")} and database routers. The "replica" here is the same database behind its own counting
 * DataSource and ConnectionFactory: what the test asserts is which connections a call took, on every side.
 */
@TestModels(Tag.class)
class UsingTest {

    @DatabaseMatrix
    void usingRunsTheQueryOnTheNamedDatabase(Fixture fx) {
        Replica replica = new Replica(fx);
        Database db = replica.register(fx.builder()).build();
        replica.reset(); // building asked the replica for its dialect
        fx.blocking(Tag.class).bulkCreate(List.of(new Tag("java"), new Tag("kotlin")));
        Manager<Tag> tags = db.manager(Tag.class);

        assertThat(fx.count(tags.filter("name__startswith", "k").using("replica"))).isEqualTo(1L);
        assertThat(replica.connections()).isPositive();

        replica.reset();
        assertThat(fx.list(tags.all())).hasSize(2);
        assertThat(replica.connections()).as("without using(), the default database").isZero();
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void anUnknownAliasFailsAtOnceNamingTheConfiguredDatabases(Fixture fx) {
        Database db = new Replica(fx).register(fx.builder()).build();
        assertThatThrownBy(() -> db.manager(Tag.class).using("replcia"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The database 'replcia' doesn't exist. Configured databases: [default, replica].");
        assertThat(db.manager(Tag.class).using("default").count()).isZero();
    }

    @DatabaseMatrix
    void theReplicaRouterSendsReadsOutsideTransactionsToTheReplica(Fixture fx) {
        Replica replica = new Replica(fx);
        Database db = replica.register(fx.builder()).router(DatabaseRouter.readsOutsideTransactionsTo("replica")).build();
        replica.reset(); // building asked the replica for its dialect
        Manager<Tag> tags = db.manager(Tag.class);

        fx.call(() -> tags.create(new Tag("java")), () -> tags.acreate(new Tag("java")));
        assertThat(replica.connections()).as("a write stays on the default database").isZero();

        assertThat(fx.list(tags.all())).hasSize(1);
        assertThat(replica.connections()).as("a read outside a transaction goes to the replica").isPositive();

        replica.reset();
        Long inTransaction = fx.call(() -> db.atomic(() -> tags.count()), () -> db.aatomic(tags.acount()));
        assertThat(inTransaction).isEqualTo(1L);
        assertThat(replica.connections()).as("a read inside a transaction stays with the transaction").isZero();

        assertThat(fx.list(tags.selectForUpdate())).hasSize(1);
        assertThat(fx.call(() -> db.atomic(() -> tags.selectForUpdate().list()),
                () -> db.aatomic(tags.selectForUpdate().alist()))).hasSize(1);
        assertThat(replica.connections()).as("selectForUpdate() is a write").isZero();
    }

    @DatabaseMatrix
    void aRouterNamingAnUnknownDatabaseFailsNamingTheRouter(Fixture fx) {
        DatabaseRouter router = new DatabaseRouter() {
            @Override
            public @Nullable String dbForWrite(Class<?> model) {
                return "archive";
            }

            @Override
            public String toString() {
                return "ArchiveRouter";
            }
        };
        Database db = fx.builder().router(router).build();
        assertThatThrownBy(() -> fx.call(() -> db.manager(Tag.class).update(Map.of("name", "x")),
                () -> db.manager(Tag.class).aupdate(Map.of("name", "x"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("ArchiveRouter routed Tag to the database 'archive', which doesn't exist. "
                        + "Configured databases: [default].");
    }

    /** The test database again, behind counting wrappers. */
    private static final class Replica {
        private final CountingDataSource dataSource;
        private final CountingConnectionFactory connectionFactory;
        private final ExecutionMode mode;

        Replica(Fixture fx) {
            this.dataSource = new CountingDataSource(fx.dataSource());
            this.connectionFactory = new CountingConnectionFactory(fx.connectionFactory());
            this.mode = fx.mode();
        }

        Database.Builder register(Database.Builder builder) {
            // Like the default database of the mode under test: BRIDGED has no ConnectionFactory, NATIVE no DataSource.
            return builder.database("replica", mode == ExecutionMode.NATIVE ? null : dataSource,
                    mode == ExecutionMode.BRIDGED ? null : connectionFactory);
        }

        int connections() {
            return dataSource.connections() + connectionFactory.connections();
        }

        void reset() {
            dataSource.reset();
            connectionFactory.reset();
        }
    }
}
