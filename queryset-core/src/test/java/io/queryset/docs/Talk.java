package io.queryset.docs;

import io.queryset.annotation.Model;
import java.time.LocalDateTime;
import org.springframework.data.annotation.Id;

/** The date-time model of docs/lookups.md (transforms on a {@code LocalDateTime}), declared as the page shows it. */
@Model(ordering = "startsAt")
public record Talk(@Id Long id, String title, LocalDateTime startsAt) {}
