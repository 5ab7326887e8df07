package io.queryset.autoconfigure;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanFactoryUtils;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodClassKey;
import org.springframework.core.ReactiveAdapterRegistry;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionManager;
import org.springframework.transaction.interceptor.DelegatingTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.util.StringUtils;

/**
 * A {@code @Transactional} attribute source that names the transaction manager of an unqualified attribute by the
 * method's return type: the single {@link ReactiveTransactionManager} for a reactive type ({@code Mono}, {@code Flux},
 * anything {@link ReactiveAdapterRegistry} adapts), the single {@link PlatformTransactionManager} otherwise. A
 * qualified attribute, or a side with no single manager, is left as it is. Resolved once per method.
 */
final class ReturnTypeRoutingAttributeSource implements TransactionAttributeSource {

    private final TransactionAttributeSource delegate;
    private final ObjectProvider<ListableBeanFactory> beans;
    private final Map<MethodClassKey, TransactionAttribute> routed = new ConcurrentHashMap<>();

    ReturnTypeRoutingAttributeSource(TransactionAttributeSource delegate, ObjectProvider<ListableBeanFactory> beans) {
        this.delegate = delegate;
        this.beans = beans;
    }

    @Override
    public boolean isCandidateClass(Class<?> targetClass) {
        return delegate.isCandidateClass(targetClass);
    }

    @Override
    public boolean hasTransactionAttribute(Method method, @Nullable Class<?> targetClass) {
        return delegate.hasTransactionAttribute(method, targetClass);
    }

    @Override
    public @Nullable TransactionAttribute getTransactionAttribute(Method method, @Nullable Class<?> targetClass) {
        TransactionAttribute attribute = delegate.getTransactionAttribute(method, targetClass);
        if (attribute == null || StringUtils.hasText(attribute.getQualifier())) {
            return attribute;
        }
        return routed.computeIfAbsent(new MethodClassKey(method, targetClass), key -> route(method, attribute));
    }

    private TransactionAttribute route(Method method, TransactionAttribute attribute) {
        boolean reactive = ReactiveAdapterRegistry.getSharedInstance().getAdapter(method.getReturnType()) != null;
        String manager = single(reactive ? ReactiveTransactionManager.class : PlatformTransactionManager.class);
        if (manager == null) {
            return attribute;
        }
        return new DelegatingTransactionAttribute(attribute) {
            @Override
            public String getQualifier() {
                return manager;
            }
        };
    }

    private @Nullable String single(Class<? extends TransactionManager> type) {
        String[] names = BeanFactoryUtils.beanNamesForTypeIncludingAncestors(beans.getObject(), type);
        return names.length == 1 ? names[0] : null;
    }
}
