package io.queryset.docs;

import io.queryset.annotation.Column;
import io.queryset.annotation.Model;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.data.annotation.Id;

/**
 * The record model of docs/getting-started.md, docs/models.md, docs/queryset-reference.md and docs/lookups.md,
 * declared exactly as those pages show it.
 */
@Model(ordering = {"-published"}, getLatestBy = "published")
public record Book(@Id Long id,
                   @Column(maxLength = 200) String title,
                   Genre genre,
                   int pages,
                   @Column(precision = 6, scale = 2) BigDecimal price,
                   @Column(nullable = true) LocalDate published) {}
