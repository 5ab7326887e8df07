package io.queryset.internal.sql;

import io.queryset.internal.mapping.ColumnKind;
import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.query.Lookup;
import io.queryset.internal.query.QuerySpec;
import java.time.Duration;

/**
 * MySQL 8.0 (8.0.31 and later for {@code intersection}/{@code difference}): the MariaDB dialect with what MySQL does
 * differently, following Django's MySQL backend. Unlike MariaDB it has {@code REGEXP_LIKE} (MySQL 8 refuses
 * {@code REGEXP BINARY} on utf8mb4 text) and {@code FOR UPDATE OF}, but no {@code INSERT ... RETURNING}
 * ({@link MySqlWriteStatements}), no self-referencing sub-select in an UPDATE or DELETE, and no UNIQUE on a TEXT column.
 */
public class MySqlDialect extends MariaDbDialect {

    public MySqlDialect() {
        operators.put(Lookup.REGEX, "REGEXP_LIKE(%s, %s, 'c')");
        operators.put(Lookup.IREGEX, "REGEXP_LIKE(%s, %s, 'i')");
    }

    @Override
    public String name() {
        return "MySQL";
    }

    @Override
    public boolean supportsSelectForUpdateOf() {
        return true;
    }

    /**
     * Every {@code in} sub-select is read through a derived table: MySQL refuses {@code LIMIT} there, and refuses a
     * sub-select of the table an UPDATE or DELETE changes (error 1093) unless it is materialized this way (Django's
     * {@code update_can_self_select = False}).
     */
    @Override
    public boolean inSubqueryNeedsDerivedTable(QuerySpec inner) {
        return true;
    }

    /**
     * MySQL has no {@code SET STATEMENT ... FOR} (its {@code MAX_EXECUTION_TIME} hint covers SELECTs only): a native
     * statement's timeout cancels the subscription, and the statement ends on the server in its own time.
     */
    @Override
    public String withStatementTimeout(String sql, Duration timeout) {
        return sql;
    }

    /** MySQL has no UNIQUE on a TEXT column either (MariaDB enforces it through a hidden hash). */
    @Override
    public void checkIndexable(String model, FieldInfo field) {
        if (field.unique() && field.kind() == ColumnKind.STRING && field.text()) {
            throw NotSupported.by(this, "unique on the text column " + model + "." + field.name(),
                    "use a VARCHAR (text = false, maxLength) instead.");
        }
        super.checkIndexable(model, field);
    }
}
