/**
 * Test support for applications using QuerySet: the {@link io.queryset.test.QuerySetTest @QuerySetTest} slice,
 * which starts only the database, QuerySet and the managers, and
 * {@link io.queryset.test.AutoConfigureQuerySet @AutoConfigureQuerySet}, the auto-configurations it imports.
 */
@NullMarked
package io.queryset.test;

import org.jspecify.annotations.NullMarked;
