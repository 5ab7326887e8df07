package io.queryset.internal.sql;

/**
 * Inserts on MySQL: as on MariaDB, but MySQL has no {@code INSERT ... RETURNING}, so the generated keys come from the
 * driver's generated-keys API, which reports them for a single-row insert ({@code create}, {@code save}). As in
 * Django, a multi-row {@code bulkCreate} on MySQL leaves the keys of the new objects unset.
 */
public final class MySqlWriteStatements extends MariaDbWriteStatements {

    public MySqlWriteStatements(Dialect dialect) {
        super(dialect);
    }

    @Override
    public boolean returnsKeysAsRows() {
        return false;
    }

    /**
     * As in Django on MySQL, only a plain insert reports its key: the key of a row updated by ON DUPLICATE KEY UPDATE
     * is not what LAST_INSERT_ID() gives.
     */
    @Override
    public boolean returnsKeys(Conflict conflict) {
        return conflict == Conflict.RAISE;
    }

    /** The drivers derive the keys after the first from the auto-increment step, which concurrent inserts may break. */
    @Override
    public boolean reportsKeysOfMultiRowInserts() {
        return false;
    }
}
