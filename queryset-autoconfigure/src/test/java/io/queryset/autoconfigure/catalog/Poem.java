package io.queryset.autoconfigure.catalog;

import io.queryset.annotation.Model;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/** A model with one manager interface, {@link PoemManager}. */
@Model
public record Poem(@Id @Nullable Long id, String title, int lines) {
}
