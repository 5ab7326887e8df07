package io.queryset.sample.books;

import io.queryset.Manager;
import io.queryset.expr.Count;
import io.queryset.sample.web.InvalidQueryParameterException;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Relations on the async side: a book with its publisher (one query, a join) and authors (one more
 * query), a publisher with its books, the shops with their books and publishers, and two leaderboards.
 */
@RestController
class CatalogController {

    private final BookManager books;
    private final Manager<Publisher> publishers;
    private final Manager<Store> stores;

    CatalogController(BookManager books, Manager<Publisher> publishers, Manager<Store> stores) {
        this.books = books;
        this.publishers = publishers;
        this.stores = stores;
    }

    /** One book with its publisher loaded through a join and its authors prefetched; 404 when missing. */
    @GetMapping("/books/{id}/detail")
    Mono<Book> detail(@PathVariable long id) {
        return books.withPublisherAndAuthors().aget("id", id);
    }

    /** Publishers by number of books, most first: {@code annotate(Count)} grouped per publisher. */
    @GetMapping("/publishers/leaderboard")
    Mono<List<Map<String, Object>>> leaderboard() {
        return publishers.annotate("numBooks", Count.of("books"))
                .orderBy("-numBooks", "name")
                .values("id", "name", "numBooks")
                .alist();
    }

    /** The books sold most, by copies ({@link BookManager#bestsellers()}); {@code limit} is 1 to 50, default 10. */
    @GetMapping("/books/bestsellers")
    Mono<List<Map<String, Object>>> bestsellers(@RequestParam(defaultValue = "10") int limit) {
        if (limit < 1 || limit > 50) {
            throw new InvalidQueryParameterException("limit",
                    "Query parameter 'limit' must be a whole number from 1 to 50, not '" + limit + "'.", List.of());
        }
        return books.bestsellers().slice(0, limit).alist();
    }

    /** One publisher with its books; 404 when missing. */
    @GetMapping("/publishers/{id}")
    Mono<Publisher> publisher(@PathVariable long id) {
        return publishers.prefetchRelated("books").aget("id", id);
    }

    /** Every shop with the books it stocks and their publishers: three queries, whatever the number of shops. */
    @GetMapping("/stores")
    Mono<List<Store>> stores() {
        return stores.prefetchRelated("books__publisher").alist();
    }
}
