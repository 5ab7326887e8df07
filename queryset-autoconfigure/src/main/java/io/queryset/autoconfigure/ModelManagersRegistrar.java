package io.queryset.autoconfigure;

import io.queryset.Database;
import io.queryset.Manager;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.BeanFactoryAware;
import org.springframework.beans.factory.FactoryBean;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.RuntimeBeanReference;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.EnvironmentAware;
import org.springframework.context.ResourceLoaderAware;
import org.springframework.context.annotation.ImportBeanDefinitionRegistrar;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.type.AnnotationMetadata;
import org.springframework.util.StringUtils;

/**
 * Registers one {@code Manager<T>} bean per {@code @Model} class, typed with its generic so that
 * {@code @Autowired Manager<Book>} resolves, one bean per application interface extending {@code Manager<T>},
 * and the {@link SchemaInitializer} that may create their tables.
 *
 * <p>A model with one manager interface ({@code BookManager extends Manager<Book>}) gets that bean only: it is also
 * what {@code Manager<Book>} injects. A model with several gets the plain manager too, as the primary
 * {@code Manager<Book>}.
 */
final class ModelManagersRegistrar
        implements ImportBeanDefinitionRegistrar, EnvironmentAware, ResourceLoaderAware, BeanFactoryAware {

    private Environment environment;

    private ResourceLoader resourceLoader;

    private BeanFactory beanFactory;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setResourceLoader(ResourceLoader resourceLoader) {
        this.resourceLoader = resourceLoader;
    }

    @Override
    public void setBeanFactory(BeanFactory beanFactory) {
        this.beanFactory = beanFactory;
    }

    @Override
    public void registerBeanDefinitions(AnnotationMetadata importingClassMetadata, BeanDefinitionRegistry registry) {
        List<String> packages = ModelPackages.resolve(environment, beanFactory);
        ModelScanner scanner = new ModelScanner(environment, resourceLoader);
        List<Class<?>> models = scanner.findModels(packages);
        registry.registerBeanDefinition(SchemaInitializer.BEAN_NAME, schemaInitializerDefinition(models));
        // Decided before our own definitions exist: they would match Manager<T> too.
        Set<Class<?>> userManaged = new HashSet<>();
        for (Class<?> model : models) {
            if (hasBean(managerType(model))) {
                userManaged.add(model);
            }
        }
        Map<Class<?>, Integer> interfacesPerModel = new HashMap<>();
        for (Class<?> managerInterface : scanner.findManagerInterfaces(packages)) {
            ManagerInterfaceProxy.checkOnlyDefaultMethods(managerInterface);
            if (!hasBean(ResolvableType.forClass(managerInterface))) {
                interfacesPerModel.merge(ManagerInterfaceProxy.modelOf(managerInterface), 1, Integer::sum);
                registry.registerBeanDefinition(beanName(registry, managerInterface.getSimpleName(), managerInterface),
                        managerDefinition(managerInterface, ResolvableType.forClass(managerInterface)));
            }
        }
        for (Class<?> model : models) {
            int interfaces = interfacesPerModel.getOrDefault(model, 0);
            if (interfaces != 1 && !userManaged.contains(model)) {
                RootBeanDefinition definition = managerDefinition(model, managerType(model));
                definition.setPrimary(interfaces > 1);
                registry.registerBeanDefinition(beanName(registry, model.getSimpleName() + "Manager", model), definition);
            }
        }
    }

    private static ResolvableType managerType(Class<?> model) {
        return ResolvableType.forClassWithGenerics(Manager.class, model);
    }

    private static RootBeanDefinition schemaInitializerDefinition(List<Class<?>> models) {
        RootBeanDefinition definition = new RootBeanDefinition(SchemaInitializer.class);
        definition.getConstructorArgumentValues().addIndexedArgumentValue(0, new RuntimeBeanReference(Database.class));
        definition.getConstructorArgumentValues().addIndexedArgumentValue(1, List.copyOf(models));
        definition.getConstructorArgumentValues()
                .addIndexedArgumentValue(2, new RuntimeBeanReference(QuerySetProperties.class));
        return definition;
    }

    /** The definition of a model's manager ({@code Manager<Book>}) or of a manager interface ({@code BookManager}). */
    private static RootBeanDefinition managerDefinition(Class<?> modelOrInterface, ResolvableType managerType) {
        RootBeanDefinition definition = new RootBeanDefinition(ManagerFactoryBean.class);
        definition.getConstructorArgumentValues().addIndexedArgumentValue(0, modelOrInterface);
        definition.getConstructorArgumentValues().addIndexedArgumentValue(1, new RuntimeBeanReference(Database.class));
        // The product's generic type, known without instantiating the FactoryBean: the attribute serves
        // type lookups (getBeanNamesForType), the target type serves generic autowiring.
        definition.setAttribute(FactoryBean.OBJECT_TYPE_ATTRIBUTE, managerType);
        definition.setTargetType(ResolvableType.forClassWithGenerics(FactoryBean.class, managerType));
        // Tables are created before any manager can be used from another bean's initializer.
        definition.setDependsOn(SchemaInitializer.BEAN_NAME);
        return definition;
    }

    /** An application that declares its own {@code Manager<Book>} (or {@code BookManager}) keeps it: ours backs off. */
    private boolean hasBean(ResolvableType type) {
        return beanFactory instanceof ListableBeanFactory listable
                && listable.getBeanNamesForType(type, true, false).length > 0;
    }

    /** {@code bookManager}; the qualified class name when another bean already has that name. */
    private static String beanName(BeanDefinitionRegistry registry, String simpleName, Class<?> type) {
        String simple = StringUtils.uncapitalizeAsProperty(simpleName);
        return registry.containsBeanDefinition(simple) ? type.getName() + ".manager" : simple;
    }
}
