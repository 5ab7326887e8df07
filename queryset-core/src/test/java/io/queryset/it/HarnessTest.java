package io.queryset.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.it.models.Book;
import io.queryset.testing.BlockHoundSupport;
import io.queryset.testing.DatabaseKind;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import reactor.blockhound.BlockingOperationError;
import reactor.core.Exceptions;
import reactor.core.publisher.Mono;

/** The database matrix itself: each invocation exercises the side and the thread it claims to. */
@TestModels(Book.class)
class HarnessTest {

    @DatabaseMatrix
    void eachModeCallsItsSideOnItsThread(Fixture fx) {
        String blockingThread = Thread.currentThread().getName();

        String thread = fx.call(() -> "blocking:" + Thread.currentThread().getName(),
                () -> Mono.fromSupplier(() -> "async:" + Thread.currentThread().getName()));

        if (fx.mode() == ExecutionMode.BLOCKING) {
            assertThat(thread).isEqualTo("blocking:" + blockingThread);
        } else if (fx.mode() == ExecutionMode.NATIVE && fx.database() == DatabaseKind.H2) {
            assertThat(thread).as("r2dbc-h2 is synchronous: see Fixture").isEqualTo("async:" + blockingThread);
        } else {
            assertThat(thread).startsWith("async:parallel-");
        }
    }

    @DatabaseMatrix(databases = {DatabaseKind.POSTGRES, DatabaseKind.MARIADB}, modes = {ExecutionMode.NATIVE, ExecutionMode.BRIDGED})
    void blockingInsideAnAsyncTwinFailsTheTest(Fixture fx) {
        assertThatThrownBy(() -> fx.call(() -> 0, () -> Mono.fromCallable(() -> {
            Thread.sleep(1);
            return 1;
        }))).satisfies(e -> assertThat(Exceptions.unwrap(e)).isInstanceOf(BlockingOperationError.class));
        assertThat(BlockHoundSupport.drainViolations()).as("also recorded for the after-test check").hasSize(1);
    }

    @DatabaseMatrix(databases = {DatabaseKind.POSTGRES, DatabaseKind.MARIADB}, modes = ExecutionMode.NATIVE)
    void theDriversEventLoopIsWatchedToo(Fixture fx) {
        BookData.seed(fx);
        var books = fx.manager(Book.class);

        // Rows arrive on the R2DBC driver's Netty event loop: blocking there must be caught as well.
        assertThatThrownBy(() -> fx.await(books.acount().map(n -> {
            String thread = Thread.currentThread().getName();
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return thread;
        }))).satisfies(e -> assertThat(Exceptions.unwrap(e)).isInstanceOf(BlockingOperationError.class));
        assertThat(BlockHoundSupport.drainViolations()).hasSize(1);
    }

    @DatabaseMatrix
    void tablesStartEmptyWithFreshKeys(Fixture fx) {
        assertThat(fx.blocking(Book.class).count()).isZero();

        Book first = BookData.seed(fx).get(0);

        assertThat(first.id).as("identities restart for every test").isEqualTo(1L);
    }

    @DatabaseMatrix
    void tablesStartEmptyAgain(Fixture fx) {
        assertThat(fx.blocking(Book.class).count()).isZero();
        assertThat(BookData.seed(fx).get(0).id).isEqualTo(1L);
    }
}
