package io.queryset.sample.books;

import io.queryset.expr.Avg;
import io.queryset.expr.Count;
import io.queryset.expr.Expression;
import io.queryset.expr.Max;
import io.queryset.expr.Min;
import io.queryset.expr.Sum;
import java.math.BigDecimal;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * The books API. Every handler uses only {@code a}-prefixed QuerySet methods, which return before any
 * database work: on an event-loop thread a blocking call would throw SynchronousOnlyOperationException.
 */
@RestController
@RequestMapping("/books")
class BookController {

    private final BookManager books;

    BookController(BookManager books) {
        this.books = books;
    }

    /**
     * A page of the books matching the allowlisted filters, e.g.
     * {@code ?author=Kent Beck&ordering=-published&page=0&size=10}: Spring Data's {@code PagedModel},
     * the rows of the page under {@code content} and the totals under {@code page}.
     */
    @GetMapping
    Mono<PagedModel<Book>> list(@RequestParam MultiValueMap<String, String> params, Pageable pageable) {
        return BookSearch.listingFrom(params).applyTo(books).apage(pageable).map(PagedModel::new);
    }

    /** How many books match the same filters as {@link #list}. */
    @GetMapping("/count")
    Mono<Map<String, Long>> count(@RequestParam MultiValueMap<String, String> params) {
        return BookSearch.filtersFrom(params).applyTo(books).acount().map(count -> Map.of("count", count));
    }

    /** Count, stock and price figures over the books matching the same filters as {@link #list}: one query. */
    @GetMapping("/stats")
    Mono<BookStatistics> stats(@RequestParam MultiValueMap<String, String> params) {
        Map<String, Expression> figures = new LinkedHashMap<>();
        figures.put("books", Count.of("id"));
        figures.put("copiesInStock", Sum.of("stock").defaultValue(0));
        figures.put("averagePrice", Avg.of("price"));
        figures.put("lowestPrice", Min.of("price"));
        figures.put("highestPrice", Max.of("price"));
        figures.put("averageRating", Avg.of("rating"));
        return BookSearch.filtersFrom(params).applyTo(books).aaggregate(figures).map(BookStatistics::from);
    }

    /** One book; 404 when there is none with this id. */
    @GetMapping("/{id}")
    Mono<Book> get(@PathVariable long id) {
        return books.aget("id", id);
    }

    /** Stores a new book and answers 201 with its location. */
    @PostMapping
    Mono<ResponseEntity<Book>> create(@RequestBody Book book, UriComponentsBuilder uri) {
        requireValid(book);
        return books.acreate(book.withoutId()).map(saved -> {
            URI location = uri.path("/books/{id}").buildAndExpand(saved.id()).toUri();
            return ResponseEntity.created(location).body(saved);
        });
    }

    private static void requireValid(Book book) {
        if (!StringUtils.hasText(book.title()) || !StringUtils.hasText(book.author())) {
            throw new ServerWebInputException("A book needs a title and an author.");
        }
        if (book.pages() < 1 || book.stock() < 0) {
            throw new ServerWebInputException("A book needs at least one page, and its stock cannot be negative.");
        }
        // Jackson leaves a field the body lacks null, whatever the record declares.
        if (book.price() == null || book.price().compareTo(BigDecimal.ZERO) < 0 || book.published() == null) {
            throw new ServerWebInputException("A book needs a price of 0 or more and a publication date.");
        }
    }
}
