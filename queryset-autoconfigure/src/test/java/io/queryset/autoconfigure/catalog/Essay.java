package io.queryset.autoconfigure.catalog;

import io.queryset.annotation.Model;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/** A model with two manager interfaces: the plain manager stays the primary {@code Manager<Essay>}. */
@Model
public record Essay(@Id @Nullable Long id, String title) {
}
