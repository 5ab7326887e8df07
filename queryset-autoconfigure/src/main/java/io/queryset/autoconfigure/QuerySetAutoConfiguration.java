package io.queryset.autoconfigure;

import io.queryset.AsyncBridge;
import io.micrometer.observation.ObservationRegistry;
import io.queryset.Database;
import io.queryset.DatabaseRouter;
import io.queryset.observation.QuerySetObservationConvention;
import io.r2dbc.spi.ConnectionFactory;
import javax.sql.DataSource;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration for QuerySet: a {@link Database} on the application's DataSource and/or R2DBC
 * ConnectionFactory, an {@link AsyncBridge}, and one {@code Manager<T>} bean per {@code @Model} class
 * found under {@code queryset.packages} or the auto-configuration packages.
 */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
            "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"
        },
        after = QuerySetDataSourceAutoConfiguration.class)
@ConditionalOnClass(Database.class)
@Conditional(OnDatabaseResourceCondition.class)
@EnableConfigurationProperties(QuerySetProperties.class)
@Import(ModelManagersRegistrar.class)
public final class QuerySetAutoConfiguration {

    /**
     * The scheduler the bridged async side and {@code syncToAsync} run blocking work on: platform threads,
     * or virtual threads with {@code queryset.bridge.virtual-threads} (failing start-up before Java 21).
     */
    @Bean(destroyMethod = "dispose")
    @ConditionalOnMissingBean
    AsyncBridge querySetAsyncBridge(QuerySetProperties properties) {
        QuerySetProperties.Bridge bridge = properties.getBridge();
        return bridge.isVirtualThreads()
                ? AsyncBridge.createVirtual(bridge.effectiveMaxThreads(), bridge.queuedTasksPerThread())
                : AsyncBridge.create(bridge.effectiveMaxThreads(), bridge.queuedTasksPerThread());
    }

    /** The pools of {@code queryset.databases.*}, closed with the context. */
    @Bean
    @ConditionalOnMissingBean
    NamedDatabaseConnections querySetNamedDatabases(QuerySetProperties properties) {
        return new NamedDatabaseConnections(properties.getDatabases());
    }

    /**
     * On whichever sides exist (a side with several candidates and no {@code @Primary} is left out), with the named
     * databases, the routers (the read-replica one of {@code queryset.read-replica} first, then every
     * {@link DatabaseRouter} bean in order), the application's ObservationRegistry, then every
     * {@link DatabaseBuilderCustomizer}. The dialect comes from the sides' URLs
     * ({@link DatabaseUrls}), else from the connection's metadata.
     */
    @Bean
    @ConditionalOnMissingBean
    Database querySetDatabase(QuerySetProperties properties, AsyncBridge bridge,
            ObjectProvider<DataSource> dataSource, ObjectProvider<ConnectionFactory> connectionFactory,
            NamedDatabaseConnections namedDatabases, ObjectProvider<DatabaseRouter> routers,
            ObjectProvider<DatabaseBuilderCustomizer> customizers, Environment environment, BeanFactory beanFactory) {
        Database.Builder builder = Database.builder()
                .asyncMode(properties.getAsync().getMode())
                .blockingGuard(properties.getAsync().getGuard())
                .defaultChunkSize(properties.getDefaultChunkSize())
                .queryTimeout(properties.getQueryTimeout())
                .logSql(properties.getSql().isLog())
                .maskSqlParameters(properties.getSql().isMaskParameters())
                .slowQueryThreshold(properties.getSql().getSlowQueryThreshold())
                .bridge(bridge);
        dataSource.ifUnique(ds -> builder.dataSource(ds).dialectOfUrl(DatabaseUrls.jdbc(environment, beanFactory)));
        connectionFactory.ifUnique(cf -> builder.connectionFactory(cf).dialectOfUrl(DatabaseUrls.r2dbc(environment, beanFactory)));
        namedDatabases.byAlias().forEach((alias, c) -> builder.database(alias, c.dataSource(), c.connectionFactory()));
        String replica = properties.getReadReplica();
        if (replica != null) {
            builder.router(DatabaseRouter.readsOutsideTransactionsTo(replica));
        }
        routers.orderedStream().forEach(builder::router);
        customizers.orderedStream().forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /** Observes every query with the application's ObservationRegistry, when Micrometer Observation is there. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    static class QuerySetObservationConfiguration {

        @Bean
        @Order(0)
        DatabaseBuilderCustomizer querySetObservationCustomizer(ObjectProvider<ObservationRegistry> registry,
                ObjectProvider<QuerySetObservationConvention> convention) {
            return builder -> {
                registry.ifUnique(builder::observationRegistry);
                convention.ifUnique(builder::observationConvention);
            };
        }
    }
}
