package io.queryset;

import io.queryset.expr.Aggregate;
import io.queryset.expr.Expression;
import io.queryset.expr.OrderBy;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.reactivestreams.Publisher;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A lazy, immutable query over one model: Django's {@code QuerySet}.
 *
 * <p>Every chaining method returns a new QuerySet and runs nothing. Every terminal method runs one
 * query (there is no result cache) and has two forms: a blocking one on JDBC and an {@code a}-prefixed
 * twin that returns a {@link Mono} or {@link Flux} and runs on R2DBC without blocking (or, in
 * {@link AsyncMode#BRIDGED} mode, runs the blocking form on a bounded scheduler).
 *
 * <p>A QuerySet is {@link Iterable} (blocking iteration reads the whole result) and a
 * {@link Publisher} (non-blocking iteration with backpressure), so a WebFlux handler may return it.
 *
 * @param <T> the type of one result: the model, or a map, list or record after {@code values()},
 *            {@code valuesList()} or {@code as()}
 */
public interface QuerySet<T> extends Iterable<T>, Publisher<T> {

    // ---------------------------------------------------------------- chaining

    /** A copy of this QuerySet. */
    QuerySet<T> all();

    /** A QuerySet that matches nothing and never queries the database. */
    QuerySet<T> none();

    /** Rows matching {@code lookup = value}, e.g. {@code filter("title__startswith", "A")}. */
    QuerySet<T> filter(String lookup, Object value);

    /** Rows matching every condition. */
    QuerySet<T> filter(Q... conditions);

    /** Rows matching every {@code lookup = value} entry. */
    QuerySet<T> filter(Map<String, ?> lookups);

    /**
     * Rows for which a Boolean expression holds, e.g. {@code filter(Exists.of(books.filter("publisher", OuterRef.of("pk"))))}:
     * Django's {@code filter(Exists(...))}. A non-Boolean expression throws {@link IllegalArgumentException}.
     */
    QuerySet<T> filter(io.queryset.expr.Expression condition);

    /** Rows not matching {@code lookup = value}. */
    QuerySet<T> exclude(String lookup, Object value);

    /** Rows not matching all of the conditions together: {@code NOT (a AND b)}. */
    QuerySet<T> exclude(Q... conditions);

    /** Rows not matching all of the entries together. */
    QuerySet<T> exclude(Map<String, ?> lookups);

    /** Rows for which a Boolean expression does not hold (Django's {@code exclude(Exists(...))}). */
    QuerySet<T> exclude(io.queryset.expr.Expression condition);

    /**
     * Orders by fields: {@code "-name"} descending, {@code "?"} random. Replaces any earlier ordering;
     * with no argument, clears it, including the model's default ordering.
     */
    QuerySet<T> orderBy(String... fields);

    /** Orders by expressions, e.g. {@code orderBy(F.of("price").times(2).desc())}. */
    QuerySet<T> orderBy(OrderBy first, OrderBy... more);

    /** Reverses the ordering; no effect on an unordered QuerySet. */
    QuerySet<T> reverse();

    /** {@code SELECT DISTINCT}; with fields, {@code DISTINCT ON (fields)} (PostgreSQL only). */
    QuerySet<T> distinct(String... fields);

    /** Django's {@code qs[start:stop]}: rows {@code start} (inclusive) to {@code stop} (exclusive). */
    QuerySet<T> slice(int start, int stop);

    /**
     * Loads the forward relations named by {@code paths} ({@code "publisher"}, {@code "publisher__country"})
     * in the same query through joins, instead of references holding only the key. With no path, every
     * non-nullable forward relation, recursively: Django's {@code select_related}.
     */
    QuerySet<T> selectRelated(String... paths);

    /**
     * Loads the relations named by {@code paths} ({@code "books"}, {@code "books__authors"}) with one
     * extra query per relation level for all results at once, filling declared collection fields (and
     * forward keys): Django's {@code prefetch_related}. Streaming methods prefetch per chunk.
     */
    QuerySet<T> prefetchRelated(String... paths);

    /** Adds a computed value to each result; a model receives it in a same-named {@code @Transient} field. */
    QuerySet<T> annotate(String alias, Expression expression);

    /** Like {@link #annotate} but not selected: usable in filters, ordering and updates. */
    QuerySet<T> alias(String alias, Expression expression);

    /**
     * Results as insertion-ordered maps keyed by the given fields (all concrete fields when none);
     * with aggregates in {@code annotate}, groups by these fields.
     */
    QuerySet<Map<String, Object>> values(String... fields);

    /** Results as lists of the given fields' values (all concrete fields when none). */
    QuerySet<List<Object>> valuesList(String... fields);

    /** Results as the single field's values: Django's {@code values_list(field, flat=True)}. */
    <V> QuerySet<V> valuesList(Class<V> type, String field);

    /** Results projected onto a record whose component names are fields or annotations. */
    <R> QuerySet<R> as(Class<R> recordType);

    /**
     * The rows of this QuerySet and of {@code others}, without duplicates: SQL {@code UNION}, Django's
     * {@code union()}. Every query must be of the same model and select the same columns (the first one's
     * columns name the results). After combining, only {@code orderBy} (fields that are selected),
     * {@code slice}, {@code values}/{@code valuesList} and the terminal methods are allowed; {@code filter},
     * {@code exclude}, {@code annotate}, {@code distinct} and the like throw {@link IllegalStateException}
     * ("Calling QuerySet.filter() after union() is not supported."). The combined rows are unordered unless
     * {@code orderBy} follows. A sliced part keeps its own ordering and slice.
     */
    @SuppressWarnings("unchecked")
    QuerySet<T> union(QuerySet<T>... others);

    /** {@link #union} keeping duplicates: SQL {@code UNION ALL}, Django's {@code union(all=True)}. */
    @SuppressWarnings("unchecked")
    QuerySet<T> unionAll(QuerySet<T>... others);

    /** The rows present in this QuerySet and in every one of {@code others}: SQL {@code INTERSECT}; rules of {@link #union}. */
    @SuppressWarnings("unchecked")
    QuerySet<T> intersection(QuerySet<T>... others);

    /** The rows of this QuerySet that none of {@code others} has: SQL {@code EXCEPT}; rules of {@link #union}. */
    @SuppressWarnings("unchecked")
    QuerySet<T> difference(QuerySet<T>... others);

    /**
     * Locks the selected rows until the end of the transaction: {@code SELECT ... FOR UPDATE}, Django's
     * {@code select_for_update()}. Like Django, evaluate it inside a transaction (a Spring
     * {@code TransactionTemplate} or {@code @Transactional} on the blocking side, a {@code TransactionalOperator}
     * or transactional {@code Mono} on the async side); outside one, the lock ends with the statement.
     * {@code count}, {@code exists} and {@code aggregate} do not lock. When the query joins relations (for
     * {@code selectRelated} or filters), only the queried model's rows are locked unless {@link LockOptions#of} says otherwise.
     */
    QuerySet<T> selectForUpdate();

    /** {@link #selectForUpdate()} with {@code NOWAIT}, {@code SKIP LOCKED} or {@code OF} ({@link LockOptions}). */
    QuerySet<T> selectForUpdate(LockOptions options);

    /**
     * Cancels each statement this QuerySet's terminal methods run (and their {@code a}-twins) when it runs longer
     * than {@code timeout}, overriding {@code queryset.query-timeout}. Either side then fails with Spring's
     * {@link org.springframework.dao.QueryTimeoutException}. On JDBC the driver's statement timeout counts whole
     * seconds (rounded up); on R2DBC the statement is cancelled when the first row, or any next one while
     * streaming, takes longer. Django has no equivalent.
     *
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    QuerySet<T> timeout(Duration timeout);

    /**
     * Runs this QuerySet's terminal methods (and their {@code a}-twins) on the named database {@code alias} (Django's
     * {@code using()}), e.g. a read replica configured under {@code queryset.databases.replica}, whatever the
     * routers say. {@code "default"} is the database the others are named beside.
     *
     * @throws IllegalArgumentException when no database has that name; the message lists the configured ones
     */
    QuerySet<T> using(String alias);

    /**
     * Loads only these fields of the model, and the primary key (always loaded): Django's {@code only()}. The
     * other fields hold null (zero or false for primitives). Nothing is loaded later behind the caller's back.
     * {@code Manager.save} of an instance read this way writes only its loaded fields. Field names of the
     * model only (no relation paths); not together with {@code selectRelated}.
     */
    QuerySet<T> only(String... fields);

    /**
     * Leaves these fields unloaded (null, or zero/false for primitives): Django's {@code defer()}; calls add up,
     * and {@code defer()} with no field loads every field again. The primary key is always loaded.
     * {@code Manager.save} of an instance read this way writes only its loaded fields.
     */
    QuerySet<T> defer(String... fields);

    // ---------------------------------------------------------------- terminal, blocking

    /** Every result. */
    List<T> list();

    /** Streams results fetched in chunks of the default size; close the stream. */
    Stream<T> stream();

    /** Streams results fetched {@code chunkSize} rows at a time; close the stream. */
    Stream<T> stream(int chunkSize);

    /** The single result matching {@code lookup = value}. */
    T get(String lookup, Object value);

    /** The single result matching every condition ({@code get()} alone for a one-row QuerySet). */
    T get(Q... conditions);

    /** The single result matching every entry. */
    T get(Map<String, ?> lookups);

    /** The first result (ordered by primary key when unordered). */
    Optional<T> first();

    /** The last result (ordered by primary key when unordered). */
    Optional<T> last();

    /** The latest result by the fields, or the model's {@code getLatestBy}. */
    T latest(String... fields);

    /** The earliest result by the fields, or the model's {@code getLatestBy}. */
    T earliest(String... fields);

    /** {@code SELECT COUNT(*)}. */
    long count();

    /** Whether any row matches. */
    boolean exists();

    /** Whether {@code obj} (by primary key) is among the results. */
    boolean contains(T obj);

    /** Computes aggregates over the rows, keyed by their default aliases ({@code price__avg}). */
    Map<String, Object> aggregate(Aggregate... aggregates);

    /** Computes aggregates over the rows, keyed as given. */
    Map<String, Object> aggregate(Map<String, ? extends Expression> aggregates);

    /** The results whose primary key is in {@code ids}, keyed by it. */
    Map<Object, T> inBulk(Collection<?> ids);

    /** The results whose unique field {@code fieldName} is in {@code values}, keyed by it. */
    Map<Object, T> inBulk(Collection<?> values, String fieldName);

    /** Inserts {@code obj} and returns the stored instance (with its generated key). */
    T create(T obj);

    /** Gets the row matching {@code lookup}, or creates it from the lookup's exact values and {@code defaults}. */
    CreateResult<T> getOrCreate(Q lookup, Map<String, ?> defaults);

    /** Updates the row matching {@code lookup} with {@code defaults}, or creates it. */
    CreateResult<T> updateOrCreate(Q lookup, Map<String, ?> defaults);

    /** Inserts every object in as few statements as allowed; returns them with keys set, in order. */
    List<T> bulkCreate(List<T> objs);

    /** Inserts every object with the given options. */
    List<T> bulkCreate(List<T> objs, BulkCreateOptions options);

    /** Updates the given fields of every object by primary key; returns the rows matched. */
    int bulkUpdate(List<T> objs, String... fields);

    /** {@code UPDATE} the matching rows; values may be expressions. Returns the rows matched. */
    int update(Map<String, ?> values);

    /** Deletes the matching rows. */
    DeleteResult delete();

    /** The database's plan for this query. */
    String explain();

    /** One page of results and the total count. */
    Page<T> page(Pageable pageable);

    // ---------------------------------------------------------------- terminal, async twins

    /** Async twin of {@link #list()}. */
    Mono<List<T>> alist();

    /** Async twin of {@link #stream()}: a {@link Flux} with backpressure, fetching the default chunk size. */
    Flux<T> aiterator();

    /** Async twin of {@link #stream(int)}. */
    Flux<T> aiterator(int chunkSize);

    /** Async twin of {@link #get(String, Object)}. */
    Mono<T> aget(String lookup, Object value);

    /** Async twin of {@link #get(Q...)}. */
    Mono<T> aget(Q... conditions);

    /** Async twin of {@link #get(Map)}. */
    Mono<T> aget(Map<String, ?> lookups);

    /** Async twin of {@link #first()}: empty when there is none. */
    Mono<T> afirst();

    /** Async twin of {@link #last()}: empty when there is none. */
    Mono<T> alast();

    /** Async twin of {@link #latest(String...)}. */
    Mono<T> alatest(String... fields);

    /** Async twin of {@link #earliest(String...)}. */
    Mono<T> aearliest(String... fields);

    /** Async twin of {@link #count()}. */
    Mono<Long> acount();

    /** Async twin of {@link #exists()}. */
    Mono<Boolean> aexists();

    /** Async twin of {@link #contains(Object)}. */
    Mono<Boolean> acontains(T obj);

    /** Async twin of {@link #aggregate(Aggregate...)}. */
    Mono<Map<String, Object>> aaggregate(Aggregate... aggregates);

    /** Async twin of {@link #aggregate(Map)}. */
    Mono<Map<String, Object>> aaggregate(Map<String, ? extends Expression> aggregates);

    /** Async twin of {@link #inBulk(Collection)}. */
    Mono<Map<Object, T>> ainBulk(Collection<?> ids);

    /** Async twin of {@link #inBulk(Collection, String)}. */
    Mono<Map<Object, T>> ainBulk(Collection<?> values, String fieldName);

    /** Async twin of {@link #create(Object)}. */
    Mono<T> acreate(T obj);

    /** Async twin of {@link #getOrCreate(Q, Map)}. */
    Mono<CreateResult<T>> agetOrCreate(Q lookup, Map<String, ?> defaults);

    /** Async twin of {@link #updateOrCreate(Q, Map)}. */
    Mono<CreateResult<T>> aupdateOrCreate(Q lookup, Map<String, ?> defaults);

    /** Async twin of {@link #bulkCreate(List)}. */
    Mono<List<T>> abulkCreate(List<T> objs);

    /** Async twin of {@link #bulkCreate(List, BulkCreateOptions)}. */
    Mono<List<T>> abulkCreate(List<T> objs, BulkCreateOptions options);

    /** Async twin of {@link #bulkUpdate(List, String...)}. */
    Mono<Integer> abulkUpdate(List<T> objs, String... fields);

    /** Async twin of {@link #update(Map)}. */
    Mono<Integer> aupdate(Map<String, ?> values);

    /** Async twin of {@link #delete()}. */
    Mono<DeleteResult> adelete();

    /** Async twin of {@link #explain()}. */
    Mono<String> aexplain();

    /** Async twin of {@link #page(Pageable)}. */
    Mono<Page<T>> apage(Pageable pageable);
}
