package io.queryset.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import io.queryset.AsyncMode;
import io.queryset.BlockingGuard;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class QuerySetPropertiesTests {

    @Test
    void hasTheDocumentedDefaults() {
        QuerySetProperties properties = bind(Map.of());

        assertThat(properties.getPackages()).isEmpty();
        assertThat(properties.getAsync().getMode()).isEqualTo(AsyncMode.AUTO);
        assertThat(properties.getAsync().getGuard()).isEqualTo(BlockingGuard.ERROR);
        assertThat(properties.getBridge().getMaxThreads()).isNull();
        assertThat(properties.getBridge().effectiveMaxThreads())
                .isEqualTo(10 * Runtime.getRuntime().availableProcessors());
        assertThat(properties.getBridge().getQueueSize()).isEqualTo(100_000);
        assertThat(properties.getBridge().isVirtualThreads()).isFalse();
        assertThat(properties.getDefaultChunkSize()).isEqualTo(2000);
        assertThat(properties.getSchema().isCreate()).isFalse();
    }

    @Test
    void bindsEveryPropertyFromKebabCaseNames() {
        QuerySetProperties properties = bind(Map.of(
                "queryset.packages", "com.example.a,com.example.b",
                "queryset.async.mode", "bridged",
                "queryset.async.guard", "warn",
                "queryset.bridge.max-threads", "4",
                "queryset.bridge.queue-size", "400",
                "queryset.bridge.virtual-threads", "true",
                "queryset.default-chunk-size", "500",
                "queryset.schema.create", "true"));

        assertThat(properties.getPackages()).containsExactly("com.example.a", "com.example.b");
        assertThat(properties.getAsync().getMode()).isEqualTo(AsyncMode.BRIDGED);
        assertThat(properties.getAsync().getGuard()).isEqualTo(BlockingGuard.WARN);
        assertThat(properties.getBridge().effectiveMaxThreads()).isEqualTo(4);
        assertThat(properties.getBridge().getQueueSize()).isEqualTo(400);
        assertThat(properties.getBridge().isVirtualThreads()).isTrue();
        assertThat(properties.getDefaultChunkSize()).isEqualTo(500);
        assertThat(properties.getSchema().isCreate()).isTrue();
    }

    @Test
    void splitsTheTotalQueueSizeAcrossBridgeThreads() {
        QuerySetProperties properties = bind(Map.of(
                "queryset.bridge.max-threads", "4", "queryset.bridge.queue-size", "400"));

        assertThat(properties.getBridge().queuedTasksPerThread()).isEqualTo(100);
    }

    private static QuerySetProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values))
                .bindOrCreate("queryset", QuerySetProperties.class);
    }
}
