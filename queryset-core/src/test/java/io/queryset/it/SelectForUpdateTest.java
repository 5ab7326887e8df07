package io.queryset.it;

import static io.queryset.it.BookData.AIMA;
import static io.queryset.it.BookData.PRACTICAL;
import static io.queryset.it.BookData.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.LockOptions;
import io.queryset.Manager;
import io.queryset.QuerySet;
import io.queryset.it.models.Book;
import io.queryset.testing.DatabaseMatrix;
import io.queryset.testing.ExecutionMode;
import io.queryset.testing.Fixture;
import io.queryset.testing.TestModels;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.transaction.support.TransactionTemplate;

/** selectForUpdate (API.md §3): FOR UPDATE inside Spring transactions, NOWAIT and SKIP LOCKED against a held lock. */
@TestModels(Book.class)
class SelectForUpdateTest {

    @DatabaseMatrix
    void selectForUpdateReturnsTheRowsOnEverySide(Fixture fx) {
        BookData.seed(fx);
        QuerySet<Book> locked = fx.manager(Book.class).filter("pages__lt", 400).selectForUpdate();

        // Outside a transaction the lock ends with the statement; the rows are the same.
        assertThat(names(fx, locked)).containsExactly(PRACTICAL, BookData.PYTHON_WEB);
        assertThat(fx.count(locked)).isEqualTo(2);
        assertThat(fx.call(() -> locked.get("name", PRACTICAL), () -> locked.aget("name", PRACTICAL)).pages).isEqualTo(300);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void aLockHeldInATransactionTemplateMakesNowaitFailAndSkipLockedSkip(Fixture fx) throws Exception {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(fx.dataSource()));

        tx.executeWithoutResult(status -> {
            List<Book> held = books.filter("name", AIMA).selectForUpdate().list();
            assertThat(held).hasSize(1);
            // Another connection (another thread, outside this transaction) meets the lock.
            assertThatThrownBy(() -> onOtherConnection(() -> books.filter("name", AIMA)
                    .selectForUpdate(LockOptions.defaults().nowait()).list()))
                    .isInstanceOf(DataAccessException.class);
            List<Book> unlocked = onOtherConnection(() -> books.filter("pages__gt", 900)
                    .selectForUpdate(LockOptions.defaults().skipLocked()).list());
            assertThat(unlocked).extracting(b -> b.name).containsExactly(BookData.PARADIGMS);
        });
        // Committed: the lock is gone.
        assertThat(books.filter("name", AIMA).selectForUpdate(LockOptions.defaults().nowait()).list()).hasSize(1);
    }

    @DatabaseMatrix(modes = ExecutionMode.NATIVE)
    void aTransactionalOperatorHoldsTheLockOnTheNativeSide(Fixture fx) {
        BookData.seed(fx);
        Manager<Book> books = fx.manager(Book.class);
        TransactionalOperator tx = TransactionalOperator.create(new R2dbcTransactionManager(fx.connectionFactory()));

        List<Book> held = fx.await(tx.transactional(books.filter("name", AIMA).selectForUpdate().alist()
                .flatMap(rows -> books.filter("pk", rows.get(0).id).aupdate(java.util.Map.of("pages", 1133)).thenReturn(rows))));
        assertThat(held).extracting(b -> b.name).containsExactly(AIMA);
        assertThat(fx.blocking(Book.class).get("name", AIMA).pages).isEqualTo(1133);
    }

    @DatabaseMatrix(modes = ExecutionMode.BLOCKING)
    void lockingTheRowsOfASelectedRelationNeedsItInSelectRelated(Fixture fx) {
        if (fx.isMariaDb()) {
            // MariaDB has no FOR UPDATE OF: refused before anything is sent, as Django's NotSupportedError.
            assertThatThrownBy(() -> fx.manager(Book.class).selectForUpdate(LockOptions.defaults().of("self")).list())
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessage("selectForUpdate(of) (FOR UPDATE OF) is not supported by MariaDB.");
        } else {
            assertThatThrownBy(() -> fx.manager(Book.class).selectForUpdate(LockOptions.defaults().of("publisher")).list())
                    .hasMessageContaining("Invalid field name(s) given in selectForUpdate(of=(...)): publisher.");
        }
        assertThatThrownBy(() -> LockOptions.defaults().skipLocked().nowait())
                .isInstanceOf(IllegalArgumentException.class).hasMessage("The nowait option cannot be used with skipLocked.");
    }

    private static <R> R onOtherConnection(java.util.function.Supplier<R> work) {
        try {
            return CompletableFuture.supplyAsync(work).get(20, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
