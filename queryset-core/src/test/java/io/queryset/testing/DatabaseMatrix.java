package io.queryset.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs the annotated test method once per database × execution mode — by default
 * {H2, PostgreSQL, MariaDB} × {BLOCKING, NATIVE, BRIDGED} — injecting a {@link Fixture} for that combination.
 * The tables of the class's {@link TestModels} are created once per class and database and emptied
 * before every invocation.
 *
 * <pre>{@code
 * @TestModels(Book.class)
 * class CountTest {
 *     @DatabaseMatrix
 *     void countsEveryRow(Fixture fx) {
 *         fx.blocking(Book.class).bulkCreate(List.of(...));
 *         var books = fx.manager(Book.class);
 *         assertThat(fx.call(() -> books.count(), () -> books.acount())).isEqualTo(3L);
 *     }
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@TestTemplate
@ExtendWith(DatabaseMatrixExtension.class)
public @interface DatabaseMatrix {

    /** The databases to run against. */
    DatabaseKind[] databases() default {DatabaseKind.H2, DatabaseKind.POSTGRES, DatabaseKind.MARIADB};

    /** The sides of the twins to run. */
    ExecutionMode[] modes() default {ExecutionMode.BLOCKING, ExecutionMode.NATIVE, ExecutionMode.BRIDGED};
}
