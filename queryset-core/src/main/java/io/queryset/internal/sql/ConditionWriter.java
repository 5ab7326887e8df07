package io.queryset.internal.sql;

import io.queryset.internal.mapping.ColumnKind;
import io.queryset.internal.query.Lookup;
import io.queryset.internal.query.SqlExpr;
import io.queryset.internal.query.SubqueryValue;
import io.queryset.internal.query.WhereNode;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes a WHERE tree with Django's semantics: an empty {@code in} matches nothing (and is dropped from
 * an OR), and a negated lookup on a nullable column keeps the NULL rows ({@code NOT (x = 1 AND x IS NOT NULL)}).
 */
final class ConditionWriter {

    /** What a node turned out to match. */
    enum Outcome { SQL, EVERYTHING, NOTHING }

    private final Dialect dialect;
    private final ExpressionWriter expressions;
    private final @Nullable SqlCompiler compiler;

    ConditionWriter(Dialect dialect, ExpressionWriter expressions, @Nullable SqlCompiler compiler) {
        this.dialect = dialect;
        this.expressions = expressions;
        this.compiler = compiler;
    }

    Outcome write(WhereNode node, SqlWriter out, boolean negated) {
        if (node instanceof WhereNode.Nothing) {
            return Outcome.NOTHING;
        }
        if (node instanceof WhereNode.Predicate p) {
            predicate(p, out, negated);
            return Outcome.SQL;
        }
        WhereNode.Junction j = (WhereNode.Junction) node;
        boolean childNegated = negated ^ j.negated();
        List<SqlWriter> parts = new ArrayList<>();
        for (WhereNode child : j.children()) {
            SqlWriter w = new SqlWriter();
            Outcome o = write(child, w, childNegated);
            if (o == Outcome.SQL) {
                parts.add(w);
            } else if (j.or() && o == Outcome.EVERYTHING || !j.or() && o == Outcome.NOTHING) {
                return flip(j.or() ? Outcome.EVERYTHING : Outcome.NOTHING, j.negated());
            }
        }
        if (parts.isEmpty()) {
            return flip(j.or() ? Outcome.NOTHING : Outcome.EVERYTHING, j.negated());
        }
        if (j.negated()) {
            out.append("NOT ");
        }
        out.append("(");
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                out.append(j.or() ? " OR " : " AND ");
            }
            out.append(parts.get(i));
        }
        out.append(")");
        return Outcome.SQL;
    }

    private static Outcome flip(Outcome o, boolean negate) {
        if (!negate || o == Outcome.SQL) {
            return o;
        }
        return o == Outcome.NOTHING ? Outcome.EVERYTHING : Outcome.NOTHING;
    }

    @SuppressWarnings("unchecked")
    private void predicate(WhereNode.Predicate p, SqlWriter out, boolean negated) {
        SqlWriter lhs = expressions.write(p.lhs());
        boolean keepNulls = negated && p.lhsNullable() && p.lookup() != Lookup.ISNULL;
        if (keepNulls) {
            out.append("(");
        }
        switch (p.lookup()) {
            case ISNULL -> out.append(lhs).append(Boolean.TRUE.equals(p.rhs()) ? " IS NULL" : " IS NOT NULL");
            case IN -> {
                out.append(lhs).append(" IN (");
                if (p.rhs() instanceof SubqueryValue sub) {
                    SqlWriter inner = new SqlWriter();
                    if (compiler == null || !compiler.selectInto(sub.spec(), inner, sub.spec().isSliced())) {
                        out.append("NULL");
                    } else if (dialect.inSubqueryNeedsDerivedTable(sub.spec())) {
                        out.append("SELECT * FROM (").append(inner).append(") subquery");
                    } else {
                        out.append(inner);
                    }
                } else {
                    List<SqlExpr> items = (List<SqlExpr>) p.rhs();
                    for (int i = 0; i < items.size(); i++) {
                        if (i > 0) {
                            out.append(", ");
                        }
                        out.append(expressions.write(items.get(i)));
                    }
                }
                out.append(")");
            }
            case RANGE -> {
                List<SqlExpr> bounds = (List<SqlExpr>) p.rhs();
                out.append(lhs).append(" BETWEEN ").append(expressions.write(bounds.get(0)))
                        .append(" AND ").append(expressions.write(bounds.get(1)));
            }
            default -> {
                SqlWriter left = lhs;
                ColumnKind kind = p.lhs().output().kind();
                if (p.lookup().isTextual() && kind != ColumnKind.STRING) {
                    left = new SqlWriter();
                    dialect.castToText(left, lhs);
                }
                dialect.lookup(p.lookup(), out, left, expressions.write(dialect.lookupValue(p.lookup(), (SqlExpr) p.rhs())));
            }
        }
        if (keepNulls) {
            out.append(" AND ").append(lhs).append(" IS NOT NULL)");
        }
    }
}
