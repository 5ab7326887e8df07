package io.queryset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledForJreRange;
import org.junit.jupiter.api.condition.JRE;

/** {@link AsyncBridge#createVirtual}: virtual threads on Java 21+, a clear refusal before. */
@Timeout(30) // a guard against a hang, not a timing assertion
class AsyncBridgeVirtualThreadsTest {

    @Test
    @EnabledForJreRange(max = JRE.JAVA_20, disabledReason = "Java 21+ has virtual threads: see runsTheWorkOnNamedVirtualThreads")
    void refusesWithAClearMessageBeforeJava21() {
        assertThatThrownBy(() -> AsyncBridge.createVirtual(2, 10))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("Virtual threads need Java 21 or later, and this JVM is Java "
                        + Runtime.version().feature()
                        + ". Set queryset.bridge.virtual-threads=false (or build the bridge with AsyncBridge.create).");
    }

    @Test
    @EnabledForJreRange(min = JRE.JAVA_21, disabledReason = "Virtual threads need Java 21: run with JAVA_HOME on a 21+ JDK")
    void runsTheWorkOnNamedVirtualThreads() throws ReflectiveOperationException {
        AsyncBridge bridge = AsyncBridge.createVirtual(2, 10);
        try {
            Thread worker = bridge.syncToAsync(Thread::currentThread).block();

            assertThat(worker.getName()).matches("queryset-bridge-vt-\\d+");
            assertThat(Thread.class.getMethod("isVirtual").invoke(worker)).isEqualTo(true); // compiled for 17
            assertThat(bridge.maxThreads()).hasValue(2);
            assertThat(bridge.queuedTasksPerThread()).hasValue(10);
        } finally {
            bridge.dispose();
        }
    }
}
