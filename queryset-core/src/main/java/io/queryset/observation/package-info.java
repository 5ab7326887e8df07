/**
 * Micrometer Observation of queries: one {@code queryset.query} observation per terminal call, on both sides.
 * Register an {@code ObservationRegistry} with {@code Database.Builder.observationRegistry} (the Spring Boot starter
 * uses the application's) to get timers and traces.
 */
@NullMarked
package io.queryset.observation;

import org.jspecify.annotations.NullMarked;
