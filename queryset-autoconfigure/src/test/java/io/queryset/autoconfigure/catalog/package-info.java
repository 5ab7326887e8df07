/** A model with application-declared manager interfaces, found through {@code queryset.packages}. */
@NullMarked
package io.queryset.autoconfigure.catalog;

import org.jspecify.annotations.NullMarked;
