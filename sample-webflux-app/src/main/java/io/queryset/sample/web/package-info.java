/**
 * What every endpoint of the sample shares: RFC 9457 problem details for errors, and strict
 * {@code page}/{@code size} parameters for Spring Data {@code Pageable}.
 */
@NullMarked
package io.queryset.sample.web;

import org.jspecify.annotations.NullMarked;
