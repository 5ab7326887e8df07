package io.queryset.autoconfigure.catalog;

import io.queryset.Manager;
import io.queryset.QuerySet;

/** One of two manager interfaces of {@link Essay}. */
public interface EssayArchive extends Manager<Essay> {

    /** Essays whose title starts with {@code prefix}. */
    default QuerySet<Essay> titled(String prefix) {
        return filter("title__startswith", prefix);
    }
}
