/** A small Spring Boot application on PostgreSQL: the starter as an application meets it. */
@NullMarked
package io.queryset.autoconfigure.bootapp;

import org.jspecify.annotations.NullMarked;
