package io.queryset.internal.sql;

import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.query.Join;
import io.queryset.internal.query.OrderTerm;
import io.queryset.internal.query.RelatedSelection;
import io.queryset.internal.query.Projection;
import io.queryset.internal.query.QuerySpec;
import io.queryset.internal.query.Resolver;
import io.queryset.internal.query.SqlExpr;
import io.queryset.internal.query.WhereNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Compiles read queries (select, count, exists, aggregate, explain) and query-based writes (update,
 * delete) to SQL for one dialect. A method returns null when the query can match no row (an empty
 * {@code in} list or {@code none()}): the caller then answers without touching the database, as Django does.
 */
public final class SqlCompiler {

    private final Dialect dialect;
    private final ExpressionWriter expressions;

    public SqlCompiler(Dialect dialect) {
        this.dialect = dialect;
        this.expressions = new ExpressionWriter(dialect);
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The expression writer for {@code spec}: base columns are qualified once the query has joins. */
    ExpressionWriter writer(QuerySpec spec) {
        return spec.joins().isEmpty() ? expressions : expressions.qualified(dialect.quote(spec.model().table()));
    }

    /** {@code FROM table} and its joins. */
    private void from(QuerySpec spec, SqlWriter out) {
        from(spec, out, null);
    }

    /** {@code FROM table} and its joins; inside a sub-select, with the aliases of {@code scope}. */
    private void from(QuerySpec spec, SqlWriter out, @Nullable SubqueryScope scope) {
        String table = dialect.quote(spec.model().table());
        String base = scope == null ? table : scope.baseAlias();
        out.append(" FROM ").append(scope == null ? table : table + " " + base);
        for (Join j : spec.joins()) {
            String alias = scope == null ? j.alias() : scope.relabel(j.alias());
            String parent = j.parentAlias() == null ? base : scope == null ? j.parentAlias() : scope.relabel(j.parentAlias());
            out.append(" LEFT OUTER JOIN " + dialect.quote(j.edge().table()) + " " + alias + " ON "
                    + parent + "." + dialect.quote(j.edge().parentColumn())
                    + " = " + alias + "." + dialect.quote(j.edge().childColumn()));
        }
    }

    // ------------------------------------------------------------------ reads

    /** {@code SELECT} of the rows: model columns then selected annotations, or the projection. */
    public @Nullable CompiledSql select(QuerySpec spec) {
        SqlWriter out = new SqlWriter();
        if (!selectInto(spec, out, true)) {
            return null;
        }
        if (spec.options().lock() != null) {
            new SelectExtras(dialect).lock(spec, out);
        }
        return out.toSql();
    }

    /** {@code SELECT COUNT(*)}; counts a sub-select when the query is sliced, distinct or grouped. */
    public @Nullable CompiledSql count(QuerySpec spec) {
        if (spec.isSliced() || spec.distinct() || isGrouped(spec)) {
            return wrapped("COUNT(*)", spec);
        }
        SqlWriter out = new SqlWriter().append("SELECT COUNT(*)");
        from(spec, out);
        return whereClause(spec, out) ? out.toSql() : null;
    }

    /** {@code SELECT 1 ... LIMIT 1}. */
    public @Nullable CompiledSql exists(QuerySpec spec) {
        if (spec.isSliced() || spec.distinct() || isGrouped(spec)) {
            return wrapped("1", spec);
        }
        SqlWriter out = new SqlWriter().append("SELECT 1");
        from(spec, out);
        if (!whereClause(spec, out)) {
            return null;
        }
        return out.append(" LIMIT 1").toSql();
    }

    /** {@code SELECT agg1, agg2 ...} over the query's rows, in the map's order. */
    public @Nullable CompiledSql aggregate(QuerySpec spec, Map<String, SqlExpr> aggregates) {
        if (spec.empty()) {
            return null;
        }
        if (spec.isSliced() || spec.distinct() || isGrouped(spec)) {
            return aggregateOverSubquery(spec, aggregates);
        }
        ExpressionWriter w = writer(spec);
        SqlWriter out = new SqlWriter().append("SELECT ");
        boolean first = true;
        for (SqlExpr e : aggregates.values()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(w.write(e));
        }
        from(spec, out);
        return whereClause(spec, out) ? out.toSql() : null;
    }

    /** Django's way for a sliced, distinct or grouped query: aggregate over its rows as a sub-select. */
    private @Nullable CompiledSql aggregateOverSubquery(QuerySpec spec, Map<String, SqlExpr> aggregates) {
        SqlWriter inner = new SqlWriter();
        if (!selectInto(spec, inner, spec.isSliced())) {
            return null;
        }
        Map<SqlExpr, String> columns = new java.util.HashMap<>();
        List<SqlExpr> selected = selectList(spec);
        for (int i = 0; i < selected.size(); i++) {
            SqlExpr e = selected.get(i);
            String name = e instanceof SqlExpr.Column c && c.alias() == null ? c.field().column() : "__qs_c" + i;
            columns.putIfAbsent(e, name);
            if (e instanceof SqlExpr.AnnotationRef ref) {
                columns.putIfAbsent(ref.expression(), name);
            }
        }
        spec.selectedAnnotations().forEach(a -> {
            String name = columns.get(a.getValue());
            if (name != null) {
                columns.putIfAbsent(new SqlExpr.AnnotationRef(a.getKey(), a.getValue()), name);
            }
        });
        ExpressionWriter outer = new ExpressionWriter(dialect, columns);
        SqlWriter out = new SqlWriter().append("SELECT ");
        boolean first = true;
        for (SqlExpr e : aggregates.values()) {
            out.append(first ? "" : ", ").append(outer.write(e));
            first = false;
        }
        return out.append(" FROM (").append(inner).append(") subquery").toSql();
    }

    /** The dialect's EXPLAIN of the select. */
    public @Nullable CompiledSql explain(QuerySpec spec) {
        SqlWriter out = new SqlWriter().append(dialect.explainPrefix());
        return selectInto(spec, out, true) ? out.toSql() : null;
    }

    private @Nullable CompiledSql wrapped(String what, QuerySpec spec) {
        SqlWriter inner = new SqlWriter();
        if (!selectInto(spec, inner, spec.isSliced())) {
            return null;
        }
        return new SqlWriter().append("SELECT " + what + " FROM (").append(inner).append(") subquery").toSql();
    }

    /** Writes the whole SELECT; false when no row can match. */
    boolean selectInto(QuerySpec spec, SqlWriter out, boolean withOrdering) {
        return selectInto(spec, out, withOrdering, null);
    }

    /** Writes the whole SELECT, as a sub-select of another query when {@code scope} is given; false when no row can match. */
    boolean selectInto(QuerySpec spec, SqlWriter out, boolean withOrdering, @Nullable SubqueryScope scope) {
        if (spec.empty()) {
            return false;
        }
        if (spec.options().isCombined()) {
            return new SelectExtras(dialect).combined(this, spec, out, withOrdering);
        }
        List<SqlExpr> selected = selectList(spec);
        boolean unselectedAggregate = hasUnselectedAggregate(spec, selected);
        boolean grouped = selected.stream().anyMatch(SqlExpr::containsAggregate)
                || (spec.where() != null && spec.where().containsAggregate()) || unselectedAggregate;
        ExpressionWriter expressions = scope == null ? writer(spec) : this.expressions.scoped(scope);

        out.append("SELECT ");
        if (spec.distinct()) {
            if (!spec.distinctFields().isEmpty()) {
                if (!dialect.supportsDistinctOn()) {
                    throw NotSupported.by(dialect, "DISTINCT ON fields");
                }
                out.append("DISTINCT ON (");
                appendJoined(out, expressions, spec.distinctFields().stream().<SqlExpr>map(SqlExpr.Column::new).toList());
                out.append(") ");
            } else {
                out.append("DISTINCT ");
            }
        }
        for (int i = 0; i < selected.size() && (scope == null || !scope.exists()); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(expressions.write(selected.get(i)));
            if (!(selected.get(i) instanceof SqlExpr.Column c && c.alias() == null)) {
                out.append(" AS " + dialect.quote("__qs_c" + i));
            }
        }
        if (scope != null && scope.exists()) {
            out.append("1");
        }
        from(spec, out, scope);

        WhereSplit split = WhereSplit.of(spec.where());
        if (!appendCondition(out, expressions, " WHERE ", split.where())) {
            return false;
        }
        if (grouped) {
            // A constant is no grouping column (Django's Value.get_group_by_cols() is empty), and a bound integer there
            // would name a column by position on a driver that inlines values (MariaDB).
            List<SqlExpr> groupBy = new ArrayList<>(selected.stream()
                    .filter(e -> !e.containsAggregate() && !isConstant(e)).toList());
            // Sum("age") + F("age"): the plain part of a mixed expression is grouped by too, as Django does.
            selected.stream().filter(SqlExpr::containsAggregate).forEach(e -> addPlainParts(e, groupBy));
            if (unselectedAggregate && spec.projection() != null) {
                // annotate(aggregate) then values(...): Django still groups by the model's fields.
                spec.model().fields().stream().<SqlExpr>map(SqlExpr.Column::new).filter(c -> !groupBy.contains(c)).forEach(groupBy::add);
            }
            if (!groupBy.isEmpty()) {
                out.append(" GROUP BY ");
                appendJoined(out, expressions, groupBy);
            }
        }
        if (!appendCondition(out, expressions, " HAVING ", split.having())) {
            return false;
        }
        if (withOrdering) {
            // Ordering by a constant orders nothing; a bound integer there would name a column by position where the
            // driver inlines values (MariaDB).
            List<OrderTerm> ordering = effectiveOrdering(spec, grouped).stream()
                    .filter(t -> t.isRandom() || !isConstant(t.expression())).toList();
            if (!ordering.isEmpty()) {
                out.append(" ORDER BY ");
                for (int i = 0; i < ordering.size(); i++) {
                    if (i > 0) {
                        out.append(", ");
                    }
                    OrderTerm term = ordering.get(i);
                    if (term.isRandom()) {
                        out.append(dialect.random());
                    } else {
                        out.append(expressions.write(term.expression())).append(term.descending() ? " DESC" : " ASC");
                    }
                }
            }
        }
        dialect.limitOffset(out, spec.limit(), spec.offset());
        return true;
    }

    /** The selected expressions, in result-column order. */
    public static List<SqlExpr> selectList(QuerySpec spec) {
        List<SqlExpr> selected = new ArrayList<>();
        List<Projection> projection = spec.projection();
        if (projection != null) {
            projection.forEach(p -> selected.add(p.expression()));
        } else {
            SelectExtras.loadedFields(spec).forEach(f -> selected.add(new SqlExpr.Column(f)));
            for (RelatedSelection related : spec.selectRelated()) {
                related.model().fields().forEach(f -> selected.add(new SqlExpr.Column(f, related.alias())));
            }
            spec.selectedAnnotations().forEach(e -> selected.add(e.getValue()));
        }
        return selected;
    }

    /** The model fields a model-row SELECT of {@code spec} reads (every field unless {@code only}/{@code defer}). */
    public static List<io.queryset.internal.mapping.FieldInfo> loadedFields(QuerySpec spec) {
        return SelectExtras.loadedFields(spec);
    }

    /** Explicit ordering, else the model's default; Django drops the default in GROUP BY queries. */
    public static List<OrderTerm> effectiveOrdering(QuerySpec spec, boolean grouped) {
        if (spec.hasExplicitOrdering()) {
            return spec.ordering();
        }
        if (spec.orderingCleared() || grouped || spec.model().ordering().isEmpty()) {
            return List.of();
        }
        Resolver resolver = new Resolver(spec);
        return spec.model().ordering().stream().map(resolver::orderTerm).toList();
    }

    private static boolean isGrouped(QuerySpec spec) {
        if (spec.options().isCombined()) {
            return true; // count, exists and aggregate read a combined query as a sub-select
        }
        List<SqlExpr> selected = selectList(spec);
        return selected.stream().anyMatch(SqlExpr::containsAggregate)
                || (spec.where() != null && spec.where().containsAggregate()) || hasUnselectedAggregate(spec, selected);
    }

    /**
     * Whether an aggregate annotation is part of the query without being selected (an {@code alias()}, or an
     * {@code annotate()} followed by {@code values()}): as in Django the query is grouped all the same, so the
     * aggregate's joins do not multiply the rows.
     */
    private static void addPlainParts(SqlExpr e, List<SqlExpr> groupBy) {
        if (!e.containsAggregate()) {
            if (!isConstant(e) && !groupBy.contains(e)) {
                groupBy.add(e);
            }
        } else if (e instanceof SqlExpr.Arithmetic a) {
            addPlainParts(a.left(), groupBy);
            addPlainParts(a.right(), groupBy);
        } else if (e instanceof SqlExpr.AnnotationRef r) {
            addPlainParts(r.expression(), groupBy);
        }
    }

    /** Whether {@code e} is a bound value, possibly under an annotation's name. */
    private static boolean isConstant(SqlExpr e) {
        return e instanceof SqlExpr.Param || (e instanceof SqlExpr.AnnotationRef a && isConstant(a.expression()));
    }

    private static boolean hasUnselectedAggregate(QuerySpec spec, List<SqlExpr> selected) {
        return spec.annotations().entrySet().stream().anyMatch(e -> e.getValue().containsAggregate()
                && selected.stream().noneMatch(s -> s.equals(e.getValue())
                        || (s instanceof SqlExpr.AnnotationRef r && r.alias().equals(e.getKey()))));
    }

    // ------------------------------------------------------------------ writes by query

    /** {@code UPDATE table SET ... WHERE ...}. */
    public @Nullable CompiledSql update(QuerySpec spec, Map<FieldInfo, SqlExpr> assignments) {
        checkNotCombined(spec, "update");
        if (spec.isSliced()) {
            throw new IllegalStateException("Cannot update a query once a slice has been taken.");
        }
        if (spec.empty()) {
            return null;
        }
        spec = withoutJoins(spec);
        SqlWriter out = new SqlWriter().append("UPDATE ").append(dialect.quote(spec.model().table())).append(" SET ");
        boolean first = true;
        for (Map.Entry<FieldInfo, SqlExpr> a : assignments.entrySet()) {
            if (!first) {
                out.append(", ");
            }
            first = false;
            out.append(dialect.quote(a.getKey().column())).append(" = ").append(expressions.write(a.getValue()));
        }
        return whereClause(spec, out) ? out.toSql() : null;
    }

    /** {@code DELETE FROM table WHERE ...}. */
    public @Nullable CompiledSql delete(QuerySpec spec) {
        checkNotCombined(spec, "delete");
        if (spec.isSliced()) {
            throw new IllegalStateException("Cannot use 'limit' or 'offset' with delete().");
        }
        if (!spec.distinctFields().isEmpty()) {
            throw new IllegalStateException("Cannot call delete() after .distinct(fields).");
        }
        if (spec.projection() != null) {
            throw new IllegalStateException("Cannot call delete() after .values() or .valuesList()");
        }
        if (spec.empty()) {
            return null;
        }
        spec = withoutJoins(spec);
        SqlWriter out = new SqlWriter().append("DELETE FROM ").append(dialect.quote(spec.model().table()));
        return whereClause(spec, out) ? out.toSql() : null;
    }

    private static void checkNotCombined(QuerySpec spec, String method) {
        String combinator = spec.options().combinator();
        if (combinator != null) {
            String name = combinator.startsWith("UNION") ? "union" : "INTERSECT".equals(combinator) ? "intersection" : "difference";
            throw new IllegalStateException("Calling QuerySet." + method + "() after " + name + "() is not supported.");
        }
    }

    /**
     * UPDATE and DELETE take no joins: a query filtering across relations becomes
     * {@code WHERE pk IN (SELECT pk ... joins ...)}, as in Django.
     */
    private static QuerySpec withoutJoins(QuerySpec spec) {
        if (spec.joins().isEmpty() || spec.where() == null) {
            return spec;
        }
        var pk = new SqlExpr.Column(spec.model().pk());
        QuerySpec matching = QuerySpec.of(spec.model()).withWhere(spec.where()).withJoins(spec.joins(), spec.generation())
                .withProjection(List.of(new Projection("pk", pk)));
        return QuerySpec.of(spec.model()).withWhere(
                new WhereNode.Predicate(io.queryset.internal.query.Lookup.IN, pk, new io.queryset.internal.query.SubqueryValue(matching), false));
    }

    // ------------------------------------------------------------------ conditions

    private boolean whereClause(QuerySpec spec, SqlWriter out) {
        if (spec.empty()) {
            return false;
        }
        return appendCondition(out, writer(spec), " WHERE ", spec.where());
    }

    /** Appends {@code keyword + condition}; false when the condition matches nothing. */
    private boolean appendCondition(SqlWriter out, ExpressionWriter expressions, String keyword, @Nullable WhereNode node) {
        if (node == null) {
            return true;
        }
        SqlWriter condition = new SqlWriter();
        ConditionWriter.Outcome outcome = new ConditionWriter(dialect, expressions, this).write(node, condition, false);
        if (outcome == ConditionWriter.Outcome.NOTHING) {
            return false;
        }
        if (outcome == ConditionWriter.Outcome.SQL) {
            out.append(keyword).append(condition);
        }
        return true;
    }

    private static void appendJoined(SqlWriter out, ExpressionWriter expressions, List<SqlExpr> exprs) {
        for (int i = 0; i < exprs.size(); i++) {
            if (i > 0) {
                out.append(", ");
            }
            out.append(expressions.write(exprs.get(i)));
        }
    }

    /** A WHERE tree split into the part for WHERE and the part with aggregates for HAVING. */
    private record WhereSplit(@Nullable WhereNode where, @Nullable WhereNode having) {
        static WhereSplit of(@Nullable WhereNode node) {
            if (node == null || !node.containsAggregate()) {
                return new WhereSplit(node, null);
            }
            if (node instanceof WhereNode.Junction j && !j.or() && !j.negated()) {
                List<WhereNode> where = j.children().stream().filter(c -> !c.containsAggregate()).toList();
                List<WhereNode> having = j.children().stream().filter(WhereNode::containsAggregate).toList();
                return new WhereSplit(where.isEmpty() ? null : new WhereNode.Junction(false, false, where),
                        new WhereNode.Junction(false, false, having));
            }
            return new WhereSplit(null, node);
        }
    }
}
