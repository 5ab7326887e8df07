package io.queryset.observation;

import io.micrometer.common.KeyValues;
import io.queryset.observation.QuerySetObservationDocumentation.LowCardinalityKeys;
import java.util.Locale;

/**
 * The default names: observation {@code queryset.query} (a timer of that name in Micrometer metrics), contextual
 * name {@code "<operation> <Model>"} (the span name), and the low-cardinality keys of
 * {@link QuerySetObservationDocumentation.LowCardinalityKeys}. No SQL and no parameter values: those are
 * high-cardinality and may be sensitive; {@code queryset.sql.log} logs them.
 */
public class DefaultQuerySetObservationConvention implements QuerySetObservationConvention {

    /** The observation (and timer) name. */
    public static final String NAME = "queryset.query";

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String getContextualName(QuerySetObservationContext context) {
        return context.getOperation() + " " + context.getModel().getSimpleName();
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(QuerySetObservationContext context) {
        return KeyValues.of(
                LowCardinalityKeys.MODEL.withValue(context.getModel().getSimpleName()),
                LowCardinalityKeys.OPERATION.withValue(context.getOperation()),
                LowCardinalityKeys.MODE.withValue(context.getMode()),
                LowCardinalityKeys.DATABASE.withValue(context.getDatabase()),
                LowCardinalityKeys.DB_SYSTEM.withValue(context.getDialect().toLowerCase(Locale.ROOT)),
                LowCardinalityKeys.OUTCOME.withValue(context.getOutcome().name()));
    }
}
