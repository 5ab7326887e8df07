package io.queryset.sample.orders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.test.StepVerifier;

/** An idle feed connection gets comments, which proxies count as traffic and browsers ignore. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "sample.feed.keep-alive=100ms")
@AutoConfigureWebTestClient
class OrderFeedKeepAliveTests {

    @Autowired
    WebTestClient client;

    @Test
    void sendsKeepAliveCommentsWhileNoOrderComesIn() {
        StepVerifier.create(client.get().uri("/orders/feed").accept(MediaType.TEXT_EVENT_STREAM).exchange()
                        .expectStatus().isOk()
                        .returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
                        .getResponseBody())
                .assertNext(event -> assertThat(event.event()).isEqualTo("ready"))
                .assertNext(event -> {
                    assertThat(event.comment()).isEqualTo("keep-alive");
                    assertThat(event.event()).isNull();
                    assertThat(event.data()).isNull();
                })
                .thenCancel()
                .verify(Duration.ofSeconds(30));
    }
}
