package io.queryset.autoconfigure.broken;

import io.queryset.annotation.Model;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/** A model whose manager interface is refused. */
@Model
public record Leaflet(@Id @Nullable Long id, String title) {
}
