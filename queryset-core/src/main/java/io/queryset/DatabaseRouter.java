package io.queryset;

import org.jspecify.annotations.Nullable;

/**
 * Chooses the named database a query runs on when the QuerySet does not say ({@link QuerySet#using}), like
 * Django's database routers. Routers are asked in the order given to {@link Database.Builder#router}; the first
 * alias returned wins, and when every router returns null the query runs on the default database.
 *
 * <p>Reads are {@code list}, {@code get}, {@code count}, {@code exists}, {@code aggregate}, iteration and the
 * other methods that only select; everything that writes, and a read with {@code selectForUpdate()}, is a write.
 *
 * <pre>{@code
 * Database db = Database.builder()
 *         .dataSource(primary)
 *         .database("replica", replicaDataSource, replicaConnectionFactory)
 *         .router(DatabaseRouter.readsOutsideTransactionsTo("replica"))
 *         .build();
 * }</pre>
 */
public interface DatabaseRouter {

    /**
     * The database reads of {@code model} go to, or null for no opinion.
     *
     * @param inTransaction whether the caller is inside a transaction (blocking: on this thread; async: in the
     *                      subscriber's reactive transaction): a read there usually has to see the transaction's own
     *                      writes, so it stays on the default database
     */
    default @Nullable String dbForRead(Class<?> model, boolean inTransaction) {
        return null;
    }

    /** The database writes of {@code model} go to, or null for no opinion. */
    default @Nullable String dbForWrite(Class<?> model) {
        return null;
    }

    /**
     * Sends every read outside a transaction to {@code alias} (a read replica) and leaves writes, and reads inside
     * a transaction, on the default database.
     */
    static DatabaseRouter readsOutsideTransactionsTo(String alias) {
        return new DatabaseRouter() {
            @Override
            public @Nullable String dbForRead(Class<?> model, boolean inTransaction) {
                return inTransaction ? null : alias;
            }

            @Override
            public String toString() {
                return "DatabaseRouter.readsOutsideTransactionsTo(\"" + alias + "\")";
            }
        };
    }
}
