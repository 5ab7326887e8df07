package io.queryset.sample.books;

import io.queryset.Manager;
import io.queryset.QuerySet;
import io.queryset.expr.Sum;
import java.util.Collection;
import java.util.Map;

/**
 * The bookstore's own queries over books, declared once and used by the controllers and the checkout:
 * Django's custom manager. The QuerySet starter makes this interface a bean (and the bean that
 * {@code Manager<Book>} injects); each default method returns a lazy QuerySet that the caller finishes
 * blocking ({@code list()}) or async ({@code alist()}).
 */
public interface BookManager extends Manager<Book> {

    /** A book's full page: its publisher joined in the same query, its authors in one more. */
    default QuerySet<Book> withPublisherAndAuthors() {
        return selectRelated("publisher").prefetchRelated("authors");
    }

    /**
     * The books sold most, by copies: a sum over the reverse relation from order lines, kept to books
     * that sold at least once (SQL's HAVING), ties by title. Rows are {@code id, title, author, copiesSold}.
     */
    default QuerySet<Map<String, Object>> bestsellers() {
        return annotate("copiesSold", Sum.of("orderLines__quantity"))
                .filter("copiesSold__gt", 0)
                .orderBy("-copiesSold", "title")
                .values("id", "title", "author", "copiesSold");
    }

    /**
     * These books, their rows locked ({@code SELECT ... FOR UPDATE}) until the caller's transaction ends,
     * so two checkouts cannot both take the last copy. Locked in id order whatever the caller's order,
     * so that two checkouts of the same books never wait for each other's locks (a deadlock).
     */
    default QuerySet<Book> lockedForCheckout(Collection<Long> ids) {
        return filter("id__in", ids).orderBy("id").selectForUpdate();
    }
}
