package io.queryset.internal.sql;

import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.mapping.ModelInfo;
import io.queryset.internal.mapping.ResultColumn;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Inserts on MariaDB, as Django's MySQL backend writes them: {@code INSERT IGNORE} for {@code ignoreConflicts},
 * {@code ON DUPLICATE KEY UPDATE col = VALUES(col)} for {@code updateConflicts}, and the generated keys of a
 * multi-row insert read from {@code RETURNING} (MariaDB 10.5+), since the drivers' generated-keys API reports only
 * the first one.
 *
 * <p>{@code ON DUPLICATE KEY UPDATE} reacts to a conflict on <em>any</em> unique key and takes no conflict target.
 * Django therefore refuses {@code unique_fields} on MySQL; here they are accepted when they name exactly the unique
 * keys the INSERT can conflict on, so the statement does what the same call does on PostgreSQL, and refused with a
 * clear error otherwise, before anything is sent.
 */
public class MariaDbWriteStatements extends WriteStatements {

    public MariaDbWriteStatements(Dialect dialect) {
        super(dialect);
    }

    @Override
    public CompiledSql insert(ModelInfo<?> model, List<FieldInfo> columns, List<Object[]> rows, Conflict conflict,
                              List<FieldInfo> uniqueFields, List<FieldInfo> updateFields) {
        return insert(model, columns, rows, conflict, updateFields, false);
    }

    @Override
    public CompiledSql insertReturningKeys(ModelInfo<?> model, List<FieldInfo> columns, List<Object[]> rows,
                                           Conflict conflict, List<FieldInfo> uniqueFields, List<FieldInfo> updateFields) {
        return insert(model, columns, rows, conflict, updateFields, true);
    }

    private CompiledSql insert(ModelInfo<?> model, List<FieldInfo> columns, List<Object[]> rows, Conflict conflict,
                               List<FieldInfo> updateFields, boolean returning) {
        SqlWriter out = new SqlWriter().append(conflict == Conflict.IGNORE ? "INSERT IGNORE INTO " : "INSERT INTO ")
                .append(dialect.quote(model.table()));
        if (columns.isEmpty()) {
            // Only a generated key: one "()" per row (there is no DEFAULT VALUES).
            out.append(" () VALUES ");
            for (int r = 0; r < rows.size(); r++) {
                out.append(r > 0 ? ", ()" : "()");
            }
        } else {
            out.append(" (").append(columnList(columns)).append(") VALUES ");
            appendRows(out, columns, rows, false);
        }
        if (conflict == Conflict.UPDATE) {
            out.append(" ON DUPLICATE KEY UPDATE ");
            for (int i = 0; i < updateFields.size(); i++) {
                String c = dialect.quote(updateFields.get(i).column());
                out.append(i > 0 ? ", " : "").append(c + " = VALUES(" + c + ")");
            }
        }
        if (returning) {
            out.append(" RETURNING ").append(dialect.quote(model.pk().column()));
        }
        return out.toSql();
    }

    @Override
    public boolean returnsKeysAsRows() {
        return true;
    }

    @Override
    public boolean updateConflictsNeedUniqueFields() {
        return false;
    }

    /**
     * For {@code updateConflicts} with unique fields: they must be exactly the single-column unique keys among the
     * inserted columns (the primary key included when it is inserted), since any of those would trigger the update.
     */
    @Override
    public void checkConflictTarget(ModelInfo<?> model, List<FieldInfo> columns, Conflict conflict,
                                    List<FieldInfo> uniqueFields) {
        if (uniqueFields.isEmpty() || conflict == Conflict.RAISE) {
            return;
        }
        Set<FieldInfo> triggering = columns.stream().filter(f -> f.primaryKey() || f.unique())
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (!triggering.equals(new LinkedHashSet<>(uniqueFields))) {
            String what = conflict == Conflict.UPDATE ? "bulkCreate(updateConflicts) with uniqueFields "
                    : "bulkCreate(ignoreConflicts) with uniqueFields ";
            throw NotSupported.by(dialect, what + names(uniqueFields) + " on " + model.name(),
                    "its ON DUPLICATE KEY UPDATE and INSERT IGNORE react to a conflict on any unique key, here "
                            + names(triggering) + "; name exactly those, or none.");
        }
    }

    private static String names(java.util.Collection<FieldInfo> fields) {
        return fields.stream().map(FieldInfo::name).collect(Collectors.joining(", ", "[", "]"));
    }

    /** A CASE of bare values needs no cast here (Django casts only on PostgreSQL). */
    @Override
    protected void caseValue(SqlWriter out, @Nullable Object value, FieldInfo field) {
        out.param(value, ResultColumn.of(field));
    }
}
