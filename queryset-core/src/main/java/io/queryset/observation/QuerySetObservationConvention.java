package io.queryset.observation;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;

/** Names and tags the {@code queryset.query} observations; implement it to change them. */
public interface QuerySetObservationConvention extends ObservationConvention<QuerySetObservationContext> {

    @Override
    default boolean supportsContext(Observation.Context context) {
        return context instanceof QuerySetObservationContext;
    }
}
