package io.queryset.autoconfigure;

import io.queryset.Database;
import io.r2dbc.spi.ConnectionFactory;
import javax.sql.DataSource;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * Transactions for an application with JDBC and R2DBC side by side: one transaction manager per side, and an
 * unqualified {@code @Transactional} routed by the method's return type (a {@code Mono}, {@code Flux} or other
 * reactive type to the R2DBC manager, anything else to the JDBC manager). Without this, Boot creates the JDBC
 * manager only when no transaction manager exists at all, and two managers make an unqualified
 * {@code @Transactional} fail with {@code NoUniqueBeanDefinitionException}.
 */
@AutoConfiguration(
        afterName = {
            "io.queryset.autoconfigure.QuerySetDataSourceAutoConfiguration",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration"
        },
        beforeName = "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration")
@ConditionalOnClass(TransactionInterceptor.class)
public class QuerySetTransactionAutoConfiguration {

    /** The JDBC side's manager, when a DataSource exists and no blocking manager was defined. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(JdbcTransactionManager.class)
    static class JdbcTransactions {
        @Bean
        @ConditionalOnBean(DataSource.class)
        @ConditionalOnMissingBean(PlatformTransactionManager.class)
        JdbcTransactionManager transactionManager(DataSource dataSource) {
            return new JdbcTransactionManager(dataSource);
        }
    }

    /** The R2DBC side's manager, when a ConnectionFactory exists and no reactive manager was defined. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({R2dbcTransactionManager.class, ConnectionFactory.class})
    static class R2dbcTransactions {
        @Bean
        @ConditionalOnBean(ConnectionFactory.class)
        @ConditionalOnMissingBean(ReactiveTransactionManager.class)
        R2dbcTransactionManager connectionFactoryTransactionManager(ConnectionFactory connectionFactory) {
            return new R2dbcTransactionManager(connectionFactory);
        }
    }

    /**
     * Without R2DBC, the bridged async side's manager: an unqualified {@code @Transactional} on a {@code Mono} method
     * then holds one JDBC connection for the bridged a-methods it subscribes to, and rolls them back together.
     */
    @Configuration(proxyBeanMethods = false)
    static class BridgedTransactions {
        @Bean
        @ConditionalOnBean(DataSource.class)
        @ConditionalOnMissingBean(value = ReactiveTransactionManager.class,
                type = "io.r2dbc.spi.ConnectionFactory")
        ReactiveTransactionManager querySetBridgedTransactionManager(ObjectProvider<Database> database) {
            return database.getObject().reactiveTransactionManager();
        }
    }

    /** Routes an unqualified {@code @Transactional} by return type ({@code queryset.transaction-routing}). */
    @Bean
    @ConditionalOnProperty(name = "queryset.transaction-routing", havingValue = "true", matchIfMissing = true)
    static BeanPostProcessor querySetTransactionRouting(ObjectProvider<ListableBeanFactory> beans) {
        return new TransactionRoutingPostProcessor(beans);
    }
}
