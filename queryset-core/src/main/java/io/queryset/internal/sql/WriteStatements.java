package io.queryset.internal.sql;

import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.mapping.ModelInfo;
import io.queryset.internal.mapping.ResultColumn;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * INSERT, upsert and by-key UPDATE/DELETE statements for one dialect. Values arrive as the fields'
 * Java values and are bound, never inlined.
 */
public class WriteStatements {

    protected final Dialect dialect;

    public WriteStatements(Dialect dialect) {
        this.dialect = dialect;
    }

    /** How conflicts with a unique constraint are handled by an INSERT. */
    public enum Conflict { RAISE, IGNORE, UPDATE }

    /**
     * {@code INSERT INTO table (columns) VALUES (...), (...)} with the conflict handling asked for.
     *
     * @param uniqueFields the conflict target (for UPDATE; optional for IGNORE)
     * @param updateFields the fields updated on conflict
     */
    public CompiledSql insert(ModelInfo<?> model, List<FieldInfo> columns, List<Object[]> rows, Conflict conflict,
                              List<FieldInfo> uniqueFields, List<FieldInfo> updateFields) {
        SqlWriter out = new SqlWriter().append("INSERT INTO ").append(dialect.quote(model.table()));
        if (columns.isEmpty()) {
            return out.append(" DEFAULT VALUES").toSql();
        }
        out.append(" (").append(columnList(columns)).append(") VALUES ");
        appendRows(out, columns, rows, false);
        if (conflict == Conflict.IGNORE) {
            out.append(" ON CONFLICT");
            if (!uniqueFields.isEmpty()) {
                out.append(" (").append(columnList(uniqueFields)).append(")");
            }
            out.append(" DO NOTHING");
        } else if (conflict == Conflict.UPDATE) {
            out.append(" ON CONFLICT (").append(columnList(uniqueFields)).append(") DO UPDATE SET ");
            for (int i = 0; i < updateFields.size(); i++) {
                String c = dialect.quote(updateFields.get(i).column());
                out.append(i > 0 ? ", " : "").append(c + " = EXCLUDED." + c);
            }
        }
        return out.toSql();
    }

    /** Whether an insert with this conflict handling can report the generated keys of its rows, in order. */
    public boolean returnsKeys(Conflict conflict) {
        return conflict != Conflict.IGNORE;
    }

    /** {@code UPDATE table SET col = ?, ... WHERE pk = ? [AND version = ?]}. */
    public CompiledSql updateByPk(ModelInfo<?> model, List<FieldInfo> columns, Object[] values, Object pk,
                                  @Nullable Object expectedVersion) {
        SqlWriter out = new SqlWriter().append("UPDATE ").append(dialect.quote(model.table())).append(" SET ");
        for (int i = 0; i < columns.size(); i++) {
            out.append(i > 0 ? ", " : "").append(dialect.quote(columns.get(i).column())).append(" = ")
                    .param(values[i], ResultColumn.of(columns.get(i)));
        }
        out.append(" WHERE ").append(dialect.quote(model.pk().column())).append(" = ").param(pk, ResultColumn.of(model.pk()));
        FieldInfo version = model.version();
        if (version != null && expectedVersion != null) {
            out.append(" AND ").append(dialect.quote(version.column())).append(" = ").param(expectedVersion, ResultColumn.of(version));
        }
        return out.toSql();
    }

    /** {@code DELETE FROM table WHERE pk = ?}. */
    public CompiledSql deleteByPk(ModelInfo<?> model, Object pk) {
        return new SqlWriter().append("DELETE FROM ").append(dialect.quote(model.table())).append(" WHERE ")
                .append(dialect.quote(model.pk().column())).append(" = ").param(pk, ResultColumn.of(model.pk())).toSql();
    }

    /**
     * Django's bulk_update: {@code UPDATE t SET f = CASE WHEN pk = ? THEN CAST(? AS type) ... ELSE f END
     * WHERE pk IN (...)} for one batch.
     */
    public CompiledSql bulkUpdate(ModelInfo<?> model, List<FieldInfo> fields, List<Object> pks, List<Object[]> values) {
        FieldInfo pk = model.pk();
        String pkCol = dialect.quote(pk.column());
        SqlWriter out = new SqlWriter().append("UPDATE ").append(dialect.quote(model.table())).append(" SET ");
        for (int f = 0; f < fields.size(); f++) {
            FieldInfo field = fields.get(f);
            String col = dialect.quote(field.column());
            out.append(f > 0 ? ", " : "").append(col).append(" = CASE");
            for (int r = 0; r < pks.size(); r++) {
                out.append(" WHEN " + pkCol + " = ").param(pks.get(r), ResultColumn.of(pk)).append(" THEN ");
                caseValue(out, values.get(r)[f], field);
            }
            out.append(" ELSE " + col + " END");
        }
        out.append(" WHERE " + pkCol + " IN (");
        for (int r = 0; r < pks.size(); r++) {
            out.append(r > 0 ? ", " : "").param(pks.get(r), ResultColumn.of(pk));
        }
        return out.append(")").toSql();
    }

    /**
     * One THEN value of {@link #bulkUpdate}: cast to the column's type, since PostgreSQL types a CASE of bare
     * parameters as text (Django's {@code requires_casted_case_in_updates}).
     */
    protected void caseValue(SqlWriter out, @Nullable Object value, FieldInfo field) {
        out.append("CAST(").param(value, ResultColumn.of(field)).append(" AS " + dialect.columnType(field) + ")");
    }

    /** Whether the keys of every row of a multi-row INSERT can be reported (else only a single-row insert's). */
    public boolean reportsKeysOfMultiRowInserts() {
        return true;
    }

    /**
     * Whether the statements of {@link #insert} themselves return the generated keys as rows
     * ({@code INSERT ... RETURNING key}), which the runners then read as a result; otherwise the driver's
     * generated-keys API reports them.
     */
    public boolean returnsKeysAsRows() {
        return false;
    }

    /**
     * {@link #insert} for rows whose generated keys are wanted: with {@code RETURNING key} where
     * {@link #returnsKeysAsRows()}, else the plain insert (the driver reports the keys).
     */
    public CompiledSql insertReturningKeys(ModelInfo<?> model, List<FieldInfo> columns, List<Object[]> rows, Conflict conflict,
                                           List<FieldInfo> uniqueFields, List<FieldInfo> updateFields) {
        return insert(model, columns, rows, conflict, uniqueFields, updateFields);
    }

    /**
     * Rejects, before any SQL is sent, conflict handling this database cannot do as asked; PostgreSQL and H2
     * take every combination {@code bulkCreate} accepts.
     *
     * @param columns the columns one INSERT writes (the key among them when the objects carry one)
     */
    public void checkConflictTarget(ModelInfo<?> model, List<FieldInfo> columns, Conflict conflict,
                                    List<FieldInfo> uniqueFields) {
    }

    /** Whether {@code updateConflicts} needs the fields of the conflicting unique constraint named. */
    public boolean updateConflictsNeedUniqueFields() {
        return true;
    }

    protected String columnList(List<FieldInfo> columns) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            b.append(i > 0 ? ", " : "").append(dialect.quote(columns.get(i).column()));
        }
        return b.toString();
    }

    protected void appendRows(SqlWriter out, List<FieldInfo> columns, List<Object[]> rows, boolean typed) {
        for (int r = 0; r < rows.size(); r++) {
            out.append(r > 0 ? ", (" : "(");
            Object[] row = rows.get(r);
            for (int c = 0; c < columns.size(); c++) {
                out.append(c > 0 ? ", " : "");
                if (typed) {
                    out.append("CAST(").param(row[c], ResultColumn.of(columns.get(c)))
                            .append(" AS " + dialect.columnType(columns.get(c)) + ")");
                } else {
                    out.param(row[c], ResultColumn.of(columns.get(c)));
                }
            }
            out.append(")");
        }
    }
}
