package io.queryset.sample.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.Manager;
import io.queryset.sample.PageResponse;
import io.queryset.sample.Shop;
import io.queryset.sample.books.Book;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Reading orders back on the async side: pages of orders, figures, and the bestseller list. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class OrderHistoryTests {

    private static final ParameterizedTypeReference<PageResponse<OrderSummary>> ORDER_PAGE =
            new ParameterizedTypeReference<>() { };

    @Autowired
    WebTestClient client;

    @Autowired
    Manager<Book> books;

    @Test
    void theSeededOrdersAreThere() {
        PageResponse<OrderSummary> page = client.get().uri("/orders?size=100").exchange()
                .expectStatus().isOk()
                .expectBody(ORDER_PAGE).returnResult().getResponseBody();

        assertThat(page.content()).extracting(OrderSummary::customer)
                .contains("Ada Lovelace", "Grace Hopper", "Linus Torvalds");
        assertThat(page.content()).allSatisfy(order -> assertThat(order.items()).isNotEmpty());
    }

    @Test
    void listsOrdersNewestFirstAPageAtATime() {
        Book book = Shop.stock(books, 10, "9.99");
        OrderSummary older = Shop.buy(client, "Ken Thompson", Map.of(book.id(), 1));
        OrderSummary newer = Shop.buy(client, "Dennis Ritchie", Map.of(book.id(), 2));

        PageResponse<OrderSummary> first = client.get().uri("/orders?size=2").exchange()
                .expectStatus().isOk()
                .expectBody(ORDER_PAGE).returnResult().getResponseBody();

        assertThat(first.content()).containsExactly(newer, older);
        assertThat(first.page().totalElements()).isGreaterThanOrEqualTo(9);
    }

    @Test
    void rejectsBadPagingAndUnknownParameters() {
        client.get().uri("/orders?size=0").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("size");
        client.get().uri("/orders?customer=Ada").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.parameter").isEqualTo("customer")
                .jsonPath("$.validChoices").isEqualTo(List.of("page", "size"));
    }

    @Test
    void figuresGrowByEachOrder() {
        Book book = Shop.stock(books, 10, "12.25");
        OrderStatistics before = stats();

        Shop.buy(client, "Frances Allen", Map.of(book.id(), 4));

        OrderStatistics after = stats();
        assertThat(after.orders()).isEqualTo(before.orders() + 1);
        assertThat(after.revenue()).isEqualByComparingTo(before.revenue().add(new BigDecimal("49.00")));
        assertThat(after.copiesSold()).isEqualTo(before.copiesSold() + 4);
    }

    @Test
    void bestsellersRankBooksByCopiesSold() {
        Book hit = Shop.stock(books, 90, "5.00");
        Shop.buy(client, "John Backus", Map.of(hit.id(), 50));
        Shop.buy(client, "Fran Allen", Map.of(hit.id(), 30));

        client.get().uri("/books/bestsellers?limit=3").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(3)
                .jsonPath("$[0].title").isEqualTo(hit.title())
                .jsonPath("$[0].copiesSold").isEqualTo(80)
                .jsonPath("$[1].copiesSold").value((Number sold) -> assertThat(sold.intValue()).isBetween(1, 80));
    }

    @Test
    void bestsellersRefuseALimitOutOfRange() {
        client.get().uri("/books/bestsellers?limit=0").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("limit");
        client.get().uri("/books/bestsellers?limit=many").exchange()
                .expectStatus().isBadRequest();
    }

    private OrderStatistics stats() {
        return client.get().uri("/orders/stats").exchange()
                .expectStatus().isOk()
                .expectBody(OrderStatistics.class).returnResult().getResponseBody();
    }
}
