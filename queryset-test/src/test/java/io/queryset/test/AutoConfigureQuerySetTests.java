package io.queryset.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.context.ConfigurableApplicationContext;

/** The slice imports the database, transaction and QuerySet auto-configurations, and no other. */
@QuerySetTest
class AutoConfigureQuerySetTests {

    @Autowired
    private ConfigurableApplicationContext context;

    @Test
    void importsOnlyTheDatabaseTransactionAndQuerySetAutoConfigurations() {
        assertThat(importedAutoConfigurations()).containsExactlyInAnyOrder(
                "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
                "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
                "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
                "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
                "org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration",
                "org.springframework.boot.testcontainers.service.connection.ServiceConnectionAutoConfiguration",
                "io.queryset.autoconfigure.QuerySetDataSourceAutoConfiguration",
                "io.queryset.autoconfigure.QuerySetTransactionAutoConfiguration",
                "io.queryset.autoconfigure.QuerySetAutoConfiguration");
    }

    @Test
    void turnsTheApplicationsOwnAutoConfigurationOff() {
        assertThat(context.getEnvironment().getProperty("spring.boot.enableautoconfiguration")).isEqualTo("false");
    }

    /** Every auto-configuration the report saw, matched or not: conditional ones by their outcomes. */
    private Set<String> importedAutoConfigurations() {
        ConditionEvaluationReport report = ConditionEvaluationReport.get(context.getBeanFactory());
        Set<String> names = new TreeSet<>(report.getUnconditionalClasses());
        report.getConditionAndOutcomesBySource().keySet().stream()
                .filter(source -> !source.contains("#") && !source.contains("$"))
                .forEach(names::add);
        names.removeIf(name -> !name.endsWith("AutoConfiguration"));
        return names;
    }
}
