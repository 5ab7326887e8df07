package io.queryset.autoconfigure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;
import org.springframework.util.ClassUtils;

/**
 * Keeps Boot's R2DBC auto-configuration out of an application that has no R2DBC driver and no
 * {@code spring.r2dbc.url}. The starter brings r2dbc-pool, whose {@code ConnectionFactoryProvider} service file
 * switches Boot's R2DBC auto-configuration on; without a driver it would then fail the start-up with "Failed to
 * determine a suitable R2DBC Connection URL". A JDBC-only application runs its {@code a}-methods BRIDGED instead.
 */
public final class R2dbcWithoutDriverFilter implements AutoConfigurationImportFilter, EnvironmentAware, BeanClassLoaderAware {

    private static final String PROVIDERS = "META-INF/services/io.r2dbc.spi.ConnectionFactoryProvider";
    private static final String POOL_PROVIDER = "io.r2dbc.pool.PoolingConnectionFactoryProvider";
    private static final Set<String> R2DBC_AUTO_CONFIGURATIONS = Set.of(
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcTransactionManagerAutoConfiguration",
            "org.springframework.boot.r2dbc.autoconfigure.R2dbcInitializationAutoConfiguration");

    private @Nullable Environment environment;
    private @Nullable ClassLoader classLoader;

    @Override
    public void setEnvironment(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Override
    public boolean[] match(@Nullable String[] candidates, AutoConfigurationMetadata metadata) {
        boolean[] matches = new boolean[candidates.length];
        Boolean keep = null;
        for (int i = 0; i < candidates.length; i++) {
            String candidate = candidates[i];
            if (candidate == null || !R2DBC_AUTO_CONFIGURATIONS.contains(candidate)) {
                matches[i] = true;
                continue;
            }
            if (keep == null) {
                keep = r2dbcConfigured() || driverPresent();
            }
            matches[i] = keep;
        }
        return matches;
    }

    private boolean r2dbcConfigured() {
        return environment != null && environment.containsProperty("spring.r2dbc.url");
    }

    /** Whether a ConnectionFactoryProvider other than the pool's is listed and loadable. */
    private boolean driverPresent() {
        ClassLoader loader = classLoader != null ? classLoader : ClassUtils.getDefaultClassLoader();
        try {
            Enumeration<URL> files = loader.getResources(PROVIDERS);
            while (files.hasMoreElements()) {
                try (BufferedReader lines = new BufferedReader(
                        new InputStreamReader(files.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                        String provider = line.replaceFirst("#.*", "").trim();
                        if (!provider.isEmpty() && !provider.equals(POOL_PROVIDER) && ClassUtils.isPresent(provider, loader)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + PROVIDERS, e);
        }
    }
}
