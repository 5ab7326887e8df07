package io.queryset.it.models;

import io.queryset.annotation.Model;
import org.springframework.data.annotation.Id;

/**
 * Rows of a PostgreSQL view that the cancellation tests create themselves (not a table): a query the
 * server takes long to answer, to watch what a cancelled subscription does to the running statement.
 */
@Model(table = "it_cnl_slow")
public record CnlSlow(@Id Long id, String label) {
}
