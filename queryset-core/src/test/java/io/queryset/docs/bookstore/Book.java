package io.queryset.docs.bookstore;

import io.queryset.annotation.Column;
import io.queryset.annotation.ForeignKey;
import io.queryset.annotation.ManyToMany;
import io.queryset.annotation.Model;
import io.queryset.annotation.OnDelete;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.annotation.Id;

/** The book of docs/coming-from-django.md and docs/coming-from-spring-data-r2dbc.md, as those pages declare it. */
@Model(table = "bookstore_book", ordering = "name")
public class Book {
    @Id public Long id;
    @Column(unique = true, maxLength = 13) public String isbn;
    public String name;
    public int pages;
    @Column(precision = 6, scale = 2) public BigDecimal price;
    public double rating;
    @Column(nullable = true) public LocalDate pubdate;
    @ForeignKey(relatedName = "books", onDelete = OnDelete.CASCADE) public Publisher publisher;
    @ManyToMany(relatedName = "books") public List<Author> authors;

    public Book() {
    }

    public Book(String isbn, String name, int pages, String price, double rating, LocalDate pubdate, Publisher publisher) {
        this.isbn = isbn;
        this.name = name;
        this.pages = pages;
        this.price = new BigDecimal(price);
        this.rating = rating;
        this.pubdate = pubdate;
        this.publisher = publisher;
    }
}
