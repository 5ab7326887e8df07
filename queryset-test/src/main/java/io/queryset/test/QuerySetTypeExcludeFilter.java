package io.queryset.test;

import io.queryset.DatabaseRouter;
import io.queryset.Manager;
import io.queryset.annotation.Model;
import io.queryset.autoconfigure.DatabaseBuilderCustomizer;
import java.util.Set;
import org.springframework.boot.test.context.filter.annotation.StandardAnnotationCustomizableTypeExcludeFilter;

/**
 * Limits the component scanning of a {@link QuerySetTest @QuerySetTest} to QuerySet's own types: {@code @Model}
 * classes, {@link Manager} types, and the components that change how the {@code Database} works
 * ({@link DatabaseRouter}s and {@link DatabaseBuilderCustomizer}s), so that the test queries the way the application
 * does. They stay when {@link QuerySetTest#useDefaultFilters()}, together with whatever
 * {@link QuerySetTest#includeFilters()} names; every other scanned component is left out.
 */
class QuerySetTypeExcludeFilter extends StandardAnnotationCustomizableTypeExcludeFilter<QuerySetTest> {

    private static final Set<Class<?>> QUERYSET_TYPES =
            Set.of(Model.class, Manager.class, DatabaseRouter.class, DatabaseBuilderCustomizer.class);

    QuerySetTypeExcludeFilter(Class<?> testClass) {
        super(testClass);
    }

    @Override
    protected Set<Class<?>> getKnownIncludes() {
        return QUERYSET_TYPES;
    }
}
