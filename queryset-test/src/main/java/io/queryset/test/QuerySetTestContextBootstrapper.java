package io.queryset.test;

import org.springframework.boot.test.autoconfigure.TestSliceTestContextBootstrapper;

/**
 * Boots a {@link QuerySetTest @QuerySetTest} context the way {@code @SpringBootTest} does (finding the
 * application's {@code @SpringBootConfiguration}), adding the annotation's {@link QuerySetTest#properties()}.
 */
class QuerySetTestContextBootstrapper extends TestSliceTestContextBootstrapper<QuerySetTest> {
}
