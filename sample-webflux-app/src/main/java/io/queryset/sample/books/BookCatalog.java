package io.queryset.sample.books;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The books, publishers and shops the sample starts with. */
final class BookCatalog {

    private BookCatalog() {
    }

    /** Each book's publisher, by title. */
    static final Map<String, String> PUBLISHERS = Map.ofEntries(
            Map.entry("The Pragmatic Programmer", "Addison-Wesley"),
            Map.entry("Clean Code", "Prentice Hall"),
            Map.entry("Refactoring", "Addison-Wesley"),
            Map.entry("Patterns of Enterprise Application Architecture", "Addison-Wesley"),
            Map.entry("Design Patterns", "Addison-Wesley"),
            Map.entry("Effective Java", "Addison-Wesley"),
            Map.entry("Java Concurrency in Practice", "Addison-Wesley"),
            Map.entry("Domain-Driven Design", "Addison-Wesley"),
            Map.entry("Structure and Interpretation of Computer Programs", "MIT Press"),
            Map.entry("The Mythical Man-Month", "Addison-Wesley"),
            Map.entry("Code Complete", "Microsoft Press"),
            Map.entry("Working Effectively with Legacy Code", "Prentice Hall"),
            Map.entry("Test-Driven Development: By Example", "Addison-Wesley"),
            Map.entry("Extreme Programming Explained", "Addison-Wesley"),
            Map.entry("Designing Data-Intensive Applications", "O'Reilly"),
            Map.entry("Release It!", "Pragmatic Bookshelf"),
            Map.entry("Introduction to Algorithms", "MIT Press"),
            Map.entry("The Art of Computer Programming, Volume 1", "Addison-Wesley"),
            Map.entry("Continuous Delivery", "Addison-Wesley"),
            Map.entry("Accelerate", "IT Revolution"));

    /** The shops and the titles they stock. */
    static final Map<String, List<String>> STORES = Map.of(
            "Amazon.com", List.copyOf(PUBLISHERS.keySet()),
            "Books.com", List.of("Clean Code", "Refactoring", "Effective Java", "Domain-Driven Design", "Accelerate"),
            "Mamma and Pappa's Books", List.of("The Mythical Man-Month", "Code Complete", "Release It!"));

    static List<Book> initialBooks() {
        return List.of(
                book("The Pragmatic Programmer", "Andrew Hunt", 352, "42.99", "1999-10-20", 4.3, 12),
                book("Clean Code", "Robert C. Martin", 464, "37.49", "2008-08-01", 4.4, 18),
                book("Refactoring", "Martin Fowler", 448, "47.99", "1999-07-08", 4.2, 9),
                book("Patterns of Enterprise Application Architecture", "Martin Fowler", 560, "54.99", "2002-11-05", 4.1, 6),
                book("Design Patterns", "Erich Gamma", 395, "49.95", "1994-10-31", 4.2, 14),
                book("Effective Java", "Joshua Bloch", 412, "44.99", "2017-12-27", 4.7, 25),
                book("Java Concurrency in Practice", "Brian Goetz", 432, "52.99", "2006-05-09", 4.6, 11),
                book("Domain-Driven Design", "Eric Evans", 560, "59.99", "2003-08-20", 4.2, 7),
                book("Structure and Interpretation of Computer Programs", "Harold Abelson", 657, "55.00", "1996-07-25", 4.5, 5),
                book("The Mythical Man-Month", "Frederick P. Brooks Jr.", 336, "29.99", "1995-08-02", 4.0, 16),
                book("Code Complete", "Steve McConnell", 960, "49.99", "2004-06-09", 4.3, 8),
                book("Working Effectively with Legacy Code", "Michael Feathers", 456, "46.99", "2004-09-22", 4.1, 10),
                book("Test-Driven Development: By Example", "Kent Beck", 240, "34.99", "2002-11-08", 4.1, 13),
                book("Extreme Programming Explained", "Kent Beck", 224, "32.99", "2004-11-16", 3.9, 4),
                book("Designing Data-Intensive Applications", "Martin Kleppmann", 616, "49.99", "2017-03-16", 4.7, 22),
                book("Release It!", "Michael T. Nygard", 376, "41.95", "2018-01-18", 4.3, 15),
                book("Introduction to Algorithms", "Thomas H. Cormen", 1312, "99.00", "2009-07-31", 4.4, 3),
                book("The Art of Computer Programming, Volume 1", "Donald E. Knuth", 672, "79.99", "1997-07-17", 4.5, 2),
                book("Continuous Delivery", "Jez Humble", 512, "44.99", "2010-07-27", 4.2, 9),
                book("Accelerate", "Nicole Forsgren", 288, "24.99", "2018-03-27", 4.4, 20));
    }

    private static Book book(String title, String author, int pages, String price, String published, double rating,
            int stock) {
        return new Book(null, title, author, pages, new BigDecimal(price), LocalDate.parse(published), rating, stock,
                null, null);
    }
}
