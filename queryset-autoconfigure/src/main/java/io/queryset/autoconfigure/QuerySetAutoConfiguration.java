package io.queryset.autoconfigure;

import io.queryset.AsyncBridge;
import io.queryset.Database;
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
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration"
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

    /**
     * On whichever sides exist; a side with several candidates and no {@code @Primary} is left out. The dialect comes
     * from the sides' URLs ({@link DatabaseUrls}), else from the connection's metadata.
     */
    @Bean
    @ConditionalOnMissingBean
    Database querySetDatabase(QuerySetProperties properties, AsyncBridge bridge,
            ObjectProvider<DataSource> dataSource, ObjectProvider<ConnectionFactory> connectionFactory,
            Environment environment, BeanFactory beanFactory) {
        Database.Builder builder = Database.builder()
                .asyncMode(properties.getAsync().getMode())
                .blockingGuard(properties.getAsync().getGuard())
                .defaultChunkSize(properties.getDefaultChunkSize())
                .queryTimeout(properties.getQueryTimeout())
                .bridge(bridge);
        dataSource.ifUnique(ds -> builder.dataSource(ds).dialectOfUrl(DatabaseUrls.jdbc(environment, beanFactory)));
        connectionFactory.ifUnique(cf -> builder.connectionFactory(cf).dialectOfUrl(DatabaseUrls.r2dbc(environment, beanFactory)));
        return builder.build();
    }
}
