package io.queryset.autoconfigure;

import java.util.List;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.persistence.autoconfigure.EntityScanPackages;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Decides where {@code @Model} classes and Manager interfaces are looked for: {@code queryset.packages}, else the
 * packages of {@code @EntityScan}, else the auto-configuration packages (the {@code @SpringBootApplication}'s).
 */
final class ModelPackages {

    static final String PROPERTY = "queryset.packages";

    private static final boolean ENTITY_SCAN_PRESENT = ClassUtils.isPresent(
            "org.springframework.boot.persistence.autoconfigure.EntityScanPackages", ModelPackages.class.getClassLoader());

    private ModelPackages() {
    }

    /** Touches spring-boot-persistence only when it is there. */
    private static final class EntityScan {
        static List<String> packages(BeanFactory beanFactory) {
            return EntityScanPackages.get(beanFactory).getPackageNames();
        }
    }

    static List<String> resolve(Environment environment, BeanFactory beanFactory) {
        // Bound by hand: registrars run before @ConfigurationProperties beans exist.
        List<String> configured = Binder.get(environment)
                .bind(PROPERTY, Bindable.listOf(String.class))
                .orElse(List.of());
        if (!configured.isEmpty()) {
            return configured;
        }
        if (ENTITY_SCAN_PRESENT) {
            List<String> entityScan = EntityScan.packages(beanFactory);
            if (!entityScan.isEmpty()) {
                return entityScan;
            }
        }
        return AutoConfigurationPackages.has(beanFactory) ? AutoConfigurationPackages.get(beanFactory) : List.of();
    }
}
