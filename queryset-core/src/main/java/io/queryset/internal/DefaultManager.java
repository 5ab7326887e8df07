package io.queryset.internal;

import io.queryset.DeleteResult;
import io.queryset.Manager;
import io.queryset.RelatedManager;
import io.queryset.internal.mapping.ModelInfo;
import io.queryset.internal.query.QuerySpec;
import io.queryset.internal.shape.ModelShape;
import reactor.core.publisher.Mono;

/** The Manager: the QuerySet of all rows plus the single-instance operations. */
public final class DefaultManager<T> extends DefaultQuerySet<T> implements Manager<T> {

    private final ModelInfo<T> model;

    public DefaultManager(QueryContext ctx, ModelInfo<T> model) {
        super(ctx, QuerySpec.of(model), new ModelShape<>(model));
        this.model = model;
    }

    @Override
    public Class<T> model() {
        return model.type();
    }

    @Override
    public T save(T obj) {
        return blocking(Operation.SAVE, writes().save(obj));
    }

    @Override
    public DeleteResult delete(T obj) {
        return blocking(Operation.DELETE, writes().delete(obj));
    }

    @Override
    public T refresh(T obj) {
        return blocking(Operation.REFRESH, writes().refresh(obj));
    }

    @Override
    public <R> RelatedManager<R> related(T obj, String name) {
        return DefaultRelatedManager.of(ctx, model, obj, name);
    }

    @Override
    public <R> RelatedManager<R> m2m(T obj, String field) {
        return related(obj, field);
    }

    @Override
    public Mono<T> asave(T obj) {
        return async(Operation.SAVE, () -> writes().save(obj));
    }

    @Override
    public Mono<DeleteResult> adelete(T obj) {
        return async(Operation.DELETE, () -> writes().delete(obj));
    }

    @Override
    public Mono<T> arefresh(T obj) {
        return async(Operation.REFRESH, () -> writes().refresh(obj));
    }

    @Override
    public String toString() {
        return "Manager<" + model.name() + ">";
    }
}
