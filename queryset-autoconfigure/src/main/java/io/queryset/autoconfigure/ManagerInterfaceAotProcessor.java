package io.queryset.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues;

/**
 * Ahead-of-time processing: the manager interfaces become JDK proxies at run time, so a native image needs a proxy
 * hint for each, and reflection on its methods (the proxy calls the default methods through the interface).
 */
final class ManagerInterfaceAotProcessor implements BeanFactoryInitializationAotProcessor {

    @Override
    public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(ConfigurableListableBeanFactory beanFactory) {
        List<Class<?>> interfaces = new ArrayList<>();
        for (String name : beanFactory.getBeanDefinitionNames()) {
            BeanDefinition definition = beanFactory.getBeanDefinition(name);
            if (ManagerFactoryBean.class.getName().equals(definition.getBeanClassName())) {
                ConstructorArgumentValues.ValueHolder product =
                        definition.getConstructorArgumentValues().getIndexedArgumentValue(0, Class.class);
                if (product != null && product.getValue() instanceof Class<?> type && ManagerFactoryBean.isManagerInterface(type)) {
                    interfaces.add(type);
                }
            }
        }
        if (interfaces.isEmpty()) {
            return null;
        }
        return (generationContext, code) -> register(generationContext.getRuntimeHints(), interfaces);
    }

    private static void register(RuntimeHints hints, List<Class<?>> interfaces) {
        for (Class<?> managerInterface : interfaces) {
            hints.proxies().registerJdkProxy(managerInterface);
            hints.reflection().registerType(managerInterface, MemberCategory.INVOKE_PUBLIC_METHODS);
        }
    }
}
