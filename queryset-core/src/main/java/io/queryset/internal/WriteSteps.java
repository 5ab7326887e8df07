package io.queryset.internal;

import io.queryset.BulkCreateOptions;
import io.queryset.CreateResult;
import io.queryset.DeleteResult;
import io.queryset.ObjectDoesNotExistException;
import io.queryset.LockOptions;
import io.queryset.Q;
import io.queryset.internal.exec.Step;
import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.mapping.ModelInfo;
import io.queryset.internal.query.Resolver;
import io.queryset.internal.query.QuerySpec;
import io.queryset.internal.query.WhereNode;
import io.queryset.internal.sql.CompiledSql;
import io.queryset.internal.sql.WriteStatements;
import io.queryset.internal.sql.WriteStatements.Conflict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The steps of the model writes: create, bulk create/update, get-or-create, update-or-create, and
 * the Manager's save/delete/refresh. Multi-statement writes run atomically, so a failure leaves no
 * partial rows.
 */
final class WriteSteps<T> {

    private final QueryContext ctx;
    private final ModelInfo<T> model;
    private final Function<QuerySpec, ReadSteps<T>> filtered;
    private final Timestamps timestamps;

    WriteSteps(QueryContext ctx, ModelInfo<T> model, Function<QuerySpec, ReadSteps<T>> filtered) {
        this.ctx = ctx;
        this.model = model;
        this.filtered = filtered;
        this.timestamps = new Timestamps(model);
    }

    private WriteStatements sql() {
        return ctx.writes();
    }

    @Nullable Object pkOf(T obj) {
        return model.get(obj, model.pk());
    }

    private ReadSteps<T> byPk(Object pk) {
        return filtered.apply(QuerySpec.of(model).withWhere(new Resolver(QuerySpec.of(model)).lookup("pk", pk)));
    }

    // ---------------------------------------------------------------- inserts

    Step<T> create(T obj) {
        return insert(List.of(obj), Conflict.RAISE, List.of(), List.of()).map(rows -> rows.get(0));
    }

    Step<List<T>> bulkCreate(List<T> objs, BulkCreateOptions options) {
        if (options.isIgnoreConflicts() && options.isUpdateConflicts()) {
            throw new IllegalArgumentException("ignoreConflicts and updateConflicts are mutually exclusive.");
        }
        Conflict conflict = options.isIgnoreConflicts() ? Conflict.IGNORE
                : options.isUpdateConflicts() ? Conflict.UPDATE : Conflict.RAISE;
        List<FieldInfo> unique = options.getUniqueFields().stream().map(model::requireField).toList();
        List<FieldInfo> update = options.getUpdateFields().stream().map(model::requireField).toList();
        if (conflict == Conflict.UPDATE) {
            if (update.isEmpty()) {
                throw new IllegalArgumentException("Fields that will be updated when a row insertion fails on conflicts must be provided.");
            }
            if (unique.isEmpty() && sql().updateConflictsNeedUniqueFields()) {
                throw new IllegalArgumentException("Unique fields that can trigger the upsert must be provided.");
            }
            if (update.stream().anyMatch(FieldInfo::primaryKey)) {
                throw new IllegalArgumentException("bulkCreate() cannot be used with primary keys in updateFields.");
            }
        }
        if (objs.isEmpty()) {
            return Step.of(List.of());
        }
        Integer batch = options.getBatchSize();
        return insert(objs, conflict, unique, update, batch).atomic();
    }

    private Step<List<T>> insert(List<T> objs, Conflict conflict, List<FieldInfo> unique, List<FieldInfo> update) {
        return insert(objs, conflict, unique, update, null);
    }

    /**
     * Inserts in batches: objects with and without a key go in separate statements (their column lists
     * differ), as in Django; generated keys are written back in input order.
     */
    private Step<List<T>> insert(List<T> input, Conflict conflict, List<FieldInfo> unique, List<FieldInfo> update,
                                 @Nullable Integer batchSize) {
        List<T> objs = new ArrayList<>(input.size());
        for (T obj : input) {
            objs.add(timestamps.beforeInsert(obj));
        }
        FieldInfo pk = model.pk();
        List<Integer> withKey = new ArrayList<>();
        List<Integer> withoutKey = new ArrayList<>();
        for (int i = 0; i < objs.size(); i++) {
            (pk.generated() && model.get(objs.get(i), pk) == null ? withoutKey : withKey).add(i);
        }
        List<FieldInfo> allColumns = model.fields();
        List<FieldInfo> noKeyColumns = allColumns.stream().filter(f -> !f.primaryKey()).toList();
        Step<List<T>> step = Step.of(objs);
        step = insertGroup(step, withKey, allColumns, conflict, unique, update, batchSize, false);
        step = insertGroup(step, withoutKey, noKeyColumns, conflict, unique, update, batchSize, true);
        return step;
    }

    private Step<List<T>> insertGroup(Step<List<T>> previous, List<Integer> indexes, List<FieldInfo> columns,
                                      Conflict conflict, List<FieldInfo> unique, List<FieldInfo> update,
                                      @Nullable Integer batchSize, boolean setKeys) {
        if (indexes.isEmpty()) {
            return previous;
        }
        sql().checkConflictTarget(model, columns, conflict, unique);
        int perStatement = Math.max(1, ctx.dialect().maxParameters() / Math.max(1, columns.size()));
        int size = batchSize == null ? perStatement : Math.min(batchSize, perStatement);
        Step<List<T>> step = previous;
        for (int from = 0; from < indexes.size(); from += size) {
            List<Integer> batch = indexes.subList(from, Math.min(indexes.size(), from + size));
            boolean returnKeys = setKeys && sql().returnsKeys(conflict)
                    && (batch.size() == 1 || sql().reportsKeysOfMultiRowInserts());
            boolean keysAsRows = returnKeys && sql().returnsKeysAsRows();
            step = step.then(objs -> {
                List<Object[]> rows = new ArrayList<>(batch.size());
                for (int i : batch) {
                    rows.add(values(objs.get(i), columns));
                }
                CompiledSql insert = keysAsRows ? sql().insertReturningKeys(model, columns, rows, conflict, unique, update)
                        : sql().insert(model, columns, rows, conflict, unique, update);
                @SuppressWarnings("unchecked")
                Class<Object> keyType = (Class<Object>) org.springframework.util.ClassUtils.resolvePrimitiveIfNecessary(model.pk().javaType());
                return new Step.Insert<>(insert, model.pk().column(), keyType, returnKeys, keysAsRows).map(keys -> {
                    if (!returnKeys) {
                        return objs;
                    }
                    List<T> next = new ArrayList<>(objs);
                    for (int k = 0; k < keys.size() && k < batch.size(); k++) {
                        next.set(batch.get(k), model.with(objs.get(batch.get(k)), model.pk(), keys.get(k)));
                    }
                    return next;
                });
            });
        }
        return step;
    }

    private Object[] values(T obj, List<FieldInfo> columns) {
        Object[] values = new Object[columns.size()];
        for (int c = 0; c < values.length; c++) {
            values[c] = model.get(obj, columns.get(c));
        }
        return values;
    }

    // ---------------------------------------------------------------- updates

    Step<Integer> bulkUpdate(List<T> objs, String[] fieldNames) {
        if (fieldNames.length == 0) {
            throw new IllegalArgumentException("Field names must be given to bulkUpdate().");
        }
        List<FieldInfo> fields = new ArrayList<>();
        for (String name : fieldNames) {
            FieldInfo f = model.requireField(name);
            if (f.primaryKey()) {
                throw new IllegalArgumentException("bulkUpdate() cannot be used with primary key fields.");
            }
            fields.add(f);
        }
        List<Object> pks = new ArrayList<>(objs.size());
        for (T obj : objs) {
            Object pk = pkOf(obj);
            if (pk == null) {
                throw new IllegalArgumentException("All bulkUpdate() objects must have a primary key set.");
            }
            pks.add(pk);
        }
        if (objs.isEmpty()) {
            return Step.of(0);
        }
        int perRow = 2 * fields.size() + 1;
        int size = Math.max(1, ctx.dialect().maxParameters() / perRow);
        Step<Integer> step = Step.of(0);
        for (int from = 0; from < objs.size(); from += size) {
            int to = Math.min(objs.size(), from + size);
            List<Object[]> values = new ArrayList<>(to - from);
            for (int i = from; i < to; i++) {
                values.add(values(objs.get(i), fields));
            }
            CompiledSql update = sql().bulkUpdate(model, fields, pks.subList(from, to), values);
            step = step.then(total -> Step.update(update).map(n -> total + n.intValue()));
        }
        return step.atomic();
    }

    /** Manager.save: INSERT when the key is null, else UPDATE by key (with the version check), else INSERT. */
    Step<T> save(T input) {
        Object pk = pkOf(input);
        if (pk == null) {
            return create(input);
        }
        T obj = timestamps.beforeUpdate(input);
        FieldInfo version = model.version();
        Object expected = version == null ? null : model.get(obj, version);
        T next = version == null ? obj : model.with(obj, version, Versions.next(expected, version));
        // An instance read by only()/defer() writes its loaded fields only, so the others keep their stored values.
        java.util.Set<String> loaded = io.queryset.internal.mapping.LoadedFields.get().of(input);
        List<FieldInfo> columns = model.fields().stream().filter(f -> !f.primaryKey())
                .filter(f -> loaded == null || loaded.contains(f.name()) || f == version).toList();
        if (columns.isEmpty()) {
            return Step.of(next); // only the key was loaded: nothing to write, as Django's save(update_fields=[])
        }
        CompiledSql update = sql().updateByPk(model, columns, values(next, columns), pk, expected);
        return Step.update(update).then(rows -> {
            if (rows > 0) {
                if (loaded != null && next != input) {
                    io.queryset.internal.mapping.LoadedFields.get().remember(next, loaded);
                }
                return Step.of(next);
            }
            if (version != null && expected != null) {
                return Step.fail(new OptimisticLockingFailureException("Failed to update " + model.name() + " with id "
                        + pk + " and version " + expected + ": the row was changed or deleted by someone else."));
            }
            return insert(List.of(next), Conflict.RAISE, List.of(), List.of()).map(rows2 -> rows2.get(0));
        });
    }

    Step<DeleteResult> delete(T obj) {
        Object pk = pkOf(obj);
        if (pk == null) {
            throw new IllegalArgumentException(model.name() + " object can't be deleted because its " + model.pk().name()
                    + " attribute is set to null.");
        }
        return new DeleteCollector(ctx).deleteByPk(model, pk);
    }

    Step<T> refresh(T obj) {
        Object pk = pkOf(obj);
        if (pk == null) {
            throw new IllegalArgumentException("Cannot refresh an unsaved " + model.name() + ".");
        }
        return byPk(pk).get().map(fresh -> {
            if (model.type().isRecord()) {
                return fresh;
            }
            var accessor = model.accessor(obj);
            for (FieldInfo f : model.fields()) {
                accessor.setProperty(f.property(), model.get(fresh, f));
            }
            io.queryset.internal.mapping.LoadedFields.get().forget(obj); // every field is loaded now
            return obj;
        });
    }

    // ---------------------------------------------------------------- get or create

    Step<CreateResult<T>> getOrCreate(Q lookup, Map<String, ?> defaults) {
        return getOrCreate(matching(lookup, false), lookup, defaults);
    }

    private Step<CreateResult<T>> getOrCreate(ReadSteps<T> matching, Q lookup, Map<String, ?> defaults) {
        T candidate = newInstance(lookup, defaults);
        return matching.get().map(found -> new CreateResult<>(found, false))
                .recover(ObjectDoesNotExistException.class, missing -> create(candidate).atomic()
                        .map(created -> new CreateResult<>(created, true))
                        // Another writer created it between our get and insert: Django falls back to get.
                        .recover(DataIntegrityViolationException.class, conflict -> matching.get()
                                .map(found -> new CreateResult<>(found, false))
                                .recover(ObjectDoesNotExistException.class, gone -> Step.fail(conflict))));
    }

    /**
     * Django's {@code update_or_create}: {@code select_for_update().get_or_create(...)} in one atomic block, so the
     * row stays locked until the update is saved and a concurrent creator falls back to the get.
     *
     * <p>On MariaDB the callers that lost the race to insert keep a shared lock on the new row's key until their
     * transaction ends; two of them locking it for the update deadlock, and the database rolls one back. Run anew (when
     * this block began the transaction), it finds the row and waits for its lock like any other updater.
     */
    Step<CreateResult<T>> updateOrCreate(Q lookup, Map<String, ?> defaults) {
        Map<FieldInfo, Object> converted = convert(defaults);
        return getOrCreate(matching(lookup, true), lookup, defaults).then(result -> {
            if (result.created()) {
                return Step.of(result);
            }
            T updated = result.object();
            for (Map.Entry<FieldInfo, Object> e : converted.entrySet()) {
                updated = model.with(updated, e.getKey(), e.getValue());
            }
            return save(updated).map(saved -> new CreateResult<>(saved, false));
        }).atomicRestartedWhenRolledBack(3);
    }

    private ReadSteps<T> matching(Q lookup, boolean lock) {
        QuerySpec base = QuerySpec.of(model);
        Resolver resolver = Resolver.forFilter(base);
        WhereNode where = resolver.condition(lookup);
        if (where == null) {
            throw new IllegalArgumentException("getOrCreate() and updateOrCreate() need a lookup");
        }
        QuerySpec spec = resolver.finish(base.withWhere(where));
        return filtered.apply(lock ? spec.withOptions(spec.options().withLock(LockOptions.defaults())) : spec);
    }

    /** Django's creation params: the lookup's plain (exact) conditions, then the defaults. */
    private T newInstance(Q lookup, Map<String, ?> defaults) {
        Map<String, Object> params = new LinkedHashMap<>();
        collectExact(lookup, params);
        params.putAll(defaults);
        Map<FieldInfo, Object> values = convert(params);
        return model.newInstance(values);
    }

    private static void collectExact(Q q, Map<String, Object> params) {
        if (q.isNegated() || (q.connector() == Q.Connector.OR && q.children().size() > 1)) {
            return;
        }
        for (Object child : q.children()) {
            if (child instanceof Q nested) {
                collectExact(nested, params);
            } else {
                Q.Condition c = (Q.Condition) child;
                String key = c.lookup().endsWith("__exact") ? c.lookup().substring(0, c.lookup().length() - 7) : c.lookup();
                if (!key.contains("__")) {
                    params.put(key, c.value());
                }
            }
        }
    }

    private Map<FieldInfo, Object> convert(Map<String, ?> values) {
        Map<FieldInfo, Object> out = new LinkedHashMap<>();
        values.forEach((name, value) -> {
            FieldInfo f = model.requireField(name);
            out.put(f, f.convertInput(value, model.name()));
        });
        return out;
    }
}
