package io.queryset.internal.sql;

import io.queryset.FieldLookupException;
import io.queryset.LockOptions;
import io.queryset.internal.mapping.FieldInfo;
import io.queryset.internal.query.OrderTerm;
import io.queryset.internal.query.QuerySpec;
import io.queryset.internal.query.RelatedSelection;
import io.queryset.internal.query.SelectOptions;
import io.queryset.internal.query.SqlExpr;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a SELECT that {@link SelectOptions} asks for: combined queries ({@code UNION},
 * {@code INTERSECT}, {@code EXCEPT}), the {@code FOR UPDATE} clause, and the model columns loaded by
 * {@code only}/{@code defer}.
 */
final class SelectExtras {

    private final Dialect dialect;

    SelectExtras(Dialect dialect) {
        this.dialect = dialect;
    }

    /** The model fields a model-row SELECT reads: all of them, or those {@code only}/{@code defer} leave (pk always). */
    static List<FieldInfo> loadedFields(QuerySpec spec) {
        SelectOptions o = spec.options();
        List<FieldInfo> all = spec.model().fields();
        if (o.onlyLoaded() == null && o.deferred().isEmpty()) {
            return all;
        }
        List<FieldInfo> out = new ArrayList<>();
        for (FieldInfo f : all) {
            boolean loaded = f.primaryKey()
                    || ((o.onlyLoaded() == null || o.onlyLoaded().contains(f.name())) && !o.deferred().contains(f.name()));
            if (loaded) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * {@code part UNION part ... ORDER BY n LIMIT ? OFFSET ?}: a sliced part is parenthesized with its own
     * ordering; the combined ordering names result columns by position, as Django does. False when no row can match.
     */
    boolean combined(SqlCompiler compiler, QuerySpec spec, SqlWriter out, boolean withOrdering) {
        String operator = spec.options().combinator();
        List<QuerySpec> parts = spec.options().combined();
        List<SqlWriter> written = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            QuerySpec part = parts.get(i);
            SqlWriter w = new SqlWriter();
            if (!compiler.selectInto(part, w, part.isSliced())) {
                // An empty part: dropped from a UNION and from the subtrahends of an EXCEPT; empties the rest.
                if ("INTERSECT".equals(operator) || ("EXCEPT".equals(operator) && i == 0)) {
                    return false;
                }
                continue;
            }
            written.add(part.isSliced() || part.options().isCombined() ? new SqlWriter().append("(").append(w).append(")") : w);
        }
        if (written.isEmpty()) {
            return false;
        }
        for (int i = 0; i < written.size(); i++) {
            if (i > 0) {
                out.append(" " + operator + " ");
            }
            out.append(written.get(i));
        }
        if (withOrdering) {
            List<OrderTerm> ordering = SqlCompiler.effectiveOrdering(spec, false);
            if (!ordering.isEmpty()) {
                List<SqlExpr> columns = SqlCompiler.selectList(parts.get(0));
                out.append(" ORDER BY ");
                for (int i = 0; i < ordering.size(); i++) {
                    OrderTerm term = ordering.get(i);
                    out.append(i > 0 ? ", " : "");
                    if (term.isRandom()) {
                        out.append(dialect.random());
                    } else {
                        out.append(String.valueOf(position(columns, term.expression()))).append(term.descending() ? " DESC" : " ASC");
                    }
                }
            }
        }
        dialect.limitOffset(out, spec.limit(), spec.offset());
        return true;
    }

    private static int position(List<SqlExpr> columns, SqlExpr term) {
        SqlExpr wanted = unwrap(term);
        for (int i = 0; i < columns.size(); i++) {
            if (unwrap(columns.get(i)).equals(wanted)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException("ORDER BY term does not match any column in the result set.");
    }

    private static SqlExpr unwrap(SqlExpr e) {
        return e instanceof SqlExpr.AnnotationRef a ? a.expression() : e;
    }

    /** Appends {@code FOR UPDATE [OF ...] [NOWAIT | SKIP LOCKED]}. */
    void lock(QuerySpec spec, SqlWriter out) {
        LockOptions lock = spec.options().lock();
        // Checked in Django's order, before anything is sent: what the database lacks, then the names given.
        if (lock.isNowait() && !dialect.supportsSelectForUpdateNowait()) {
            throw NotSupported.by(dialect, "selectForUpdate(nowait)");
        }
        if (lock.isSkipLocked() && !dialect.supportsSelectForUpdateSkipLocked()) {
            throw NotSupported.by(dialect, "selectForUpdate(skipLocked)");
        }
        if (!lock.getOf().isEmpty() && !dialect.supportsSelectForUpdateOf()) {
            throw NotSupported.by(dialect, "selectForUpdate(of) (FOR UPDATE OF)");
        }
        out.append(" FOR UPDATE");
        List<String> of = new ArrayList<>();
        for (String path : lock.getOf()) {
            of.add(lockTarget(spec, path));
        }
        if (of.isEmpty() && !spec.joins().isEmpty() && dialect.locksOnlyTheBaseTableOfOuterJoins()) {
            // Every join is a LEFT OUTER JOIN, whose nullable side PostgreSQL refuses to lock: lock the
            // queried model's rows (Django's of=("self",)) unless the caller names the tables.
            of.add(dialect.quote(spec.model().table()));
        }
        if (!of.isEmpty()) {
            out.append(" OF ").append(String.join(", ", of));
        }
        if (lock.isNowait()) {
            out.append(" NOWAIT");
        }
        if (lock.isSkipLocked()) {
            out.append(" SKIP LOCKED");
        }
    }

    private String lockTarget(QuerySpec spec, String path) {
        if ("self".equals(path)) {
            return dialect.quote(spec.model().table());
        }
        for (RelatedSelection s : spec.selectRelated()) {
            if (s.path().equals(path)) {
                return s.alias();
            }
        }
        List<String> choices = new ArrayList<>();
        choices.add("self");
        spec.selectRelated().forEach(s -> choices.add(s.path()));
        throw new FieldLookupException("Invalid field name(s) given in selectForUpdate(of=(...)): " + path
                + ". Only relational fields followed in the query are allowed. Choices are: " + String.join(", ", choices) + ".");
    }
}
