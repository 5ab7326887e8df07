package io.queryset.autoconfigure.bootapp;

import io.queryset.annotation.Column;
import io.queryset.annotation.Model;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/** A ledger entry (its own table name: the test database is shared with other suites). */
@Model(table = "boot_ledger")
public record Ledger(@Id @Nullable Long id, @Column(maxLength = 40) String entry, int cents) {
}
