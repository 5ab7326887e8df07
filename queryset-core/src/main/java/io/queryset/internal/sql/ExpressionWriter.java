package io.queryset.internal.sql;

import io.queryset.internal.query.SqlExpr;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Writes resolved expressions as SQL for one dialect. */
public final class ExpressionWriter {

    private final Dialect dialect;
    private final @Nullable Map<SqlExpr, String> columnsOfSubquery;
    private final @Nullable String baseQualifier;
    private final @Nullable SubqueryScope scope;

    ExpressionWriter(Dialect dialect) {
        this(dialect, null, null);
    }

    private ExpressionWriter(Dialect dialect, @Nullable Map<SqlExpr, String> columnsOfSubquery, @Nullable String baseQualifier) {
        this(dialect, columnsOfSubquery, baseQualifier, null);
    }

    private ExpressionWriter(Dialect dialect, @Nullable Map<SqlExpr, String> columnsOfSubquery, @Nullable String baseQualifier,
                             @Nullable SubqueryScope scope) {
        this.dialect = dialect;
        this.columnsOfSubquery = columnsOfSubquery;
        this.baseQualifier = baseQualifier;
        this.scope = scope;
    }

    /** A writer that qualifies base-table columns with {@code qualifier} (needed once a query has joins). */
    ExpressionWriter qualified(String qualifier) {
        return new ExpressionWriter(dialect, columnsOfSubquery, qualifier, scope);
    }

    /** A writer for the body of a sub-select in {@code subquery}: its own aliases, outer references through the outer writer. */
    ExpressionWriter scoped(SubqueryScope subquery) {
        return new ExpressionWriter(dialect, null, subquery.baseAlias(), subquery);
    }

    /**
     * A writer for expressions over a sub-select's result: each expression the sub-select selects is
     * written as its column name there, and a model column it does not select is an error.
     */
    ExpressionWriter(Dialect dialect, @Nullable Map<SqlExpr, String> columnsOfSubquery) {
        this(dialect, columnsOfSubquery, null);
    }

    /** The SQL of {@code e}. */
    public SqlWriter write(SqlExpr e) {
        SqlWriter out = new SqlWriter();
        write(e, out);
        return out;
    }

    private void write(SqlExpr e, SqlWriter out) {
        if (columnsOfSubquery != null && !(e instanceof SqlExpr.AggregateCall) && !(e instanceof SqlExpr.Param)) {
            String name = columnsOfSubquery.get(e);
            if (name != null) {
                out.append("subquery." + dialect.quote(name));
                return;
            }
            if (e instanceof SqlExpr.Column c) {
                throw new IllegalArgumentException("Cannot aggregate over '" + c.field().name()
                        + "': the sliced, distinct or grouped query does not select it.");
            }
        }
        if (e instanceof SqlExpr.Column c) {
            if (c.alias() != null) {
                out.append((scope == null ? c.alias() : scope.relabel(c.alias())) + ".");
            } else if (baseQualifier != null) {
                out.append(baseQualifier + ".");
            }
            out.append(dialect.quote(c.field().column()));
        } else if (e instanceof SqlExpr.Param p) {
            out.param(p.value(), p.output());
        } else if (e instanceof SqlExpr.AnnotationRef a) {
            write(a.expression(), out);
        } else if (e instanceof SqlExpr.Arithmetic a) {
            out.append("(");
            write(a.left(), out);
            out.append(" " + dialect.arithmetic(a.operator(), a.left().output(), a.right().output()) + " ");
            write(a.right(), out);
            out.append(")");
        } else if (e instanceof SqlExpr.Transformed t) {
            dialect.transform(t.transform(), out, write(t.source()));
        } else if (e instanceof SqlExpr.AggregateCall a) {
            aggregate(a, out);
        } else {
            SubqueryExpressions.write(e, out, this, dialect, scope);
        }
    }

    /** Writes a nested expression (for {@link SubqueryExpressions}). */
    void writeNested(SqlExpr e, SqlWriter out) {
        write(e, out);
    }

    /** This writer, qualifying base columns with {@code qualifier} when it does not qualify them already. */
    ExpressionWriter qualifiedIfBare(String qualifier) {
        return baseQualifier != null ? this : qualified(qualifier);
    }

    private void aggregate(SqlExpr.AggregateCall a, SqlWriter out) {
        if (a.defaultValue() != null) {
            out.append("COALESCE(");
        }
        out.append(a.function()).append("(");
        if (a.distinct()) {
            out.append("DISTINCT ");
        }
        boolean inlineFilter = a.filter() != null && !dialect.supportsAggregateFilter();
        SqlWriter argument = new SqlWriter();
        if (inlineFilter) {
            argument.append("CASE WHEN ").append(condition(a)).append(" THEN ");
        }
        if (a.argument() == null) {
            argument.append(inlineFilter ? "1" : "*");
        } else {
            write(a.argument(), argument);
        }
        if (inlineFilter) {
            argument.append(" ELSE NULL END");
        }
        if (a.argument() == null) {
            out.append(argument);
        } else {
            dialect.aggregateArgument(a.function(), a.argument().output(), argument, out);
        }
        out.append(")");
        if (a.filter() != null && !inlineFilter) {
            out.append(" FILTER (WHERE ").append(condition(a)).append(")");
        }
        if (a.defaultValue() != null) {
            out.append(", ").param(a.defaultValue(), a.output()).append(")");
        }
    }

    private SqlWriter condition(SqlExpr.AggregateCall a) {
        SqlWriter cond = new SqlWriter();
        ConditionWriter.Outcome outcome = new ConditionWriter(dialect, this, null).write(a.filter(), cond, false);
        return switch (outcome) {
            case SQL -> cond;
            case EVERYTHING -> new SqlWriter().append("1 = 1");
            case NOTHING -> new SqlWriter().append("1 = 0");
        };
    }
}
