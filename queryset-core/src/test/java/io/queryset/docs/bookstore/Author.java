package io.queryset.docs.bookstore;

import io.queryset.annotation.Model;
import org.springframework.data.annotation.Id;

/** The author of docs/coming-from-django.md and docs/coming-from-spring-data-r2dbc.md, as those pages declare it. */
@Model(table = "bookstore_author", ordering = "name")
public class Author {
    @Id public Long id;
    public String name;

    public Author() {
    }

    public Author(String name) {
        this.name = name;
    }
}
