package io.queryset.autoconfigure.catalog;

import io.queryset.Manager;
import io.queryset.QuerySet;

/** The application's query declarations for poems, as default methods. */
public interface PoemManager extends Manager<Poem> {

    /** Poems of at most {@code lines} lines, shortest first. */
    default QuerySet<Poem> shorterThan(int lines) {
        return filter("lines__lt", lines).orderBy("lines");
    }

    /** Builds on another declaration: the proxy sends {@code this} calls through the interface again. */
    default QuerySet<Poem> sonnets() {
        return shorterThan(15).filter("lines", 14);
    }
}
