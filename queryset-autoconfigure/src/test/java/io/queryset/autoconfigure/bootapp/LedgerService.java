package io.queryset.autoconfigure.bootapp;

import io.queryset.Manager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import reactor.core.publisher.Mono;

/** Unqualified @Transactional on both sides: the starter routes each to its manager by return type. */
@Service
public class LedgerService {

    private final Manager<Ledger> ledger;

    public LedgerService(Manager<Ledger> ledger) {
        this.ledger = ledger;
    }

    /** Writes an entry on JDBC, then fails: the JDBC transaction rolls back. */
    @Transactional
    public void recordThenFail(String entry) {
        ledger.create(new Ledger(null, entry, 100));
        throw new IllegalStateException("refused after writing " + entry);
    }

    /** Writes an entry on R2DBC, then fails: the reactive transaction rolls back. */
    @Transactional
    public Mono<Ledger> arecordThenFail(String entry) {
        return ledger.acreate(new Ledger(null, entry, 100))
                .then(Mono.error(new IllegalStateException("refused after writing " + entry)));
    }

    /** Writes an entry on R2DBC and commits. */
    @Transactional
    public Mono<Ledger> arecord(String entry, int cents) {
        return ledger.acreate(new Ledger(null, entry, cents));
    }
}
