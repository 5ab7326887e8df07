package io.queryset.it.models;

import io.queryset.annotation.Model;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.data.annotation.Id;

/**
 * A row of the cancellation and streaming tests. Its canonical constructor counts the instances built,
 * which is how the tests see how many rows the library has mapped (rows are mapped through the canonical
 * constructor of a record).
 */
@Model(table = "it_cnl_item")
public record CnlItem(@Id Long id, int n, String label) {

    private static final AtomicLong INSTANCES = new AtomicLong();

    public CnlItem {
        INSTANCES.incrementAndGet();
    }

    /** An unsaved item. */
    public static CnlItem of(int n) {
        return new CnlItem(null, n, "item " + n);
    }

    /** Instances built since the last {@link #resetInstances()}. */
    public static long instances() {
        return INSTANCES.get();
    }

    /** Starts counting instances from zero. */
    public static void resetInstances() {
        INSTANCES.set(0);
    }
}
