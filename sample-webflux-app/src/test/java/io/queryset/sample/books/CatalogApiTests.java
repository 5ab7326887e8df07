package io.queryset.sample.books;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The relation endpoints over a real server, on the seeded catalog. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CatalogApiTests {

    @Autowired
    WebTestClient client;

    @Test
    void bookDetailCarriesItsPublisherAndAuthors() {
        client.get().uri("/books/1/detail").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.title").isEqualTo("The Pragmatic Programmer")
                .jsonPath("$.publisher.name").isEqualTo("Addison-Wesley")
                .jsonPath("$.authors[*].name").isEqualTo(List.of("Andrew Hunt"));
    }

    @Test
    void bookDetailOfAMissingBookIs404() {
        client.get().uri("/books/999999/detail").exchange().expectStatus().isNotFound();
    }

    @Test
    void leaderboardCountsBooksPerPublisherMostFirst() {
        List<Map<String, Object>> board = client.get().uri("/publishers/leaderboard").exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody();

        assertThat(board).hasSize(7);
        assertThat(board.get(0)).containsEntry("name", "Addison-Wesley").containsEntry("numBooks", 12);
        assertThat(board.get(1)).containsEntry("name", "MIT Press").containsEntry("numBooks", 2);
        assertThat(board).extracting(row -> ((Number) row.get("numBooks")).intValue()).isSortedAccordingTo((a, b) -> b - a);
    }

    @Test
    void publisherComesWithItsBooks() {
        Long mit = client.get().uri("/publishers/leaderboard").exchange()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() { })
                .returnResult().getResponseBody().stream()
                .filter(row -> "MIT Press".equals(row.get("name"))).map(row -> ((Number) row.get("id")).longValue())
                .findFirst().orElseThrow();

        client.get().uri("/publishers/{id}", mit).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.name").isEqualTo("MIT Press")
                .jsonPath("$.books[*].title").isEqualTo(List.of(
                        "Structure and Interpretation of Computer Programs", "Introduction to Algorithms"));
    }

    @Test
    void aMissingPublisherIs404() {
        client.get().uri("/publishers/999999").exchange()
                .expectStatus().isNotFound()
                .expectBody().jsonPath("$.detail").isEqualTo("Publisher matching query does not exist.");
    }

    @Test
    void storesComeWithTheirBooksAndPublishers() {
        client.get().uri("/stores").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$[*].name").isEqualTo(List.of("Amazon.com", "Books.com", "Mamma and Pappa's Books"))
                .jsonPath("$[2].books[*].title").isEqualTo(List.of("The Mythical Man-Month", "Code Complete", "Release It!"))
                .jsonPath("$[2].books[2].publisher.name").isEqualTo("Pragmatic Bookshelf");
    }
}
