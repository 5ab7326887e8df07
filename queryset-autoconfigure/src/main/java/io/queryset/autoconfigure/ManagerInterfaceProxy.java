package io.queryset.autoconfigure;

import io.queryset.Manager;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.ResolvableType;

/**
 * Implements an application's interface extending {@code Manager<T>}: its default methods (the application's
 * query declarations) run as written, every {@link Manager} method goes to the model's manager. A JDK proxy over
 * an interface, so nothing is generated at build time and AOT can register it as a plain proxy hint.
 */
final class ManagerInterfaceProxy implements InvocationHandler {

    private final Class<?> managerInterface;

    private final Manager<?> manager;

    private ManagerInterfaceProxy(Class<?> managerInterface, Manager<?> manager) {
        this.managerInterface = managerInterface;
        this.manager = manager;
    }

    /** An instance of {@code managerInterface} backed by {@code manager}. */
    static <M> M create(Class<M> managerInterface, Manager<?> manager) {
        Object proxy = Proxy.newProxyInstance(managerInterface.getClassLoader(), new Class<?>[] {managerInterface},
                new ManagerInterfaceProxy(managerInterface, manager));
        return managerInterface.cast(proxy);
    }

    /**
     * The model of {@code interface BookManager extends Manager<Book>}: {@code Book}.
     *
     * @throws IllegalStateException when the interface leaves the model type open
     */
    static Class<?> modelOf(Class<?> managerInterface) {
        Class<?> model = ResolvableType.forClass(managerInterface).as(Manager.class).getGeneric(0).resolve();
        if (model == null || model == Object.class) {
            throw new IllegalStateException(managerInterface.getName() + " must name its model, as in 'interface "
                    + managerInterface.getSimpleName() + " extends Manager<Book>'.");
        }
        return model;
    }

    /** Fails at start-up, not at the first call, for a method the proxy could not answer. */
    static void checkOnlyDefaultMethods(Class<?> managerInterface) {
        List<String> abstractMethods = new ArrayList<>();
        for (Method method : managerInterface.getMethods()) {
            if (Modifier.isAbstract(method.getModifiers()) && !isManagerMethod(method)) {
                abstractMethods.add(method.getName() + "(" + parameterNames(method) + ")");
            }
        }
        if (!abstractMethods.isEmpty()) {
            throw new IllegalStateException(managerInterface.getName() + " declares abstract methods " + abstractMethods
                    + ": a Manager interface declares its queries as default methods built from the Manager's own "
                    + "methods, e.g. 'default QuerySet<Book> published() { return filter(\"published\", true); }'.");
        }
    }

    private static boolean isManagerMethod(Method method) {
        try {
            Manager.class.getMethod(method.getName(), method.getParameterTypes());
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static String parameterNames(Method method) {
        List<String> names = new ArrayList<>();
        for (Class<?> type : method.getParameterTypes()) {
            names.add(type.getSimpleName());
        }
        return String.join(", ", names);
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.isDefault()) {
            return InvocationHandler.invokeDefault(proxy, method, args);
        }
        if (method.getDeclaringClass() == Object.class) {
            return objectMethod(proxy, method, args);
        }
        try {
            return method.invoke(manager, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private Object objectMethod(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "equals":
                return proxy == args[0];
            case "hashCode":
                return System.identityHashCode(proxy);
            default:
                return managerInterface.getSimpleName() + "(" + manager + ")";
        }
    }
}
