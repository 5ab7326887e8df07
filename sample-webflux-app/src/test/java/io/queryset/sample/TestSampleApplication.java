package io.queryset.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The sample on a throwaway PostgreSQL in Docker, for developers who have Docker:
 * {@code ./mvnw -pl sample-webflux-app spring-boot:test-run}, or run this class's {@code main} from the IDE.
 * {@code @ServiceConnection} hands the container's address to both sides: Boot's R2DBC auto-configuration
 * and the starter's DataSource read the connection details it publishes, so no URL is configured anywhere.
 *
 * <p>Not a test: nothing runs it during the build (the build machines have no Docker engine).
 */
public class TestSampleApplication {

    public static void main(String[] args) {
        SpringApplication.from(SampleApplication::main).with(PostgresContainer.class).run(args);
    }

    /** One PostgreSQL container for the application's lifetime, started before the beans that need it. */
    @TestConfiguration(proxyBeanMethods = false)
    static class PostgresContainer {

        @Bean
        @ServiceConnection
        PostgreSQLContainer postgres() {
            return new PostgreSQLContainer("postgres:17-alpine");
        }
    }
}
