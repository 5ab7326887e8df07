package io.queryset.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.test.autoconfigure.OverrideAutoConfiguration;
import org.springframework.boot.test.context.filter.annotation.TypeExcludeFilters;
import org.springframework.context.annotation.ComponentScan.Filter;
import org.springframework.core.annotation.AliasFor;
import org.springframework.test.context.BootstrapWith;
import org.springframework.test.context.junit.jupiter.SpringExtension;
import org.springframework.transaction.annotation.Transactional;

/**
 * A test that focuses <strong>only</strong> on QuerySet: it starts the database (a JDBC {@code DataSource} and an
 * R2DBC {@code ConnectionFactory}, as the application configures them), one transaction manager per side, the
 * {@code Database}, and a {@code Manager<T>} for every {@code @Model} of the application (or the application's
 * {@code Manager} interface for it). Nothing else of the application is auto-configured, and component scanning
 * registers no {@code @Component}, {@code @Service}, {@code @Controller} or {@code @Configuration} class unless
 * {@link #includeFilters()} names it; only components that are a {@code DatabaseRouter} or a
 * {@code DatabaseBuilderCustomizer} are kept, since they change how the application's queries run.
 *
 * <pre>{@code
 * @QuerySetTest(properties = "queryset.schema.create=true")
 * class BookQueriesTests {
 *
 *     @Autowired
 *     Manager<Book> books;
 *
 *     @Test
 *     void findsNovels() {
 *         books.create(new Book(null, "Emma", Genre.NOVEL));
 *         assertThat(books.filter("genre", Genre.NOVEL).count()).isEqualTo(1);
 *     }
 * }
 * }</pre>
 *
 * <p>Like Spring Boot's {@code @DataJdbcTest}, each test method runs in a JDBC transaction that is rolled back at
 * its end, so the blocking methods leave no rows behind. That transaction is the test thread's: the {@code a}-methods
 * do not join it (their {@code Mono} runs on R2DBC, or on the bridge's threads), and what they write is committed
 * unless the test rolls it back itself, with {@code db.aatomic(tx -> ...)} and {@code tx.setRollbackOnly()} (or, in
 * NATIVE mode, a {@code TransactionalOperator}). Use {@code @Transactional(propagation = Propagation.NOT_SUPPORTED)} on a test
 * class or method to run it without the test transaction.
 *
 * <p>With no {@code spring.datasource.url} and no {@code spring.r2dbc.url}, and both H2 drivers on the test class
 * path, both sides share one in-memory H2 database, fresh for each application context. Otherwise the test uses the
 * database the configuration names (this slice does not replace it); a Testcontainers container with
 * {@code @ServiceConnection} takes precedence over both.
 *
 * @see AutoConfigureQuerySet
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@BootstrapWith(QuerySetTestContextBootstrapper.class)
@ExtendWith(SpringExtension.class)
@OverrideAutoConfiguration(enabled = false)
@TypeExcludeFilters(QuerySetTypeExcludeFilter.class)
@Transactional
@AutoConfigureQuerySet
@ImportAutoConfiguration
public @interface QuerySetTest {

    /**
     * Properties in the form {@literal key=value} added to the Spring {@code Environment} before the test runs,
     * for example {@code "queryset.schema.create=true"} or {@code "queryset.async.mode=bridged"}.
     *
     * @return the properties to add
     */
    String[] properties() default {};

    /**
     * Whether component scanning keeps the types this slice includes by default: {@code @Model} classes,
     * {@code Manager} types, {@code DatabaseRouter}s and {@code DatabaseBuilderCustomizer}s. No other scanned bean
     * is included either way.
     *
     * @return whether the default filters are used
     * @see #includeFilters()
     * @see #excludeFilters()
     */
    boolean useDefaultFilters() default true;

    /**
     * Filters adding scanned beans that the slice would otherwise leave out, for example the service under test:
     * {@code includeFilters = @Filter(type = FilterType.ASSIGNABLE_TYPE, classes = BookService.class)}.
     *
     * @return include filters to apply
     */
    Filter[] includeFilters() default {};

    /**
     * Filters removing scanned beans that the slice would otherwise include.
     *
     * @return exclude filters to apply
     */
    Filter[] excludeFilters() default {};

    /**
     * Auto-configurations to leave out of this test.
     *
     * @return auto-configuration exclusions to apply
     */
    @AliasFor(annotation = ImportAutoConfiguration.class, attribute = "exclude")
    Class<?>[] excludeAutoConfiguration() default {};
}
