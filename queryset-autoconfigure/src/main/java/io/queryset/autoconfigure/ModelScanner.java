package io.queryset.autoconfigure;

import io.queryset.Manager;
import io.queryset.annotation.Model;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds, under a set of packages, the {@link Model @Model} classes and records and the application's interfaces
 * extending {@link Manager}.
 */
final class ModelScanner {

    private final ClassPathScanningCandidateComponentProvider provider;

    private final ClassPathScanningCandidateComponentProvider interfaceProvider;

    private final ClassLoader classLoader;

    ModelScanner(Environment environment, ResourceLoader resourceLoader) {
        this.provider = new ClassPathScanningCandidateComponentProvider(false, environment);
        this.provider.setResourceLoader(resourceLoader);
        this.provider.addIncludeFilter(new AnnotationTypeFilter(Model.class));
        this.interfaceProvider = new ClassPathScanningCandidateComponentProvider(false, environment) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition beanDefinition) {
                // The default accepts only concrete classes; here only interfaces are wanted.
                return beanDefinition.getMetadata().isInterface() && beanDefinition.getMetadata().isIndependent();
            }
        };
        this.interfaceProvider.setResourceLoader(resourceLoader);
        this.interfaceProvider.addIncludeFilter(new AssignableTypeFilter(Manager.class));
        this.interfaceProvider.addExcludeFilter((reader, factory) ->
                reader.getClassMetadata().getClassName().equals(Manager.class.getName()));
        this.classLoader = resourceLoader.getClassLoader() != null
                ? resourceLoader.getClassLoader()
                : ClassUtils.getDefaultClassLoader();
    }

    /** The model classes, sorted by name so bean registration order does not depend on the file system. */
    List<Class<?>> findModels(List<String> packages) {
        return find(provider, packages);
    }

    /** The interfaces extending {@code Manager<T>}, sorted by name. */
    List<Class<?>> findManagerInterfaces(List<String> packages) {
        return find(interfaceProvider, packages);
    }

    private List<Class<?>> find(ClassPathScanningCandidateComponentProvider scanner, List<String> packages) {
        Set<String> classNames = new LinkedHashSet<>();
        for (String basePackage : packages) {
            for (BeanDefinition candidate : scanner.findCandidateComponents(basePackage)) {
                classNames.add(candidate.getBeanClassName());
            }
        }
        List<Class<?>> found = new ArrayList<>();
        for (String className : classNames) {
            found.add(ClassUtils.resolveClassName(className, classLoader));
        }
        found.sort(Comparator.comparing(Class::getName));
        return found;
    }
}
