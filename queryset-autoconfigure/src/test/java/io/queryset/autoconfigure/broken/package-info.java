/** A manager interface the starter must refuse: it declares an abstract query method. */
@NullMarked
package io.queryset.autoconfigure.broken;

import org.jspecify.annotations.NullMarked;
