package io.queryset.autoconfigure;

import io.queryset.Database;
import io.queryset.Manager;
import org.springframework.beans.factory.FactoryBean;

/**
 * Creates, from the application's {@link Database}, the {@link Manager} of a model class, or the bean of an
 * application interface extending {@code Manager<T>} (a proxy over its model's manager). A FactoryBean rather than an
 * instance supplier keeps the bean definitions AOT-friendly.
 *
 * @param <M> the product: {@code Manager<T>} or the application's manager interface
 */
final class ManagerFactoryBean<M> implements FactoryBean<M> {

    private final Class<?> type;

    private final Database database;

    /** @param type a {@code @Model} class, or an interface extending {@code Manager<T>} */
    ManagerFactoryBean(Class<?> type, Database database) {
        this.type = type;
        this.database = database;
    }

    /** Whether {@code type} is an application's manager interface rather than a model. */
    static boolean isManagerInterface(Class<?> type) {
        return type.isInterface() && Manager.class.isAssignableFrom(type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public M getObject() {
        if (isManagerInterface(type)) {
            return (M) ManagerInterfaceProxy.create(type, database.manager(ManagerInterfaceProxy.modelOf(type)));
        }
        return (M) database.manager(type);
    }

    @Override
    public Class<?> getObjectType() {
        return isManagerInterface(type) ? type : Manager.class;
    }
}
