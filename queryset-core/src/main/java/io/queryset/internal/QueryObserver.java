package io.queryset.internal;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.queryset.observation.DefaultQuerySetObservationConvention;
import io.queryset.observation.QuerySetObservationContext;
import io.queryset.observation.QuerySetObservationConvention;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.context.ContextView;

/**
 * Wraps terminal calls in a {@code queryset.query} Observation. With the no-op registry (no observability
 * configured) every method hands the work back untouched, so an unobserved query pays nothing.
 */
final class QueryObserver {

    /**
     * The Reactor Context key under which Micrometer keeps the current Observation (the value of
     * {@code ObservationThreadLocalAccessor.KEY}, written out: that class needs the optional context-propagation).
     */
    static final String CONTEXT_KEY = "micrometer.observation";

    private static final DefaultQuerySetObservationConvention DEFAULT_CONVENTION = new DefaultQuerySetObservationConvention();

    private final ObservationRegistry registry;

    private final @Nullable QuerySetObservationConvention convention;

    private final String dialect;

    QueryObserver(ObservationRegistry registry, @Nullable QuerySetObservationConvention convention, String dialect) {
        this.registry = registry;
        this.convention = convention;
        this.dialect = dialect;
    }

    boolean isActive() {
        return !registry.isNoop();
    }

    /** {@code work} run inside an observation on this thread. */
    <T> T observe(Operation op, Class<?> model, Side side, Supplier<T> work) {
        if (!isActive()) {
            return work.get();
        }
        Observation observation = startBlocking(op, model, side);
        try (Observation.Scope ignored = observation.openScope()) {
            return work.get();
        } catch (RuntimeException | Error e) {
            observation.error(e);
            throw e;
        } finally {
            observation.stop();
        }
    }

    /** A stream observed from its opening to its close. */
    <R> Stream<R> observeStream(Operation op, Class<?> model, Side side, Supplier<Stream<R>> open) {
        if (!isActive()) {
            return open.get();
        }
        Observation observation = startBlocking(op, model, side);
        Stream<R> stream;
        try (Observation.Scope ignored = observation.openScope()) {
            stream = open.get();
        } catch (RuntimeException | Error e) {
            fail(observation, e);
            throw e;
        }
        return stream.onClose(observation::stop);
    }

    /** {@code work} observed from subscription to its end, as a child of the subscriber's observation. */
    <T> Mono<T> observe(Operation op, Class<?> model, Side side, Mono<T> work) {
        if (!isActive()) {
            return work;
        }
        // Stopped before the signal goes downstream (doFinally would run after it), so whoever sees the result
        // also sees the observation ended.
        return Mono.deferContextual(context -> {
            Observation observation = startAsync(op, model, side, context);
            return work.contextWrite(c -> c.put(CONTEXT_KEY, observation))
                    .doOnSuccess(value -> observation.stop())
                    .doOnError(error -> fail(observation, error))
                    .doOnCancel(() -> cancel(observation));
        });
    }

    /** A Flux observed from subscription to completion, error or cancellation. */
    <R> Flux<R> observe(Operation op, Class<?> model, Side side, Flux<R> work) {
        if (!isActive()) {
            return work;
        }
        return Flux.deferContextual(context -> {
            Observation observation = startAsync(op, model, side, context);
            return work.contextWrite(c -> c.put(CONTEXT_KEY, observation))
                    .doOnComplete(observation::stop)
                    .doOnError(error -> fail(observation, error))
                    .doOnCancel(() -> cancel(observation));
        });
    }

    /** An observation of the blocking side, started as a child of this thread's current one. */
    private Observation startBlocking(Operation op, Class<?> model, Side side) {
        return create(op, model, "blocking", side, registry.getCurrentObservation()).start();
    }

    /** An observation of the async side, started as a child of the one in the subscriber's Reactor Context. */
    private Observation startAsync(Operation op, Class<?> model, Side side, ContextView context) {
        return create(op, model, side.asyncMode(), side, context.getOrDefault(CONTEXT_KEY, null)).start();
    }

    private static void fail(Observation observation, Throwable error) {
        observation.error(error);
        observation.stop();
    }

    private static void cancel(Observation observation) {
        if (observation.getContext() instanceof QuerySetObservationContext c) {
            c.setCancelled();
        }
        observation.stop();
    }

    private Observation create(Operation op, Class<?> model, String mode, Side side, @Nullable Observation parent) {
        QuerySetObservationContext context = new QuerySetObservationContext(model, op.tag(), mode, side.alias(), dialect);
        return Observation.createNotStarted(convention, DEFAULT_CONVENTION, () -> context, registry)
                .parentObservation(parent);
    }
}
