package io.queryset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.queryset.internal.exec.ThreadLocalPropagation;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.reactivestreams.Publisher;
import org.springframework.util.ClassUtils;
import reactor.core.publisher.Mono;

/** io.micrometer:context-propagation is optional: the bridge works on a class path without it. */
@Timeout(30) // a guard against a hang, not a timing assertion
class AsyncBridgeWithoutContextPropagationTest {

    @Test
    void runsTheWorkWhenContextPropagationIsNotOnTheClassPath() throws Exception {
        URL[] classPath = Stream.of(AsyncBridge.class, Mono.class, Publisher.class, ClassUtils.class, LogFactory.class)
                .map(type -> type.getProtectionDomain().getCodeSource().getLocation())
                .distinct()
                .toArray(URL[]::new);
        try (URLClassLoader isolated = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> Class.forName("io.micrometer.context.ContextRegistry", false, isolated))
                    .isInstanceOf(ClassNotFoundException.class);
            assertThat(isolated.loadClass(ThreadLocalPropagation.class.getName())
                    .getMethod("isAvailable").invoke(null)).isEqualTo(false);

            Class<?> bridgeType = isolated.loadClass(AsyncBridge.class.getName());
            Object bridge = bridgeType.getMethod("create", int.class, int.class).invoke(null, 1, 10);
            try {
                Callable<String> work = () -> Thread.currentThread().getName();
                Object mono = bridgeType.getMethod("syncToAsync", Callable.class).invoke(bridge, work);
                Object threadName = isolated.loadClass(Mono.class.getName()).getMethod("block").invoke(mono);

                assertThat(threadName).asString().matches("queryset-bridge-\\d+");
            } finally {
                bridgeType.getMethod("dispose").invoke(bridge);
            }
        }
    }

    @Test
    void seesContextPropagationOnTheTestClassPath() {
        assertThat(ThreadLocalPropagation.isAvailable()).isTrue();
    }
}
