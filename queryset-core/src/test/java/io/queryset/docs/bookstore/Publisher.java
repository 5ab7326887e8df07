package io.queryset.docs.bookstore;

import io.queryset.annotation.Model;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Transient;

/** The publisher of docs/coming-from-django.md and docs/coming-from-spring-data-r2dbc.md, as those pages declare it. */
@Model(table = "bookstore_publisher", ordering = "name")
public class Publisher {
    @Id public Long id;
    public String name;
    public int numAwards;
    public List<Book> books;            // filled by prefetchRelated("books"); not a column
    @Transient public Long numBooks;    // receives annotate("numBooks", ...)

    public Publisher() {
    }

    public Publisher(String name, int numAwards) {
        this.name = name;
        this.numAwards = numAwards;
    }
}
