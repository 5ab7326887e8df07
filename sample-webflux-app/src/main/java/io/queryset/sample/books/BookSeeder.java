package io.queryset.sample.books;

import io.queryset.Manager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fills an empty database at start-up: publishers, books, their authors and the shops stocking them.
 * Runs on the main thread, so the blocking API is the plain choice; the check keeps a persistent
 * database (the postgres profile) from being seeded twice.
 */
@Component
class BookSeeder implements ApplicationRunner, Ordered {

    /** Before the orders' seeder, which buys some of these books. */
    static final int ORDER = 0;

    private final BookManager books;
    private final Manager<Publisher> publishers;
    private final Manager<Author> authors;
    private final Manager<Store> stores;

    BookSeeder(BookManager books, Manager<Publisher> publishers, Manager<Author> authors, Manager<Store> stores) {
        this.books = books;
        this.publishers = publishers;
        this.authors = authors;
        this.stores = stores;
    }

    /** One transaction, so a failed start leaves no half-seeded catalog that the next start would skip. */
    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (books.exists()) {
            return;
        }
        Map<String, Publisher> publisherByName = new LinkedHashMap<>();
        BookCatalog.PUBLISHERS.values().stream().distinct().sorted()
                .forEach(name -> publisherByName.put(name, publishers.create(Publisher.named(name))));
        List<Book> unsaved = new ArrayList<>();
        for (Book book : BookCatalog.initialBooks()) {
            Publisher publisher = publisherByName.get(BookCatalog.PUBLISHERS.get(book.title()));
            unsaved.add(new Book(null, book.title(), book.author(), book.pages(), book.price(), book.published(),
                    book.rating(), book.stock(), publisher, null));
        }
        Map<String, Book> bookByTitle = new LinkedHashMap<>();
        books.bulkCreate(unsaved).forEach(b -> bookByTitle.put(b.title(), b));

        Map<String, Author> authorByName = new LinkedHashMap<>();
        for (Book book : bookByTitle.values()) {
            Author author = authorByName.computeIfAbsent(book.author(), name -> authors.create(new Author(null, name)));
            books.related(book, "authors").add(author);
        }
        BookCatalog.STORES.forEach((name, titles) -> {
            Store store = stores.create(new Store(null, name, null));
            stores.related(store, "books").add(titles.stream().map(bookByTitle::get).toArray());
        });
    }

    @Override
    public int getOrder() {
        return ORDER;
    }
}
