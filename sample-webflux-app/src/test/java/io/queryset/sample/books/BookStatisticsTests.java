package io.queryset.sample.books;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.sample.PageResponse;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET /books/stats}: one {@code aaggregate} query over the same allowlisted filters as the list. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class BookStatisticsTests {

    @Autowired
    WebTestClient client;

    @Test
    void aggregatesTheMatchingBooks() {
        BookStatistics stats = stats("/books/stats?author=Kent Beck");

        assertThat(stats.books()).isEqualTo(2);
        assertThat(stats.averagePrice()).isEqualByComparingTo("33.99");
        assertThat(stats.lowestPrice()).isEqualByComparingTo("32.99");
        assertThat(stats.highestPrice()).isEqualByComparingTo("34.99");
        assertThat(stats.averageRating()).isEqualByComparingTo("4.00");
        // Other tests buy books, so the stock is compared with the rows rather than with a number.
        int stock = client.get().uri("/books?author=Kent Beck").exchange()
                .expectBody(new ParameterizedTypeReference<PageResponse<Book>>() { })
                .returnResult().getResponseBody().content().stream().mapToInt(Book::stock).sum();
        assertThat(stats.copiesInStock()).isEqualTo(stock);
    }

    @Test
    void overNoBooksCountsZeroAndLeavesAveragesEmpty() {
        client.get().uri("/books/stats?title__icontains=no such title").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.books").isEqualTo(0)
                .jsonPath("$.copiesInStock").isEqualTo(0)
                .jsonPath("$.averagePrice").isEmpty()
                .jsonPath("$.highestPrice").isEmpty();
    }

    @Test
    void coversTheWholeCatalogWithoutFilters() {
        BookStatistics stats = stats("/books/stats");

        assertThat(stats.books()).isGreaterThanOrEqualTo(20);
        assertThat(stats.highestPrice()).isGreaterThanOrEqualTo(new BigDecimal("99.00"));
    }

    @Test
    void rejectsOrderingAndUnknownFilters() {
        client.get().uri("/books/stats?ordering=title").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("ordering");
    }

    private BookStatistics stats(String uri) {
        return client.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(BookStatistics.class).returnResult().getResponseBody();
    }
}
