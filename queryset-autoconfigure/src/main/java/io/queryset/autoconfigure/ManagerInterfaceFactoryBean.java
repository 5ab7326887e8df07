package io.queryset.autoconfigure;

import io.queryset.Database;
import org.springframework.beans.factory.FactoryBean;

/**
 * Creates the bean of an application's interface extending {@code Manager<T>}, backed by the model's manager
 * from the application's {@link Database}.
 *
 * @param <M> the manager interface
 */
final class ManagerInterfaceFactoryBean<M> implements FactoryBean<M> {

    private final Class<M> managerInterface;

    private final Database database;

    ManagerInterfaceFactoryBean(Class<M> managerInterface, Database database) {
        this.managerInterface = managerInterface;
        this.database = database;
    }

    @Override
    public M getObject() {
        return ManagerInterfaceProxy.create(managerInterface,
                database.manager(ManagerInterfaceProxy.modelOf(managerInterface)));
    }

    @Override
    public Class<?> getObjectType() {
        return managerInterface;
    }
}
