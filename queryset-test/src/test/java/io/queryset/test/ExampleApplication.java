package io.queryset.test;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Stands in for an application's {@code @SpringBootApplication} class: the slice tests in this package find it, and
 * its package is where {@code @Model} classes are looked for and components are scanned.
 */
@SpringBootApplication
public class ExampleApplication {
}
