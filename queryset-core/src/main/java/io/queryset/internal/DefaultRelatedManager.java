package io.queryset.internal;

import io.queryset.CreateResult;
import io.queryset.Q;
import io.queryset.RelatedManager;
import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.mapping.ManyToManyInfo;
import io.queryset.internal.mapping.ModelInfo;
import io.queryset.internal.mapping.RelationHop;
import io.queryset.internal.query.QuerySpec;
import io.queryset.internal.query.Resolver;
import io.queryset.internal.shape.ModelShape;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Mono;

/**
 * A related manager: the QuerySet filtered to the rows related to one instance (Django's
 * {@code core_filters}), plus the writes of {@link RelatedSteps}. Chaining returns plain QuerySets.
 *
 * @param <R> the related model
 */
public final class DefaultRelatedManager<R> extends DefaultQuerySet<R> implements RelatedManager<R> {

    private final ModelInfo<R> target;
    private final RelatedSteps.Link link;

    private DefaultRelatedManager(QueryContext ctx, QuerySpec spec, ModelInfo<R> target, RelatedSteps.Link link) {
        super(ctx, spec, new ModelShape<>(target));
        this.target = target;
        this.link = link;
    }

    /** The manager of {@code owner}'s relation {@code name}: a reverse foreign key or a many-to-many from either side. */
    @SuppressWarnings("unchecked")
    public static <T, R> DefaultRelatedManager<R> of(QueryContext ctx, ModelInfo<T> ownerModel, T owner, String name) {
        RelationHop hop = ownerModel.hop(name);
        if (hop == null) {
            throw ownerModel.unknownField(name, List.of());
        }
        ModelInfo<R> target = (ModelInfo<R>) hop.target();
        Object ownerPk = ownerModel.get(owner, ownerModel.pk());
        if (ownerPk == null) {
            throw new IllegalArgumentException("\"" + owner + "\" needs to have a value for field \"" + ownerModel.pk().name()
                    + "\" before this relationship can be used.");
        }
        RelatedSteps.Link link;
        if (hop.reverseField() != null) {
            FieldInfo fk = hop.reverseField();
            if (fk.relation().oneToOne()) {
                throw new IllegalArgumentException("'" + name + "' is the reverse side of the one-to-one " + target.name() + "."
                        + fk.name() + ": it relates one object, not a set; query " + target.name() + " by '" + fk.name() + "'.");
            }
            link = new RelatedSteps.Link(ownerModel, owner, ownerPk, name, fk.name(), fk, null, fk.column(), fk.column());
        } else if (hop.manyToMany() != null) {
            ManyToManyInfo m = hop.manyToMany();
            boolean forward = m.source() == ownerModel.type() && m.name().equals(name);
            link = forward
                    ? new RelatedSteps.Link(ownerModel, owner, ownerPk, name, m.relatedName(), null, m, m.sourceColumn(), m.targetColumn())
                    : new RelatedSteps.Link(ownerModel, owner, ownerPk, name, m.name(), null, m, m.targetColumn(), m.sourceColumn());
        } else {
            throw new IllegalArgumentException("'" + name + "' is a forward relation of " + ownerModel.name()
                    + ": it holds one object, not a set of related objects. related() takes a reverse foreign key or a many-to-many.");
        }
        QuerySpec base = QuerySpec.of(target);
        Resolver resolver = Resolver.forFilter(base);
        QuerySpec spec = resolver.finish(base.withWhere(resolver.lookup(link.lookup(), ownerPk)));
        return new DefaultRelatedManager<>(ctx, spec, target, link);
    }

    private RelatedSteps<R> related() {
        return new RelatedSteps<>(ctx, target, link, writes());
    }

    @Override
    public void add(Object... objsOrKeys) {
        blocking(Operation.ADD, related().add(objsOrKeys));
    }

    @Override
    public Mono<Void> aadd(Object... objsOrKeys) {
        return async(Operation.ADD, () -> related().add(objsOrKeys)).then();
    }

    @Override
    public void remove(Object... objsOrKeys) {
        blocking(Operation.REMOVE, related().remove(objsOrKeys));
    }

    @Override
    public Mono<Void> aremove(Object... objsOrKeys) {
        return async(Operation.REMOVE, () -> related().remove(objsOrKeys)).then();
    }

    @Override
    public void clear() {
        blocking(Operation.CLEAR, related().clear());
    }

    @Override
    public Mono<Void> aclear() {
        return async(Operation.CLEAR, () -> related().clear()).then();
    }

    @Override
    public void set(Collection<?> objsOrKeys) {
        blocking(Operation.SET, related().set(objsOrKeys));
    }

    @Override
    public Mono<Void> aset(Collection<?> objsOrKeys) {
        return async(Operation.SET, () -> related().set(objsOrKeys)).then();
    }

    @Override
    public R create(R obj) {
        return blocking(Operation.CREATE, related().create(obj));
    }

    @Override
    public Mono<R> acreate(R obj) {
        return async(Operation.CREATE, () -> related().create(obj));
    }

    @Override
    public CreateResult<R> getOrCreate(Q lookup, Map<String, ?> defaults) {
        return blocking(Operation.GET_OR_CREATE, related().getOrCreate(lookup, defaults));
    }

    @Override
    public Mono<CreateResult<R>> agetOrCreate(Q lookup, Map<String, ?> defaults) {
        return async(Operation.GET_OR_CREATE, () -> related().getOrCreate(lookup, defaults));
    }

    @Override
    public CreateResult<R> updateOrCreate(Q lookup, Map<String, ?> defaults) {
        return blocking(Operation.UPDATE_OR_CREATE, related().updateOrCreate(lookup, defaults));
    }

    @Override
    public Mono<CreateResult<R>> aupdateOrCreate(Q lookup, Map<String, ?> defaults) {
        return async(Operation.UPDATE_OR_CREATE, () -> related().updateOrCreate(lookup, defaults));
    }

    @Override
    public String toString() {
        return "RelatedManager<" + target.name() + ">(" + link.ownerModel().name() + "." + link.name() + ")";
    }
}
