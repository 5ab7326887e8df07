package io.queryset.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.AsyncMode;
import io.queryset.Database;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The slice keeps the application's {@code DatabaseBuilderCustomizer} components: here one that switches to BRIDGED. */
@QuerySetTest(properties = "fixtures.bridged-by-customizer=true")
class QuerySetTestCustomizerTests {

    @Autowired
    private Database db;

    @Test
    void appliesTheApplicationsCustomizer() {
        assertThat(db.asyncMode()).isEqualTo(AsyncMode.BRIDGED);
    }
}
