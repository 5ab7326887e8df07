package io.queryset.autoconfigure.bootapp;

import io.queryset.Manager;
import io.queryset.QuerySet;

/** The application's queries on the ledger. */
public interface LedgerManager extends Manager<Ledger> {

    /** Entries of at least {@code cents}, largest first. */
    default QuerySet<Ledger> atLeast(int cents) {
        return filter("cents__gte", cents).orderBy("-cents");
    }
}
