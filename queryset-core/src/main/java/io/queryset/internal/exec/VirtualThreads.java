package io.queryset.internal.exec;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.ThreadFactory;

/**
 * Virtual-thread factories, built reflectively: the library compiles for Java 17, which has no
 * {@code Thread.ofVirtual()}.
 */
public final class VirtualThreads {

    private VirtualThreads() {
    }

    /**
     * {@code Thread.ofVirtual().name(prefix, 0).factory()}: virtual threads named prefix0, prefix1, ...
     *
     * @throws IllegalStateException on a JVM older than Java 21
     */
    public static ThreadFactory factory(String prefix) {
        int feature = Runtime.version().feature();
        if (feature < 21) {
            throw new IllegalStateException("Virtual threads need Java 21 or later, and this JVM is Java " + feature
                    + ". Set queryset.bridge.virtual-threads=false (or build the bridge with AsyncBridge.create).");
        }
        try {
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Object ofVirtual = Thread.class.getMethod("ofVirtual").invoke(null);
            Method name = builder.getMethod("name", String.class, long.class);
            Object named = name.invoke(ofVirtual, prefix, 0L);
            return (ThreadFactory) builder.getMethod("factory").invoke(named);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("Could not build a virtual-thread factory", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Could not build a virtual-thread factory on Java " + feature, e);
        }
    }
}
