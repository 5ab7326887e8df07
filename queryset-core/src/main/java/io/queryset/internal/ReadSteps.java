package io.queryset.internal;

import io.queryset.DeleteResult;
import io.queryset.FieldLookupException;
import io.queryset.MultipleObjectsReturnedException;
import io.queryset.ObjectDoesNotExistException;
import io.queryset.expr.Aggregate;
import io.queryset.expr.Expression;
import io.queryset.internal.exec.AsyncRunner;
import io.queryset.internal.exec.BlockingRunner;
import io.queryset.internal.exec.Step;
import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.mapping.ModelInfo;
import io.queryset.internal.mapping.ResultColumn;
import io.queryset.internal.mapping.RowMapper;
import io.queryset.internal.query.OrderTerm;
import io.queryset.internal.query.QuerySpec;
import io.queryset.internal.query.Resolver;
import io.queryset.internal.query.SqlExpr;
import io.queryset.internal.shape.RowShape;
import io.queryset.internal.sql.CompiledSql;
import io.queryset.internal.sql.SqlCompiler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

/**
 * The steps of the read terminals (and the query-based {@code update}/{@code delete}) for one query.
 * The SELECT and its row mapper are compiled once, when the steps are first asked for, and reused by
 * every later terminal call on the same QuerySet.
 */
final class ReadSteps<T> {

    private final QueryContext ctx;
    private final QuerySpec spec;
    private final RowShape<T> shape;
    private boolean compiled;
    private @Nullable CompiledSql select;
    private @Nullable RowMapper<T> mapper;

    ReadSteps(QueryContext ctx, QuerySpec spec, RowShape<T> shape) {
        this.ctx = ctx;
        this.spec = spec;
        this.shape = shape;
    }

    /** Compiles the SELECT and its mapper on first use; derived steps (get, first, ...) never compile this one. */
    private synchronized void compile() {
        if (!compiled) {
            select = ctx.compiler().select(spec);
            mapper = shape.mapper(spec);
            compiled = true;
        }
    }

    private ReadSteps<T> derived(QuerySpec other) {
        return new ReadSteps<>(ctx, other, shape);
    }

    private SqlCompiler compiler() {
        return ctx.compiler();
    }

    Step<List<T>> list() {
        compile();
        if (select == null) {
            return Step.of(List.of());
        }
        Step<List<T>> rows = Step.query(select, mapper);
        return spec.prefetch().isEmpty() ? rows : rows.then(this::prefetch);
    }

    @SuppressWarnings("unchecked")
    private Step<List<T>> prefetch(List<T> rows) {
        return new Prefetcher(ctx).prefetch((ModelInfo<T>) spec.model(), rows, spec.prefetch());
    }

    Stream<T> stream(BlockingRunner runner, int chunkSize) {
        checkChunkSize(chunkSize);
        compile();
        if (select == null) {
            return Stream.empty();
        }
        Stream<T> rows = runner.stream(select, mapper, chunkSize, spec.options().timeout());
        return spec.prefetch().isEmpty() ? rows : Chunks.mapChunks(rows, chunkSize, chunk -> runner.run(prefetch(chunk).timed(spec.options().timeout())));
    }

    Flux<T> aiterator(AsyncRunner runner, int chunkSize) {
        checkChunkSize(chunkSize);
        compile();
        if (select == null) {
            return Flux.empty();
        }
        Flux<T> rows = runner.stream(select, mapper, chunkSize, spec.options().timeout());
        // Prefetch per chunk: memory is bounded by the chunk, not by the table.
        return spec.prefetch().isEmpty() ? rows
                : rows.buffer(chunkSize).concatMap(chunk -> runner.run(prefetch(chunk).timed(spec.options().timeout())), 1).flatMapIterable(chunk -> chunk);
    }

    private static void checkChunkSize(int chunkSize) {
        if (chunkSize <= 0) {
            throw new IllegalArgumentException("Chunk size must be strictly positive.");
        }
    }

    /** Django's get(): at most 21 rows fetched, no ordering unless sliced. */
    Step<T> get() {
        QuerySpec s = spec;
        if (!s.isSliced() && s.distinctFields().isEmpty()) {
            s = s.withOrdering(List.of(), true).withSlice(0, MultipleObjectsReturnedException.MAX_GET_RESULTS);
        }
        Class<?> model = spec.model().type();
        return derived(s).list().map(rows -> {
            if (rows.isEmpty()) {
                throw new ObjectDoesNotExistException(model);
            }
            if (rows.size() > 1) {
                throw new MultipleObjectsReturnedException(model, rows.size());
            }
            return rows.get(0);
        });
    }

    /** first() and last(): the query's order, else by primary key. */
    Step<Optional<T>> first(boolean last) {
        if (last && spec.isSliced()) {
            throw new IllegalStateException("Cannot reverse a query once a slice has been taken.");
        }
        List<OrderTerm> ordering = SqlCompiler.effectiveOrdering(spec, false);
        if (ordering.isEmpty()) {
            ordering = List.of(new OrderTerm(new SqlExpr.Column(spec.model().pk()), false));
        }
        if (last) {
            ordering = ordering.stream().map(OrderTerm::reversed).toList();
        }
        QuerySpec s = spec.withOrdering(ordering, true);
        s = s.withSlice(s.offset(), s.limit() == null ? 1 : Math.min(1, s.limit()));
        return derived(s).list().map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0)));
    }

    /** latest() / earliest(): by the fields or the model's getLatestBy. */
    Step<T> latest(String[] fields, boolean latest) {
        if (spec.isSliced()) {
            throw new IllegalStateException("Cannot change a query once a slice has been taken.");
        }
        List<String> names = fields.length > 0 ? List.of(fields) : spec.model().getLatestBy();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("earliest() and latest() require either fields as positional arguments "
                    + "or 'getLatestBy' in the model's @Model.");
        }
        Resolver resolver = new Resolver(spec);
        List<OrderTerm> ordering = new ArrayList<>();
        for (String name : names) {
            OrderTerm term = resolver.orderTerm(name);
            ordering.add(latest ? term.reversed() : term);
        }
        QuerySpec s = resolver.finish(spec.withOrdering(ordering, true)).withSlice(0, 1);
        return derived(s).get();
    }

    Step<Long> count() {
        CompiledSql sql = compiler().count(spec);
        if (sql == null) {
            return Step.of(0L);
        }
        return Step.query(sql, row -> ((Number) row.get(0, Long.class)).longValue()).map(rows -> rows.get(0));
    }

    Step<Boolean> exists() {
        CompiledSql sql = compiler().exists(spec);
        if (sql == null) {
            return Step.of(false);
        }
        return Step.query(sql, row -> Boolean.TRUE).map(rows -> !rows.isEmpty());
    }

    static Map<String, Expression> byDefaultAlias(Aggregate[] aggregates) {
        Map<String, Expression> named = new LinkedHashMap<>();
        for (Aggregate a : aggregates) {
            named.put(a.defaultAlias(), a);
        }
        return named;
    }

    Step<Map<String, Object>> aggregate(Map<String, ? extends Expression> aggregates) {
        Resolver resolver = new Resolver(spec);
        Map<String, SqlExpr> resolved = resolver.expressions(aggregates);
        QuerySpec over = resolver.finish(spec);
        resolved.forEach((alias, e) -> {
            if (!e.containsAggregate()) {
                throw new IllegalArgumentException(alias + " is not an aggregate expression");
            }
        });
        String[] aliases = resolved.keySet().toArray(String[]::new);
        ResultColumn[] columns = resolved.values().stream().map(SqlExpr::output).toArray(ResultColumn[]::new);
        CompiledSql sql = compiler().aggregate(over, resolved);
        if (sql == null) {
            Map<String, Object> empty = new LinkedHashMap<>();
            resolved.forEach((alias, e) -> empty.put(alias, emptyValue(e)));
            return Step.of(empty);
        }
        return Step.query(sql, row -> {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < aliases.length; i++) {
                out.put(aliases[i], columns[i].read(row, i));
            }
            return out;
        }).map(rows -> rows.get(0));
    }

    private static @Nullable Object emptyValue(SqlExpr e) {
        if (e instanceof SqlExpr.AggregateCall call) {
            return "COUNT".equals(call.function()) ? Long.valueOf(0) : call.defaultValue();
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    Step<Map<Object, T>> keyedBy(FieldInfo field) {
        if (!shape.isModel()) {
            throw new IllegalStateException("inBulk() after values() or valuesList() is not supported");
        }
        ModelInfo<T> model = (ModelInfo<T>) spec.model();
        return list().map(rows -> {
            Map<Object, T> out = new LinkedHashMap<>();
            rows.forEach(row -> out.put(model.get(row, field), row));
            return out;
        });
    }

    Step<String> explain() {
        CompiledSql sql = compiler().explain(spec);
        if (sql == null) {
            return Step.of("(no query: the QuerySet matches nothing)");
        }
        return Step.query(sql, row -> String.valueOf(row.get(0, String.class))).map(rows -> String.join("\n", rows));
    }

    Step<Integer> update(Map<String, ?> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("update() needs at least one field to update.");
        }
        Resolver resolver = new Resolver(spec);
        Map<FieldInfo, SqlExpr> assignments = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            FieldInfo field = spec.model().field(name);
            if (field == null) {
                throw spec.model().unknownField(name, List.of());
            }
            SqlExpr expr = value instanceof Expression e ? resolver.expression(e)
                    : new SqlExpr.Param(spec.model().key(field, field.convertInput(value, spec.model().name())), ResultColumn.of(field));
            if (expr.containsAggregate()) {
                throw new FieldLookupException("Aggregate functions are not allowed in this query (" + name + ").");
            }
            assignments.put(field, expr);
        });
        if (resolver.finish(spec) != spec) {
            throw new FieldLookupException("Joined field references are not permitted in this query (update of "
                    + spec.model().name() + ").");
        }
        CompiledSql sql = compiler().update(spec, assignments);
        return sql == null ? Step.of(0) : Step.update(sql).map(Long::intValue);
    }

    /** Django's delete(): follows the OnDelete rule of every relation pointing at the model ({@link DeleteCollector}). */
    Step<DeleteResult> delete() {
        return new DeleteCollector(ctx).delete(spec);
    }
}
