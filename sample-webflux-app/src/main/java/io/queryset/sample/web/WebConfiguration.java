package io.queryset.sample.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/**
 * Lets WebFlux handlers take a Spring Data {@code Pageable}. Spring Boot registers Spring Data's web
 * support only for servlet applications, so a WebFlux application adds the resolver itself.
 */
@Configuration(proxyBeanMethods = false)
class WebConfiguration implements WebFluxConfigurer {

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new StrictPageableArgumentResolver());
    }
}
