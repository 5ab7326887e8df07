package io.queryset.internal.sql;

import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.mapping.ModelInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * H2 has no {@code ON CONFLICT}: conflicts are handled with the standard
 * {@code MERGE INTO ... USING (VALUES ...) ON ...} instead. Keys are not reported for merged rows.
 */
public final class H2WriteStatements extends WriteStatements {

    public H2WriteStatements(Dialect dialect) {
        super(dialect);
    }

    @Override
    public CompiledSql insert(ModelInfo<?> model, List<FieldInfo> columns, List<Object[]> rows, Conflict conflict,
                              List<FieldInfo> uniqueFields, List<FieldInfo> updateFields) {
        if (conflict == Conflict.RAISE || columns.isEmpty()) {
            return super.insert(model, columns, rows, conflict, uniqueFields, updateFields);
        }
        // Only inserted columns can conflict: a key the database generates (rows saved without one) never matches.
        List<FieldInfo> targets = new ArrayList<>();
        (uniqueFields.isEmpty() ? columns : uniqueFields).stream()
                .filter(f -> columns.contains(f) && (!uniqueFields.isEmpty() || f.unique() || f.primaryKey()))
                .forEach(targets::add);
        if (targets.isEmpty() && !uniqueFields.isEmpty()) {
            return super.insert(model, columns, rows, Conflict.RAISE, List.of(), List.of());
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("ignoreConflicts on H2 needs a unique field of " + model.name() + " among the inserted columns");
        }
        SqlWriter out = new SqlWriter().append("MERGE INTO ").append(dialect.quote(model.table())).append(" t USING (VALUES ");
        appendRows(out, columns, rows, true);
        out.append(") s (").append(columnList(columns)).append(") ON (");
        for (int i = 0; i < targets.size(); i++) {
            String c = dialect.quote(targets.get(i).column());
            out.append(i > 0 ? " OR " : "").append("t." + c + " = s." + c);
        }
        out.append(")");
        if (conflict == Conflict.UPDATE) {
            out.append(" WHEN MATCHED THEN UPDATE SET ");
            for (int i = 0; i < updateFields.size(); i++) {
                String c = dialect.quote(updateFields.get(i).column());
                out.append(i > 0 ? ", " : "").append(c + " = s." + c);
            }
        }
        out.append(" WHEN NOT MATCHED THEN INSERT (").append(columnList(columns)).append(") VALUES (");
        for (int i = 0; i < columns.size(); i++) {
            out.append(i > 0 ? ", " : "").append("s." + dialect.quote(columns.get(i).column()));
        }
        return out.append(")").toSql();
    }

    @Override
    public boolean returnsKeys(Conflict conflict) {
        return conflict == Conflict.RAISE;
    }
}
