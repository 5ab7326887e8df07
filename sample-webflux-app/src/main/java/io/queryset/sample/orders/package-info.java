/**
 * Orders: a checkout that is blocking {@code @Transactional} work handed to the async side through
 * {@code AsyncBridge}, order history and figures on the async side, and a live Server-Sent Events feed.
 */
@NullMarked
package io.queryset.sample.orders;

import org.jspecify.annotations.NullMarked;
