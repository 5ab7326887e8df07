package io.queryset.internal.sql;

import io.queryset.expr.CombinedExpression;
import io.queryset.internal.mapping.ColumnKind;
import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.mapping.ResultColumn;
import io.queryset.internal.query.Lookup;
import io.queryset.internal.query.QuerySpec;
import io.queryset.internal.query.SqlExpr;
import io.queryset.internal.query.Transform;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * MariaDB (10.6 and later), and the base of {@link MySqlDialect}. The lookups follow Django's MySQL backend: text
 * comparisons use the column's collation, so {@code exact} is as case-sensitive as the collation (case-insensitive
 * under the default {@code utf8mb4_general_ci}), {@code iexact} and the {@code i}-lookups are {@code LIKE}, and the
 * case-sensitive pattern lookups are {@code LIKE BINARY} / {@code REGEXP BINARY}.
 *
 * <p>Types: there is no time-zone-aware timestamp, so {@code Instant}s and {@code OffsetDateTime}s are stored as their
 * UTC date-time in {@code DATETIME(6)} (as Django does with {@code USE_TZ}), and UUIDs as their 36-character text.
 * Tables are InnoDB in {@code utf8mb4}.
 */
public class MariaDbDialect extends Dialect {

    /** MySQL's and MariaDB's "no limit" for an OFFSET without LIMIT (Django's {@code no_limit_value}). */
    private static final String NO_LIMIT = "18446744073709551615";

    public MariaDbDialect() {
        // The default LIKE escape character is the backslash, which Lookup.pattern uses; an ESCAPE '\' clause would
        // itself need escaping inside a MariaDB string literal.
        operators.put(Lookup.IEXACT, "%s LIKE %s");
        operators.put(Lookup.CONTAINS, "%s LIKE BINARY %s");
        operators.put(Lookup.ICONTAINS, "%s LIKE %s");
        operators.put(Lookup.STARTSWITH, "%s LIKE BINARY %s");
        operators.put(Lookup.ISTARTSWITH, "%s LIKE %s");
        operators.put(Lookup.ENDSWITH, "%s LIKE BINARY %s");
        operators.put(Lookup.IENDSWITH, "%s LIKE %s");
        operators.put(Lookup.REGEX, "%s REGEXP BINARY %s");
        operators.put(Lookup.IREGEX, "%s REGEXP %s");
    }

    @Override
    public String name() {
        return "MariaDB";
    }

    @Override
    public String quote(String identifier) {
        if (identifier.indexOf('`') >= 0 || identifier.indexOf('"') >= 0 || identifier.indexOf('?') >= 0) {
            throw new IllegalArgumentException("Invalid identifier: " + identifier);
        }
        return '`' + identifier + '`';
    }

    /** The R2DBC driver takes the JDBC {@code ?} markers as they are. */
    @Override
    public String nativeMarkers(String sql) {
        return sql;
    }

    /**
     * {@code iexact} is a {@code LIKE} (so trailing spaces count, which {@code =} ignores under PAD SPACE collations):
     * a bound value has its {@code %}, {@code _} and {@code \} escaped, as Django's {@code prep_for_iexact_query}.
     */
    @Override
    public SqlExpr lookupValue(Lookup lookup, SqlExpr rhs) {
        if (lookup == Lookup.IEXACT && rhs instanceof SqlExpr.Param p && p.value() instanceof String text) {
            return new SqlExpr.Param(Lookup.escapeLike(text), p.output());
        }
        return rhs;
    }

    @Override
    public void castToText(SqlWriter out, SqlWriter inner) {
        out.append("CAST(").append(inner).append(" AS CHAR)");
    }

    @Override
    public void transform(Transform transform, SqlWriter out, SqlWriter inner) {
        switch (transform) {
            // DATE() and TIME() keep the microseconds a CAST to TIME would drop.
            case DATE -> out.append("DATE(").append(inner).append(")");
            case TIME -> out.append("TIME(").append(inner).append(")");
            default -> out.append(extract(transform, inner));
        }
    }

    /** Django's {@code date_extract_sql} for MySQL: every part is an integer already. */
    @Override
    protected SqlWriter extract(Transform transform, SqlWriter inner) {
        return switch (transform) {
            // Sunday = 1 ... Saturday = 7, as Django's week_day.
            case WEEK_DAY -> new SqlWriter().append("DAYOFWEEK(").append(inner).append(")");
            // WEEKDAY counts from Monday = 0.
            case ISO_WEEK_DAY -> new SqlWriter().append("(WEEKDAY(").append(inner).append(") + 1)");
            // Mode 3: weeks start on Monday, week 1 has four or more days of the year (ISO-8601).
            case WEEK -> new SqlWriter().append("WEEK(").append(inner).append(", 3)");
            case ISO_YEAR -> new SqlWriter().append("(YEARWEEK(").append(inner).append(", 3) DIV 100)");
            case SECOND -> extractPart("SECOND", inner);
            default -> super.extract(transform, inner);
        };
    }

    /**
     * Integer division truncates, as on PostgreSQL and H2 (MariaDB's {@code /} would give a decimal, which an UPDATE
     * then rounds into the integer column).
     */
    @Override
    public String arithmetic(CombinedExpression.Operator operator, ResultColumn left, ResultColumn right) {
        if (operator == CombinedExpression.Operator.DIVIDE && left.kind().isInteger() && right.kind().isInteger()) {
            return "DIV";
        }
        return operator.sql();
    }

    /**
     * Averages of integers and every standard deviation or variance are computed over DOUBLEs: MariaDB otherwise works
     * in decimals with four more digits than the input ({@code div_precision_increment}) and sends the rounded value.
     */
    @Override
    public void aggregateArgument(String function, ResultColumn type, SqlWriter argument, SqlWriter out) {
        boolean statistic = function.startsWith("STDDEV") || function.startsWith("VAR");
        boolean inexactAverage = "AVG".equals(function) && type.kind().isNumeric() && type.kind() != ColumnKind.DECIMAL;
        if (statistic || inexactAverage) {
            out.append("CAST(").append(argument).append(" AS DOUBLE)");
        } else {
            out.append(argument);
        }
    }

    /** {@code SET STATEMENT max_statement_time = seconds FOR sql}: the server stops the statement, a write included. */
    @Override
    public String withStatementTimeout(String sql, Duration timeout) {
        BigDecimal seconds = BigDecimal.valueOf(Math.max(1, timeout.toMillis()), 3).stripTrailingZeros();
        return "SET STATEMENT max_statement_time=" + seconds.toPlainString() + " FOR " + sql;
    }

    /** There is no OFFSET without LIMIT: the largest row count stands for "no limit". */
    @Override
    public void limitOffset(SqlWriter out, @Nullable Integer limit, int offset) {
        if (limit == null && offset > 0) {
            out.append(" LIMIT " + NO_LIMIT);
            out.append(" OFFSET ").param(new BindValue((long) offset, Long.class));
            return;
        }
        super.limitOffset(out, limit, offset);
    }

    /** MariaDB refuses {@code LIMIT} in an {@code IN} sub-select ("doesn't yet support 'LIMIT & IN ... subquery'"). */
    @Override
    public boolean inSubqueryNeedsDerivedTable(QuerySpec inner) {
        return inner.isSliced();
    }

    /** A one-row JSON plan: the tabular EXPLAIN has a dozen columns. */
    @Override
    public String explainPrefix() {
        return "EXPLAIN FORMAT=JSON ";
    }

    @Override
    public String random() {
        return "RAND()";
    }

    @Override
    public boolean supportsSelectForUpdateOf() {
        return false;
    }

    /** InnoDB locks the matching rows of every joined table, the outer side of a LEFT JOIN included. */
    @Override
    public boolean locksOnlyTheBaseTableOfOuterJoins() {
        return false;
    }

    @Override
    public boolean supportsAggregateFilter() {
        return false;
    }

    @Override
    public String columnType(FieldInfo field) {
        return switch (field.kind()) {
            case BOOLEAN -> "BOOL";
            case DOUBLE -> "DOUBLE";
            // REAL is a DOUBLE in MariaDB unless REAL_AS_FLOAT is set.
            case FLOAT -> "FLOAT";
            case DECIMAL -> "DECIMAL(" + field.precision() + ", " + field.scale() + ")";
            case DATETIME, INSTANT, OFFSET_DATETIME -> "DATETIME(6)";
            case TIME -> "TIME(6)";
            case UUID -> "CHAR(36)";
            default -> super.columnType(field);
        };
    }

    @Override
    protected String textType() {
        return "LONGTEXT";
    }

    @Override
    protected String binaryType() {
        return "LONGBLOB";
    }

    @Override
    public String identityColumn(ColumnKind kind) {
        return (kind == ColumnKind.INT ? "INTEGER" : "BIGINT") + " AUTO_INCREMENT PRIMARY KEY";
    }

    @Override
    public String tableOptions() {
        return " ENGINE=InnoDB DEFAULT CHARSET=utf8mb4";
    }

    /** MySQL parses a column's {@code REFERENCES} and ignores it; the table constraint works on both. */
    @Override
    public boolean declaresForeignKeysOnColumns() {
        return false;
    }

    /** MySQL has no {@code CREATE INDEX IF NOT EXISTS}; an index inside {@code CREATE TABLE IF NOT EXISTS} is as safe. */
    @Override
    public boolean declaresIndexesInTable() {
        return true;
    }

    @Override
    public int maxIdentifierLength() {
        return 64;
    }

    /** An index on a TEXT column needs a prefix length, which would index only part of the value. */
    @Override
    public void checkIndexable(String model, FieldInfo field) {
        if (field.dbIndex() && !field.unique() && field.kind() == ColumnKind.STRING && field.text()) {
            throw NotSupported.by(this, "dbIndex on the text column " + model + "." + field.name(),
                    "an index on a TEXT column needs a prefix length; use a VARCHAR (text = false, maxLength) instead.");
        }
    }

    @Override
    public BindValue toDriver(BindValue value) {
        Object v = value.value();
        if (v instanceof OffsetDateTime o) {
            return new BindValue(o.withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime(), LocalDateTime.class);
        }
        if (v instanceof UUID u) {
            return new BindValue(u.toString(), String.class);
        }
        if (v == null && value.type() == OffsetDateTime.class) {
            return new BindValue(null, LocalDateTime.class);
        }
        if (v == null && value.type() == UUID.class) {
            return new BindValue(null, String.class);
        }
        return value;
    }

    @Override
    public Class<?> driverReadType(Class<?> type) {
        if (type == OffsetDateTime.class) {
            return LocalDateTime.class;
        }
        return type == UUID.class ? String.class : type;
    }
}
