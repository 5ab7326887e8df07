package io.queryset.autoconfigure.catalog;

import io.queryset.Manager;

/** The other manager interface of {@link Essay}. */
public interface EssayReader extends Manager<Essay> {

    /** Whether an essay has this title. */
    default boolean hasTitle(String title) {
        return filter("title", title).exists();
    }
}
