package io.queryset.internal.sql;

import io.queryset.internal.mapping.ColumnKind;
import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.query.Lookup;
import io.queryset.internal.query.Transform;

/** H2 2.x, the embedded default. */
public class H2Dialect extends Dialect {

    public H2Dialect() {
        operators.put(Lookup.REGEX, "REGEXP_LIKE(%s, %s, 'c')");
        operators.put(Lookup.IREGEX, "REGEXP_LIKE(%s, %s, 'i')");
        extractParts.put(Transform.ISO_YEAR, "ISO_WEEK_YEAR");
        extractParts.put(Transform.WEEK, "ISO_WEEK");
        extractParts.put(Transform.ISO_WEEK_DAY, "ISO_DAY_OF_WEEK");
    }

    @Override
    public String name() {
        return "H2";
    }

    @Override
    protected SqlWriter extract(Transform transform, SqlWriter inner) {
        if (transform == Transform.WEEK_DAY) {
            // DAY_OF_WEEK follows the JVM locale in H2; derive Django's Sunday = 1 from the ISO day instead.
            return new SqlWriter().append("MOD(").append(extractPart("ISO_DAY_OF_WEEK", inner)).append(", 7) + 1");
        }
        return super.extract(transform, inner);
    }

    @Override
    public void transform(Transform transform, SqlWriter out, SqlWriter inner) {
        if (transform == Transform.TIME) {
            // H2's TIME without a precision is whole seconds: keep the microseconds, as the column does.
            out.append("CAST(").append(inner).append(" AS TIME(6))");
            return;
        }
        super.transform(transform, out, inner);
    }

    @Override
    public String columnType(FieldInfo field) {
        // H2's TIME defaults to whole seconds (TIMESTAMP defaults to microseconds); keep microseconds like PostgreSQL.
        return field.kind() == ColumnKind.TIME ? "TIME(6)" : super.columnType(field);
    }

    @Override
    public String random() {
        return "RAND()";
    }

    @Override
    protected String textType() {
        return "CHARACTER VARYING";
    }

    @Override
    protected String binaryType() {
        return "BINARY VARYING";
    }
}
