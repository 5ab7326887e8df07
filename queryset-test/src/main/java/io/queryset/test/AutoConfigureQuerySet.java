package io.queryset.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Imports the auto-configurations a QuerySet test needs and no others: Spring Boot's JDBC {@code DataSource}, R2DBC
 * {@code ConnectionFactory}, their transaction managers and transaction support, then QuerySet's own (the
 * {@code DataSource} Boot leaves out next to a {@code ConnectionFactory}, one transaction manager per side with
 * {@code @Transactional} routing, the {@code Database} and the managers). A Testcontainers {@code @ServiceConnection}
 * declared as a bean is honoured when spring-boot-testcontainers is on the class path.
 *
 * <p>The list is read from {@code META-INF/spring/io.queryset.test.AutoConfigureQuerySet.imports}. Most tests use
 * {@link QuerySetTest @QuerySetTest}, which carries this annotation; put it on a {@code @SpringBootTest} or another
 * slice to add QuerySet to that test.
 *
 * @see QuerySetTest
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration
public @interface AutoConfigureQuerySet {
}
