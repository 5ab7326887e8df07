package io.queryset.internal.sql;

import io.queryset.expr.CombinedExpression;
import io.queryset.internal.mapping.ColumnKind;
import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.mapping.ResultColumn;
import io.queryset.internal.query.Lookup;
import io.queryset.internal.query.QuerySpec;
import io.queryset.internal.query.SqlExpr;
import io.queryset.internal.query.Transform;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What differs between databases, and nothing else: quoting, lookup operators, transforms, column
 * types and a few clauses. The shared SQL shape lives in {@link SqlCompiler}; a dialect overrides only
 * the entries that differ (like Django's {@code as_<vendor>} methods and per-backend operator tables).
 */
public abstract class Dialect {

    /** Lookup templates; each {@code %s} is replaced by the left side, then the right side. */
    protected final Map<Lookup, String> operators = new EnumMap<>(Lookup.class);

    /** The {@code EXTRACT(part FROM x)} part of each integer transform; a dialect adds or replaces entries. */
    protected final Map<Transform, String> extractParts = new EnumMap<>(Transform.class);

    protected Dialect() {
        extractParts.put(Transform.YEAR, "YEAR");
        extractParts.put(Transform.MONTH, "MONTH");
        extractParts.put(Transform.DAY, "DAY");
        extractParts.put(Transform.QUARTER, "QUARTER");
        extractParts.put(Transform.HOUR, "HOUR");
        extractParts.put(Transform.MINUTE, "MINUTE");
        operators.put(Lookup.EXACT, "%s = %s");
        operators.put(Lookup.IEXACT, "UPPER(%s) = UPPER(%s)");
        operators.put(Lookup.CONTAINS, "%s LIKE %s ESCAPE '\\'");
        operators.put(Lookup.ICONTAINS, "UPPER(%s) LIKE UPPER(%s) ESCAPE '\\'");
        operators.put(Lookup.STARTSWITH, "%s LIKE %s ESCAPE '\\'");
        operators.put(Lookup.ISTARTSWITH, "UPPER(%s) LIKE UPPER(%s) ESCAPE '\\'");
        operators.put(Lookup.ENDSWITH, "%s LIKE %s ESCAPE '\\'");
        operators.put(Lookup.IENDSWITH, "UPPER(%s) LIKE UPPER(%s) ESCAPE '\\'");
        operators.put(Lookup.GT, "%s > %s");
        operators.put(Lookup.GTE, "%s >= %s");
        operators.put(Lookup.LT, "%s < %s");
        operators.put(Lookup.LTE, "%s <= %s");
    }

    /** The database's name as messages show it. */
    public abstract String name();

    /** The identifier quoted; rejects characters that could never be a model-derived name. */
    public String quote(String identifier) {
        if (identifier.indexOf('"') >= 0 || identifier.indexOf('?') >= 0 || identifier.indexOf('`') >= 0) {
            throw new IllegalArgumentException("Invalid identifier: " + identifier);
        }
        return '"' + identifier + '"';
    }

    /** Rewrites {@code ?} markers to the R2DBC driver's markers; {@code $1, $2, ...} by default. */
    public String nativeMarkers(String sql) {
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int n = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c == '?') {
                out.append('$').append(++n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The right side of a template-based lookup as this database needs it; by default as resolved. A dialect that
     * compares with {@code LIKE} where others use {@code =} escapes a bound value here.
     */
    public SqlExpr lookupValue(Lookup lookup, SqlExpr rhs) {
        return rhs;
    }

    /** Writes {@code lhs <lookup> rhs} for the template-based lookups. */
    public void lookup(Lookup lookup, SqlWriter out, SqlWriter lhs, SqlWriter rhs) {
        String template = operators.get(lookup);
        if (template == null) {
            throw new IllegalStateException("No SQL for lookup " + lookup + " on " + name());
        }
        int first = template.indexOf("%s");
        int second = template.indexOf("%s", first + 2);
        out.append(template.substring(0, first)).append(lhs)
                .append(template.substring(first + 2, second)).append(rhs)
                .append(template.substring(second + 2));
    }

    /** The left side of a text lookup on a non-text column, cast to text. */
    public void castToText(SqlWriter out, SqlWriter inner) {
        out.append("CAST(").append(inner).append(" AS VARCHAR)");
    }

    /** Writes a transform applied to {@code inner}. */
    public void transform(Transform transform, SqlWriter out, SqlWriter inner) {
        switch (transform) {
            case DATE -> out.append("CAST(").append(inner).append(" AS DATE)");
            case TIME -> out.append("CAST(").append(inner).append(" AS TIME)");
            default -> out.append("CAST(").append(extract(transform, inner)).append(" AS INTEGER)");
        }
    }

    /** The EXTRACT expression of an integer transform; seconds are floored (PostgreSQL returns fractions). */
    protected SqlWriter extract(Transform transform, SqlWriter inner) {
        if (transform == Transform.SECOND) {
            return new SqlWriter().append("FLOOR(").append(extractPart("SECOND", inner)).append(")");
        }
        String part = extractParts.get(transform);
        if (part == null) {
            throw new IllegalArgumentException("No SQL for transform " + transform + " on " + name());
        }
        return extractPart(part, inner);
    }

    /** {@code EXTRACT(part FROM inner)}. */
    protected static SqlWriter extractPart(String part, SqlWriter inner) {
        return new SqlWriter().append("EXTRACT(" + part + " FROM ").append(inner).append(")");
    }

    /**
     * Writes the argument of the aggregate {@code function} (e.g. {@code AVG}) over values of {@code type}; by default as
     * it is. A database whose aggregate would lose precision on that type casts it here.
     */
    public void aggregateArgument(String function, ResultColumn type, SqlWriter argument, SqlWriter out) {
        out.append(argument);
    }

    /**
     * {@code sql} made to stop on the server after {@code timeout}, for the native (R2DBC) side, whose own timeout only
     * cancels the subscription; by default unchanged (the runner's cancellation is all there is).
     */
    public String withStatementTimeout(String sql, Duration timeout) {
        return sql;
    }

    /** The operator of {@code left <operator> right}; by default its SQL symbol. */
    public String arithmetic(CombinedExpression.Operator operator, ResultColumn left, ResultColumn right) {
        return operator.sql();
    }

    /** Appends {@code LIMIT ? OFFSET ?} for a slice; either part may be absent. */
    public void limitOffset(SqlWriter out, @Nullable Integer limit, int offset) {
        if (limit != null) {
            out.append(" LIMIT ").param(new BindValue(limit.longValue(), Long.class));
        }
        if (offset > 0) {
            out.append(" OFFSET ").param(new BindValue((long) offset, Long.class));
        }
    }

    /**
     * Whether the sub-select of an {@code in} lookup must be read through a derived table
     * ({@code IN (SELECT * FROM (...) subquery)}), for a database that refuses it as written.
     */
    public boolean inSubqueryNeedsDerivedTable(QuerySpec inner) {
        return false;
    }

    /** The statement prefix that makes a SELECT report its plan as text. */
    public String explainPrefix() {
        return "EXPLAIN ";
    }

    /** The random-order function. */
    public String random() {
        return "RANDOM()";
    }

    /** Whether {@code DISTINCT ON (fields)} exists. */
    public boolean supportsDistinctOn() {
        return false;
    }

    /** Whether {@code SELECT ... FOR UPDATE OF tables} exists. */
    public boolean supportsSelectForUpdateOf() {
        return true;
    }

    /** Whether {@code FOR UPDATE NOWAIT} exists. */
    public boolean supportsSelectForUpdateNowait() {
        return true;
    }

    /** Whether {@code FOR UPDATE SKIP LOCKED} exists. */
    public boolean supportsSelectForUpdateSkipLocked() {
        return true;
    }

    /**
     * Whether a locking query with joins must name the base table ({@code FOR UPDATE OF base}) because the
     * database refuses to lock the nullable side of an outer join.
     */
    public boolean locksOnlyTheBaseTableOfOuterJoins() {
        return true;
    }

    /** Whether aggregates take {@code FILTER (WHERE ...)}. */
    public boolean supportsAggregateFilter() {
        return true;
    }

    /** The column type in DDL. */
    public String columnType(FieldInfo field) {
        return switch (field.kind()) {
            case LONG -> "BIGINT";
            case INT -> "INTEGER";
            case SHORT -> "SMALLINT";
            case BOOLEAN -> "BOOLEAN";
            case DOUBLE -> "DOUBLE PRECISION";
            case FLOAT -> "REAL";
            case DECIMAL -> "NUMERIC(" + field.precision() + ", " + field.scale() + ")";
            case STRING -> field.text() ? textType() : "VARCHAR(" + field.maxLength() + ")";
            case ENUM -> "VARCHAR(" + field.maxLength() + ")";
            case DATE -> "DATE";
            case DATETIME -> "TIMESTAMP";
            case TIME -> "TIME";
            case INSTANT, OFFSET_DATETIME -> "TIMESTAMP WITH TIME ZONE";
            case UUID -> "UUID";
            case BYTES -> binaryType();
        };
    }

    /** The unbounded text type. */
    protected abstract String textType();

    /** The binary type. */
    protected abstract String binaryType();

    /** The definition of a generated primary key column. */
    public String identityColumn(FieldInfo pk) {
        return identityColumn(pk.kind());
    }

    /** The definition of a generated primary key column of {@code kind} ({@code INT} or {@code LONG}). */
    public String identityColumn(ColumnKind kind) {
        return (kind == ColumnKind.INT ? "INTEGER" : "BIGINT") + " GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    }

    /** What follows the closing parenthesis of {@code CREATE TABLE} (storage engine, character set); none by default. */
    public String tableOptions() {
        return "";
    }

    /**
     * Whether a foreign key is declared on its column ({@code col type REFERENCES t (pk)}); otherwise as a
     * table constraint ({@code FOREIGN KEY (col) REFERENCES t (pk)}), for databases that ignore the column form.
     */
    public boolean declaresForeignKeysOnColumns() {
        return true;
    }

    /**
     * Whether indexes are declared inside {@code CREATE TABLE} ({@code INDEX name (col)}) rather than by
     * {@code CREATE INDEX IF NOT EXISTS}, for databases without the latter.
     */
    public boolean declaresIndexesInTable() {
        return false;
    }

    /** The longest identifier the database accepts; longer generated names (indexes) are shortened. */
    public int maxIdentifierLength() {
        return Integer.MAX_VALUE;
    }

    /**
     * Rejects, before any DDL runs, a unique constraint or an index the database cannot build on {@code field}
     * of {@code model}; accepts everything by default.
     */
    public void checkIndexable(String model, FieldInfo field) {
    }

    /**
     * A bound value as this database's driver takes it; by default as is. A database without a type for a Java
     * value (a UUID, an offset date-time) gets it converted here, on the blocking and the async side alike.
     */
    public BindValue toDriver(BindValue value) {
        return value;
    }

    /** The class to ask the driver for when a column is read as {@code type}; by default {@code type} itself. */
    public Class<?> driverReadType(Class<?> type) {
        return type;
    }

    /** The largest number of bound parameters one statement may carry. */
    public int maxParameters() {
        return 32767;
    }
}
