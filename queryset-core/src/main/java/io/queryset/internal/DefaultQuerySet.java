package io.queryset.internal;

import io.queryset.BulkCreateOptions;
import io.queryset.CreateResult;
import io.queryset.DeleteResult;
import io.queryset.Q;
import io.queryset.QuerySet;
import io.queryset.expr.Aggregate;
import io.queryset.expr.Expression;
import io.queryset.internal.exec.Step;
import io.queryset.internal.mapping.ModelInfo;
import io.queryset.internal.query.QuerySpec;
import io.queryset.internal.query.Resolver;
import io.queryset.internal.shape.ModelShape;
import io.queryset.internal.shape.RowShape;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The QuerySet: chaining builds a new instance over a new immutable {@link QuerySpec}; each terminal
 * method builds one {@link Step} ({@link ReadSteps}, {@link WriteSteps}) and hands it to the blocking
 * or the async side. Nothing else differs between a method and its {@code a}-twin.
 */
public class DefaultQuerySet<T> extends ChainingQuerySet<T> {

    private volatile @Nullable ReadSteps<T> reads;

    public DefaultQuerySet(QueryContext ctx, QuerySpec spec, RowShape<T> shape) {
        super(ctx, spec, shape);
    }

    /** A QuerySet of all rows of {@code model}. */
    public static <T> DefaultQuerySet<T> of(QueryContext ctx, ModelInfo<T> model) {
        return new DefaultQuerySet<>(ctx, QuerySpec.of(model), new ModelShape<>(model));
    }

    /** The read steps of this QuerySet, built once: the compiled SELECT and its row mapper are reused. */
    protected ReadSteps<T> reads() {
        ReadSteps<T> r = reads;
        if (r == null) {
            r = new ReadSteps<>(ctx, spec, shape);
            reads = r;
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    protected WriteSteps<T> writes() {
        if (!shape.isModel()) {
            throw new IllegalStateException("Cannot write through a QuerySet after values(), valuesList() or as()");
        }
        return new WriteSteps<>(ctx, (ModelInfo<T>) spec.model(), this::filterSteps);
    }

    private ReadSteps<T> filterSteps(QuerySpec filtered) {
        return new ReadSteps<>(ctx, filtered, shape);
    }

    /** Runs {@code step} on the blocking side, with this QuerySet's timeout. */
    protected <R> R blocking(Operation op, Step<R> step) {
        return ctx.blocking(op, spec, step.timed(spec.options().timeout()));
    }

    /** Runs the step {@code step} builds on the async side, with this QuerySet's timeout. */
    protected <R> Mono<R> async(Operation op, java.util.function.Supplier<Step<R>> step) {
        return ctx.async(op, spec, () -> step.get().timed(spec.options().timeout()));
    }

    // ---------------------------------------------------------------- iteration

    @Override
    public Iterator<T> iterator() {
        return list().iterator();
    }

    @Override
    public void subscribe(Subscriber<? super T> subscriber) {
        aiterator().subscribe(subscriber);
    }

    // ---------------------------------------------------------------- terminal: reads

    @Override
    public List<T> list() {
        return blocking(Operation.LIST, reads().list());
    }

    @Override
    public Mono<List<T>> alist() {
        return async(Operation.LIST, () -> reads().list());
    }

    @Override
    public Stream<T> stream() {
        return stream(ctx.defaultChunkSize());
    }

    @Override
    public Stream<T> stream(int chunkSize) {
        return ctx.stream(Operation.STREAM, spec, runner -> reads().stream(runner, chunkSize));
    }

    @Override
    public Flux<T> aiterator() {
        return aiterator(ctx.defaultChunkSize());
    }

    @Override
    public Flux<T> aiterator(int chunkSize) {
        return ctx.asyncFlux(Operation.STREAM, spec, runner -> reads().aiterator(runner, chunkSize));
    }

    @Override
    public T get(String lookup, Object value) {
        return blocking(Operation.GET, getStep(Q.of(lookup, value)));
    }

    @Override
    public T get(Q... conditions) {
        return blocking(Operation.GET, getStep(conditions));
    }

    @Override
    public T get(Map<String, ?> lookups) {
        return blocking(Operation.GET, getStep(Q.of(lookups)));
    }

    @Override
    public Mono<T> aget(String lookup, Object value) {
        return async(Operation.GET, () -> getStep(Q.of(lookup, value)));
    }

    @Override
    public Mono<T> aget(Q... conditions) {
        return async(Operation.GET, () -> getStep(conditions));
    }

    @Override
    public Mono<T> aget(Map<String, ?> lookups) {
        return async(Operation.GET, () -> getStep(Q.of(lookups)));
    }

    private Step<T> getStep(Q... conditions) {
        String combinator = spec.options().combinator();
        if (combinator != null && conditions.length > 0 && !java.util.Arrays.stream(conditions).allMatch(q -> q.children().isEmpty())) {
            throw new IllegalStateException("Calling QuerySet.get(...) with filters after " + Combinations.methodName(combinator)
                    + "() is not supported.");
        }
        DefaultQuerySet<T> filtered = conditions.length == 0 ? this : (DefaultQuerySet<T>) filter(conditions);
        return filtered.reads().get();
    }

    @Override
    public Optional<T> first() {
        return blocking(Operation.FIRST, reads().first(false));
    }

    @Override
    public Optional<T> last() {
        return blocking(Operation.LAST, reads().first(true));
    }

    @Override
    public Mono<T> afirst() {
        return async(Operation.FIRST, () -> reads().first(false)).flatMap(Mono::justOrEmpty);
    }

    @Override
    public Mono<T> alast() {
        return async(Operation.LAST, () -> reads().first(true)).flatMap(Mono::justOrEmpty);
    }

    @Override
    public T latest(String... fields) {
        return blocking(Operation.LATEST, reads().latest(fields, true));
    }

    @Override
    public T earliest(String... fields) {
        return blocking(Operation.EARLIEST, reads().latest(fields, false));
    }

    @Override
    public Mono<T> alatest(String... fields) {
        return async(Operation.LATEST, () -> reads().latest(fields, true));
    }

    @Override
    public Mono<T> aearliest(String... fields) {
        return async(Operation.EARLIEST, () -> reads().latest(fields, false));
    }

    @Override
    public long count() {
        return blocking(Operation.COUNT, reads().count());
    }

    @Override
    public Mono<Long> acount() {
        return async(Operation.COUNT, () -> reads().count());
    }

    @Override
    public boolean exists() {
        return blocking(Operation.EXISTS, reads().exists());
    }

    @Override
    public Mono<Boolean> aexists() {
        return async(Operation.EXISTS, () -> reads().exists());
    }

    @Override
    public boolean contains(T obj) {
        return blocking(Operation.CONTAINS, containsStep(obj));
    }

    @Override
    public Mono<Boolean> acontains(T obj) {
        return async(Operation.CONTAINS, () -> containsStep(obj));
    }

    private Step<Boolean> containsStep(T obj) {
        if (!shape.isModel()) {
            throw new IllegalStateException("Cannot call QuerySet.contains() after .values() or .valuesList().");
        }
        if (!spec.model().type().isInstance(obj)) {
            return Step.of(false);
        }
        Object pk = writes().pkOf(obj);
        if (pk == null) {
            throw new IllegalArgumentException("QuerySet.contains() cannot be used on unsaved objects.");
        }
        return ((DefaultQuerySet<T>) filter("pk", pk)).reads().exists();
    }

    @Override
    public Map<String, Object> aggregate(Aggregate... aggregates) {
        return blocking(Operation.AGGREGATE, reads().aggregate(ReadSteps.byDefaultAlias(aggregates)));
    }

    @Override
    public Map<String, Object> aggregate(Map<String, ? extends Expression> aggregates) {
        return blocking(Operation.AGGREGATE, reads().aggregate(aggregates));
    }

    @Override
    public Mono<Map<String, Object>> aaggregate(Aggregate... aggregates) {
        return async(Operation.AGGREGATE, () -> reads().aggregate(ReadSteps.byDefaultAlias(aggregates)));
    }

    @Override
    public Mono<Map<String, Object>> aaggregate(Map<String, ? extends Expression> aggregates) {
        return async(Operation.AGGREGATE, () -> reads().aggregate(aggregates));
    }

    @Override
    public Map<Object, T> inBulk(Collection<?> ids) {
        return blocking(Operation.IN_BULK, inBulkStep(ids, "pk"));
    }

    @Override
    public Map<Object, T> inBulk(Collection<?> values, String fieldName) {
        return blocking(Operation.IN_BULK, inBulkStep(values, fieldName));
    }

    @Override
    public Mono<Map<Object, T>> ainBulk(Collection<?> ids) {
        return async(Operation.IN_BULK, () -> inBulkStep(ids, "pk"));
    }

    @Override
    public Mono<Map<Object, T>> ainBulk(Collection<?> values, String fieldName) {
        return async(Operation.IN_BULK, () -> inBulkStep(values, fieldName));
    }

    private Step<Map<Object, T>> inBulkStep(Collection<?> values, String fieldName) {
        if (spec.isSliced()) {
            throw new IllegalStateException("Cannot use 'limit' or 'offset' with inBulk().");
        }
        var field = new Resolver(spec).field(fieldName);
        if (!field.primaryKey() && !field.unique()) {
            throw new IllegalArgumentException("inBulk()'s fieldName must be a unique field but '" + fieldName + "' isn't.");
        }
        if (values.isEmpty()) {
            return Step.of(Map.of());
        }
        DefaultQuerySet<T> filtered = (DefaultQuerySet<T>) filter(fieldName + "__in", values);
        return filtered.reads().keyedBy(field);
    }

    @Override
    public String explain() {
        return blocking(Operation.EXPLAIN, reads().explain());
    }

    @Override
    public Mono<String> aexplain() {
        return async(Operation.EXPLAIN, () -> reads().explain());
    }

    @Override
    public Page<T> page(Pageable pageable) {
        PageQuery<T> page = PageQuery.of(this, pageable);
        return page.toPage(page.rows().list(), page.needsCount() ? page.all().count() : -1);
    }

    @Override
    public Mono<Page<T>> apage(Pageable pageable) {
        return Mono.defer(() -> {
            PageQuery<T> page = PageQuery.of(this, pageable);
            Mono<Long> total = page.needsCount() ? page.all().acount() : Mono.just(-1L);
            return page.rows().alist().zipWith(total, page::toPage);
        });
    }

    // ---------------------------------------------------------------- terminal: writes

    @Override
    public T create(T obj) {
        return blocking(Operation.CREATE, writes().create(obj));
    }

    @Override
    public Mono<T> acreate(T obj) {
        return async(Operation.CREATE, () -> writes().create(obj));
    }

    @Override
    public CreateResult<T> getOrCreate(Q lookup, Map<String, ?> defaults) {
        return blocking(Operation.GET_OR_CREATE, writes().getOrCreate(lookup, defaults));
    }

    @Override
    public Mono<CreateResult<T>> agetOrCreate(Q lookup, Map<String, ?> defaults) {
        return async(Operation.GET_OR_CREATE, () -> writes().getOrCreate(lookup, defaults));
    }

    @Override
    public CreateResult<T> updateOrCreate(Q lookup, Map<String, ?> defaults) {
        return blocking(Operation.UPDATE_OR_CREATE, writes().updateOrCreate(lookup, defaults));
    }

    @Override
    public Mono<CreateResult<T>> aupdateOrCreate(Q lookup, Map<String, ?> defaults) {
        return async(Operation.UPDATE_OR_CREATE, () -> writes().updateOrCreate(lookup, defaults));
    }

    @Override
    public List<T> bulkCreate(List<T> objs) {
        return bulkCreate(objs, BulkCreateOptions.defaults());
    }

    @Override
    public List<T> bulkCreate(List<T> objs, BulkCreateOptions options) {
        return blocking(Operation.BULK_CREATE, writes().bulkCreate(objs, options));
    }

    @Override
    public Mono<List<T>> abulkCreate(List<T> objs) {
        return abulkCreate(objs, BulkCreateOptions.defaults());
    }

    @Override
    public Mono<List<T>> abulkCreate(List<T> objs, BulkCreateOptions options) {
        return async(Operation.BULK_CREATE, () -> writes().bulkCreate(objs, options));
    }

    @Override
    public int bulkUpdate(List<T> objs, String... fields) {
        return blocking(Operation.BULK_UPDATE, writes().bulkUpdate(objs, fields));
    }

    @Override
    public Mono<Integer> abulkUpdate(List<T> objs, String... fields) {
        return async(Operation.BULK_UPDATE, () -> writes().bulkUpdate(objs, fields));
    }

    @Override
    public int update(Map<String, ?> values) {
        return blocking(Operation.UPDATE, reads().update(values));
    }

    @Override
    public Mono<Integer> aupdate(Map<String, ?> values) {
        return async(Operation.UPDATE, () -> reads().update(values));
    }

    @Override
    public DeleteResult delete() {
        return blocking(Operation.DELETE, reads().delete());
    }

    @Override
    public Mono<DeleteResult> adelete() {
        return async(Operation.DELETE, () -> reads().delete());
    }

    @Override
    public String toString() {
        return "QuerySet<" + spec.model().name() + ">";
    }
}
