package io.queryset.sample.books;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.sample.PageResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** {@code GET /books} pages through Spring Data's {@code Pageable}, and refuses page parameters it cannot honour. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class BookPagingTests {

    private static final ParameterizedTypeReference<PageResponse<Book>> BOOK_PAGE = new ParameterizedTypeReference<>() { };

    @Autowired
    WebTestClient client;

    @Test
    void servesTwentyBooksPerPageUnlessAskedOtherwise() {
        PageResponse<Book> first = page("/books");

        assertThat(first.content()).hasSize(20);
        assertThat(first.page().size()).isEqualTo(20);
        assertThat(first.page().number()).isZero();
        assertThat(first.page().totalElements()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void pagesFollowTheRequestedOrderingWithoutGapsOrRepeats() {
        List<Book> all = page("/books?author__icontains=martin&ordering=-price&size=100").content();
        PageResponse<Book> second = page("/books?author__icontains=martin&ordering=-price&size=2&page=1");

        assertThat(all).hasSizeGreaterThanOrEqualTo(4);
        assertThat(second.content()).extracting(Book::title)
                .containsExactly(all.get(2).title(), all.get(3).title());
        assertThat(second.page().totalElements()).isEqualTo(all.size());
        assertThat(second.page().totalPages()).isEqualTo((all.size() + 1) / 2);
    }

    @Test
    void aPagePastTheEndIsEmptyButKnowsTheTotal() {
        PageResponse<Book> beyond = page("/books?author=Kent Beck&page=5&size=10");

        assertThat(beyond.content()).isEmpty();
        assertThat(beyond.page().totalElements()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource({
        "page, abc", "page, -1", "page, 1.5", "page, ''",
        "size, 0", "size, 101", "size, -3", "size, ten",
    })
    void rejectsAPageOrSizeThatIsNotAWholeNumberInRange(String parameter, String value) {
        client.get().uri(uri -> uri.path("/books").queryParam(parameter, value).build()).exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.title").isEqualTo("Invalid query parameter")
                .jsonPath("$.parameter").isEqualTo(parameter)
                .jsonPath("$.detail").value((String detail) -> assertThat(detail)
                        .contains("must be a whole number").contains("'" + value + "'"));
    }

    @Test
    void rejectsAPageSoFarThatNoQueryCouldReachIt() {
        client.get().uri("/books?page=2147483647&size=100").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.parameter").isEqualTo("page")
                .jsonPath("$.detail").value((String detail) -> assertThat(detail).contains("too large"));
    }

    @Test
    void rejectsAParameterGivenTwice() {
        client.get().uri("/books?size=5&size=10").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("size");

        client.get().uri("/books?author=Kent Beck&author=Martin Fowler").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.parameter").isEqualTo("author")
                .jsonPath("$.detail").isEqualTo("Query parameter 'author' was given 2 times; give it once.");
    }

    @Test
    void pointsAtOrderingWhenAClientSendsSpringDataStyleSort() {
        client.get().uri("/books?sort=title,desc").exchange()
                .expectStatus().isBadRequest()
                .expectBody()
                .jsonPath("$.parameter").isEqualTo("sort")
                .jsonPath("$.validChoices").value((List<String> choices) -> assertThat(choices).contains("ordering"));
    }

    @Test
    void pagingParametersBelongOnlyToEndpointsThatReturnPages() {
        client.get().uri("/books/count?page=0").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("page");
    }

    private PageResponse<Book> page(String uri) {
        return client.get().uri(uri).exchange()
                .expectStatus().isOk()
                .expectBody(BOOK_PAGE).returnResult().getResponseBody();
    }
}
