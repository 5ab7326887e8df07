package io.queryset.internal.exec;

import java.util.function.Predicate;
import org.springframework.transaction.NoTransactionException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;
import reactor.core.publisher.Mono;

/** Questions about the subscriber's reactive transaction, answered false outside one. */
public final class ReactiveTransactions {

    private ReactiveTransactions() {
    }

    /** {@code question} asked of the subscriber's transaction synchronization; false when there is none. */
    public static Mono<Boolean> ask(Predicate<TransactionSynchronizationManager> question) {
        return TransactionSynchronizationManager.forCurrentTransaction()
                .map(question::test)
                .onErrorResume(NoTransactionException.class, e -> Mono.just(false))
                .defaultIfEmpty(false);
    }
}
