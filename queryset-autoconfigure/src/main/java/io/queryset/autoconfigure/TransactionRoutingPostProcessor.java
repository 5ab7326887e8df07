package io.queryset.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.PriorityOrdered;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * Gives every {@link TransactionInterceptor} a {@link ReturnTypeRoutingAttributeSource}: as it is created when this
 * post-processor is registered first, and otherwise once every singleton exists (the interceptor is an
 * infrastructure bean that may be created while post-processors are still being registered).
 */
final class TransactionRoutingPostProcessor implements BeanPostProcessor, PriorityOrdered, SmartInitializingSingleton {

    private final ObjectProvider<ListableBeanFactory> beans;

    TransactionRoutingPostProcessor(ObjectProvider<ListableBeanFactory> beans) {
        this.beans = beans;
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof TransactionInterceptor interceptor) {
            route(interceptor);
        }
        return bean;
    }

    @Override
    public void afterSingletonsInstantiated() {
        beans.getObject().getBeansOfType(TransactionInterceptor.class, false, false).values().forEach(this::route);
    }

    private void route(TransactionInterceptor interceptor) {
        TransactionAttributeSource source = interceptor.getTransactionAttributeSource();
        if (source != null && !(source instanceof ReturnTypeRoutingAttributeSource)) {
            interceptor.setTransactionAttributeSource(new ReturnTypeRoutingAttributeSource(source, beans));
        }
    }

    @Override
    public int getOrder() {
        return PriorityOrdered.LOWEST_PRECEDENCE;
    }
}
