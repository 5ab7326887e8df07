package io.queryset.internal;

import io.queryset.Q;
import io.queryset.QuerySet;
import io.queryset.expr.Expression;
import io.queryset.expr.OrderBy;
import io.queryset.internal.query.OrderTerm;
import io.queryset.internal.query.Projection;
import io.queryset.internal.query.QuerySpec;
import io.queryset.internal.query.Resolver;
import io.queryset.internal.query.SpecHolder;
import io.queryset.internal.query.SqlExpr;
import io.queryset.internal.query.WhereNode;
import io.queryset.internal.shape.FlatShape;
import io.queryset.internal.shape.ListShape;
import io.queryset.internal.shape.MapShape;
import io.queryset.internal.shape.RecordShape;
import io.queryset.internal.shape.RowShape;
import io.queryset.internal.sql.SqlCompiler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The chaining half of the QuerySet: every method resolves its arguments against the model (so bad
 * names fail here, before any SQL) and returns a new QuerySet over a new immutable {@link QuerySpec}.
 */
abstract class ChainingQuerySet<T> implements QuerySet<T>, SpecHolder {

    protected final QueryContext ctx;
    protected final QuerySpec spec;
    protected final RowShape<T> shape;

    ChainingQuerySet(QueryContext ctx, QuerySpec spec, RowShape<T> shape) {
        this.ctx = ctx;
        this.spec = spec;
        this.shape = shape;
    }

    @Override
    public QuerySpec spec() {
        return spec;
    }

    private DefaultQuerySet<T> with(QuerySpec next) {
        return new DefaultQuerySet<>(ctx, next, shape);
    }

    @Override
    public QuerySet<T> all() {
        return with(spec);
    }

    @Override
    public QuerySet<T> none() {
        return with(spec.asEmpty());
    }

    @Override
    public QuerySet<T> filter(String lookup, Object value) {
        checkCanFilter();
        Resolver resolver = Resolver.forFilter(spec);
        return with(resolver.finish(spec.withWhere(resolver.lookup(lookup, value))));
    }

    @Override
    public QuerySet<T> filter(Q... conditions) {
        return filter(Q.empty(), conditions, false);
    }

    @Override
    public QuerySet<T> filter(Map<String, ?> lookups) {
        return filter(Q.of(lookups), new Q[0], false);
    }

    @Override
    public QuerySet<T> exclude(String lookup, Object value) {
        return filter(Q.of(lookup, value), new Q[0], true);
    }

    @Override
    public QuerySet<T> exclude(Q... conditions) {
        return filter(Q.empty(), conditions, true);
    }

    @Override
    public QuerySet<T> exclude(Map<String, ?> lookups) {
        return filter(Q.of(lookups), new Q[0], true);
    }

    @Override
    public QuerySet<T> filter(Expression condition) {
        return booleanFilter(condition, false);
    }

    @Override
    public QuerySet<T> exclude(Expression condition) {
        return booleanFilter(condition, true);
    }

    private QuerySet<T> booleanFilter(Expression condition, boolean negate) {
        checkCanFilter();
        Resolver resolver = Resolver.forFilter(spec);
        SqlExpr test = resolver.expression(condition);
        if (test.output().kind() != io.queryset.internal.mapping.ColumnKind.BOOLEAN) {
            throw new IllegalArgumentException(condition + " is not a Boolean expression; filter() takes Exists or a "
                    + "Boolean annotation here.");
        }
        WhereNode node = new WhereNode.Predicate(io.queryset.internal.query.Lookup.EXACT, test, Resolver.valueParam(Boolean.TRUE), false);
        return with(resolver.finish(spec.withWhere(negate ? new WhereNode.Junction(false, true, List.of(node)) : node)));
    }

    private QuerySet<T> filter(Q first, Q[] more, boolean negate) {
        checkCanFilter();
        Q all = first;
        for (Q q : more) {
            all = all.and(q);
        }
        Resolver resolver = Resolver.forFilter(spec);
        WhereNode node = resolver.condition(negate ? all.negate() : all);
        return node == null ? with(spec) : with(resolver.finish(spec.withWhere(node)));
    }

    private void checkCanFilter() {
        Combinations.checkNotCombined(spec, "filter");
        if (spec.isSliced()) {
            throw new IllegalStateException("Cannot filter a query once a slice has been taken.");
        }
    }

    @Override
    public QuerySet<T> orderBy(String... fields) {
        checkCanReorder();
        Resolver resolver = new Resolver(spec);
        List<OrderTerm> terms = new ArrayList<>(fields.length);
        for (String f : fields) {
            terms.add(resolver.orderTerm(f));
        }
        return with(resolver.finish(spec.withOrdering(terms, true)));
    }

    @Override
    public QuerySet<T> orderBy(OrderBy first, OrderBy... more) {
        checkCanReorder();
        Resolver resolver = new Resolver(spec);
        List<OrderTerm> terms = new ArrayList<>();
        terms.add(new OrderTerm(resolver.expression(first.expression()), first.descending()));
        for (OrderBy o : more) {
            terms.add(new OrderTerm(resolver.expression(o.expression()), o.descending()));
        }
        return with(resolver.finish(spec.withOrdering(terms, true)));
    }

    private void checkCanReorder() {
        if (spec.isSliced()) {
            throw new IllegalStateException("Cannot reorder a query once a slice has been taken.");
        }
    }

    @Override
    public QuerySet<T> reverse() {
        checkCanReorder();
        List<OrderTerm> current = SqlCompiler.effectiveOrdering(spec, false);
        if (current.isEmpty()) {
            return with(spec);
        }
        return with(spec.withOrdering(current.stream().map(OrderTerm::reversed).toList(), true));
    }

    @Override
    public QuerySet<T> distinct(String... fields) {
        Combinations.checkNotCombined(spec, "distinct");
        Resolver resolver = new Resolver(spec);
        return with(spec.withDistinct(java.util.Arrays.stream(fields).map(resolver::field).toList()));
    }

    @Override
    public QuerySet<T> slice(int start, int stop) {
        if (start < 0 || stop < 0) {
            throw new IllegalArgumentException("Negative indexing is not supported.");
        }
        int length = Math.max(0, stop - start);
        int offset = spec.offset() + start;
        Integer limit = spec.limit() == null ? length : Math.max(0, Math.min(length, spec.limit() - start));
        return with(spec.withSlice(offset, limit));
    }

    @Override
    public QuerySet<T> selectRelated(String... paths) {
        if (!shape.isModel()) {
            throw new IllegalStateException("selectRelated() cannot be used after values(), valuesList() or as()");
        }
        Combinations.checkNotCombined(spec, "selectRelated");
        if (spec.options().onlyLoaded() != null || !spec.options().deferred().isEmpty()) {
            throw new IllegalStateException("selectRelated() together with only() or defer() is not supported.");
        }
        Resolver resolver = new Resolver(spec);
        return with(resolver.finish(spec.withSelectRelated(resolver.selectRelated(paths))));
    }

    @Override
    public QuerySet<T> prefetchRelated(String... paths) {
        if (!shape.isModel()) {
            throw new IllegalStateException("prefetchRelated() cannot be used after values(), valuesList() or as()");
        }
        List<String> all = new ArrayList<>(spec.prefetch());
        for (String path : paths) {
            Prefetcher.validate(spec.model(), path);
            if (!all.contains(path)) {
                all.add(path);
            }
        }
        return with(spec.withPrefetch(paths.length == 0 ? List.of() : all));
    }

    @Override
    public QuerySet<T> annotate(String alias, Expression expression) {
        return with(annotation(alias, expression, true));
    }

    @Override
    public QuerySet<T> alias(String alias, Expression expression) {
        return with(annotation(alias, expression, false));
    }

    private QuerySpec annotation(String alias, Expression expression, boolean selected) {
        Combinations.checkNotCombined(spec, selected ? "annotate" : "alias");
        if (spec.model().field(alias) != null) {
            throw new IllegalArgumentException("The annotation '" + alias + "' conflicts with a field on the model.");
        }
        Resolver resolver = new Resolver(spec);
        SqlExpr resolved = resolver.expression(expression);
        return resolver.finish(spec.withAnnotation(alias, resolved, selected));
    }

    @Override
    public QuerySet<Map<String, Object>> values(String... fields) {
        return new DefaultQuerySet<>(ctx, projected(fields), new MapShape());
    }

    @Override
    public QuerySet<List<Object>> valuesList(String... fields) {
        return new DefaultQuerySet<>(ctx, projected(fields), new ListShape());
    }

    @Override
    public <V> QuerySet<V> valuesList(Class<V> type, String field) {
        return new DefaultQuerySet<>(ctx, projected(new String[] {field}), new FlatShape<>(type));
    }

    @Override
    public <R> QuerySet<R> as(Class<R> recordType) {
        RecordShape<R> recordShape = new RecordShape<>(recordType);
        return new DefaultQuerySet<>(ctx, projected(recordShape.componentNames().toArray(String[]::new)), recordShape);
    }

    private QuerySpec projected(String[] fields) {
        if (spec.options().isCombined()) {
            return Combinations.projected(spec, this::projectedPart, fields);
        }
        return projectedPart(spec, fields);
    }

    private QuerySpec projectedPart(QuerySpec spec, String[] fields) {
        Resolver resolver = new Resolver(spec);
        List<Projection> projection = projection(resolver, fields);
        return resolver.finish(spec.withProjection(projection));
    }

    private List<Projection> projection(Resolver resolver, String[] fields) {
        List<Projection> out = new ArrayList<>();
        if (fields.length == 0) {
            spec.model().fields().forEach(f -> out.add(new Projection(f.name(), resolver.fieldPath(f.name()))));
            spec.selectedAnnotations().forEach(e -> out.add(new Projection(e.getKey(), resolver.fieldPath(e.getKey()))));
        } else {
            for (String f : fields) {
                out.add(new Projection(f, resolver.fieldPath(f)));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- combinators, locking, deferred loading

    @Override
    @SafeVarargs
    public final QuerySet<T> union(QuerySet<T>... others) {
        return with(Combinations.combine(spec, "UNION", others));
    }

    @Override
    @SafeVarargs
    public final QuerySet<T> unionAll(QuerySet<T>... others) {
        return with(Combinations.combine(spec, "UNION ALL", others));
    }

    @Override
    @SafeVarargs
    public final QuerySet<T> intersection(QuerySet<T>... others) {
        return with(Combinations.combine(spec, "INTERSECT", others));
    }

    @Override
    @SafeVarargs
    public final QuerySet<T> difference(QuerySet<T>... others) {
        return with(Combinations.combine(spec, "EXCEPT", others));
    }

    @Override
    public QuerySet<T> selectForUpdate() {
        return selectForUpdate(io.queryset.LockOptions.defaults());
    }

    @Override
    public QuerySet<T> selectForUpdate(io.queryset.LockOptions options) {
        java.util.Objects.requireNonNull(options, "options");
        Combinations.checkNotCombined(spec, "selectForUpdate");
        return with(spec.withOptions(spec.options().withLock(options)));
    }

    @Override
    public QuerySet<T> timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("A query timeout must be positive, not " + timeout + ".");
        }
        return with(spec.withOptions(spec.options().withTimeout(timeout)));
    }

    @Override
    public QuerySet<T> using(String alias) {
        return with(spec.withOptions(spec.options().withDatabase(ctx.checkAlias(alias))));
    }

    @Override
    public QuerySet<T> only(String... fields) {
        return with(Combinations.only(spec, shape.isModel(), fields));
    }

    @Override
    public QuerySet<T> defer(String... fields) {
        return with(Combinations.defer(spec, shape.isModel(), fields));
    }
}
