package io.queryset.sample.books;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.AsyncMode;
import io.queryset.Database;
import io.queryset.Manager;
import io.queryset.sample.PageResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Every endpoint over a real server, so handlers run on Netty event-loop threads where a blocking
 * QuerySet call would fail with SynchronousOnlyOperationException.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class BookApiTests {

    private static final ParameterizedTypeReference<PageResponse<Book>> BOOK_PAGE = new ParameterizedTypeReference<>() { };

    @Autowired
    WebTestClient client;

    @Autowired
    Database database;

    @Autowired
    Manager<Book> books;

    @Test
    void servesFromTheNativeAsyncSideOfTheSharedInMemoryDatabase() {
        assertThat(database.asyncMode()).isEqualTo(AsyncMode.NATIVE);
        assertThat(database.dataSource()).isNotNull();
        assertThat(database.dialectName()).isEqualTo("H2");
    }

    @Test
    void theBookManagerInterfaceIsWhatManagerOfBookInjects() {
        assertThat(books).isInstanceOf(BookManager.class);
        assertThat(((BookManager) books).withPublisherAndAuthors().get("title", "Refactoring").publisher().name())
                .isEqualTo("Addison-Wesley");
    }

    @Test
    void listsTheSeededBooksInIdOrder() {
        List<Book> books = client.get().uri("/books?size=100").exchange()
                .expectStatus().isOk()
                .expectBody(BOOK_PAGE).returnResult().getResponseBody().content();

        assertThat(books).hasSizeGreaterThanOrEqualTo(20);
        assertThat(books).extracting(Book::id).isSorted();
        assertThat(books.get(0).title()).isEqualTo("The Pragmatic Programmer");
    }

    @Test
    void filtersByEveryAllowedLookup() {
        client.get().uri("/books?author=Kent Beck").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].title")
                .isEqualTo(List.of("Test-Driven Development: By Example", "Extreme Programming Explained"));

        client.get().uri("/books?title__icontains=java&pages__gte=420").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].title").isEqualTo(List.of("Java Concurrency in Practice"));

        client.get().uri("/books?published__year=2017&rating__gte=4.5&price__lt=45").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].title").isEqualTo(List.of("Effective Java"));

        client.get().uri("/books?pages__lte=240&author__icontains=beck").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content.length()").isEqualTo(2);
    }

    @Test
    void ordersByTheRequestedFields() {
        client.get().uri("/books?author=Martin Fowler&ordering=-published").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[*].title")
                .isEqualTo(List.of("Patterns of Enterprise Application Architecture", "Refactoring"));

        client.get().uri("/books?price__gte=59&ordering=-pages,title").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.content[0].title").isEqualTo("Introduction to Algorithms");
    }

    @Test
    void rejectsAFilterOutsideTheAllowlistWithAProblemDetailNamingTheChoices() {
        client.get().uri("/books?isbn=123").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.title").isEqualTo("Invalid query parameter")
                .jsonPath("$.parameter").isEqualTo("isbn")
                .jsonPath("$.validChoices").value((List<String> choices) -> assertThat(choices)
                        .containsExactlyElementsOf(expectedListChoices()))
                .jsonPath("$.detail").value((String detail) -> assertThat(detail)
                        .startsWith("Unknown query parameter 'isbn'. Choices are: title__icontains, author,"))
                .jsonPath("$.instance").isEqualTo("/books");
    }

    @Test
    void rejectsALookupOnAnAllowedFieldThatIsNotItselfAllowed() {
        client.get().uri("/books?price__regex=.*").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.parameter").isEqualTo("price__regex");
    }

    @Test
    void rejectsAnUnknownOrderingField() {
        client.get().uri("/books?ordering=-isbn").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.parameter").isEqualTo("ordering")
                .jsonPath("$.validChoices").value((List<String> choices) -> assertThat(choices).contains("published"))
                .jsonPath("$.detail").value((String detail) -> assertThat(detail).startsWith("Cannot order by '-isbn'"));
    }

    @Test
    void rejectsAFilterValueOfTheWrongType() {
        client.get().uri("/books?pages__gte=many").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Invalid filter value");
    }

    @Test
    void getsOneBookById() {
        client.get().uri("/books/2").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.id").isEqualTo(2)
                .jsonPath("$.title").isEqualTo("Clean Code")
                .jsonPath("$.price").isEqualTo(37.49)
                .jsonPath("$.published").isEqualTo("2008-08-01");
    }

    @Test
    void answers404ForAMissingBook() {
        client.get().uri("/books/999999").exchange()
                .expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(404)
                .jsonPath("$.detail").isEqualTo("Book matching query does not exist.");
    }

    @Test
    void answers400ForANonNumericId() {
        client.get().uri("/books/abc").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void countsBooksMatchingTheFilters() {
        client.get().uri("/books/count?author=Martin Fowler").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.count").isEqualTo(2);

        client.get().uri("/books/count?published__year=1999").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.count").isEqualTo(2);
    }

    @Test
    void rejectsAnUnknownFilterWhenCounting() {
        client.get().uri("/books/count?ordering=title").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.validChoices")
                .value((List<String> choices) -> assertThat(choices).contains("author").doesNotContain("ordering"));
    }

    @Test
    void createsABookAndPointsToIt() {
        Book request = new Book(null, "Growing Object-Oriented Software, Guided by Tests", "Steve Freeman", 384,
                new BigDecimal("39.99"), LocalDate.parse("2009-10-12"), 4.2, 7, null, null);

        Book created = client.post().uri("/books").bodyValue(request).exchange()
                .expectStatus().isCreated()
                .expectHeader().value("Location", location -> assertThat(location).matches(".*/books/\\d+"))
                .expectBody(Book.class).returnResult().getResponseBody();

        assertThat(created.id()).isNotNull();
        assertThat(created).usingRecursiveComparison().ignoringFields("id").isEqualTo(request);
        client.get().uri("/books/{id}", created.id()).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.author").isEqualTo("Steve Freeman");
    }

    @Test
    void ignoresAnIdSentWithANewBook() {
        Book request = new Book(1L, "Site Reliability Engineering", "Betsy Beyer", 552,
                new BigDecimal("45.00"), LocalDate.parse("2016-04-16"), 4.1, 3, null, null);

        Book created = client.post().uri("/books").bodyValue(request).exchange()
                .expectStatus().isCreated()
                .expectBody(Book.class).returnResult().getResponseBody();

        assertThat(created.id()).isNotEqualTo(1L);
    }

    @Test
    void rejectsABookWithoutATitle() {
        client.post().uri("/books").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"author\": \"Anonymous\", \"pages\": 10}").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void rejectsABookWithNegativeStockAndStoresNothing() {
        long before = books.count();

        client.post().uri("/books").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"title\": \"Negative\", \"author\": \"Nobody\", \"pages\": 10, \"price\": 5,"
                        + " \"published\": \"2020-01-01\", \"rating\": 3, \"stock\": -1}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.detail").value((String detail) -> assertThat(detail).contains("stock"));

        assertThat(books.count()).isEqualTo(before);
    }

    private static List<String> expectedListChoices() {
        List<String> choices = new ArrayList<>(BookSearch.FILTERS);
        choices.addAll(List.of("ordering", "page", "size"));
        return choices;
    }
}
