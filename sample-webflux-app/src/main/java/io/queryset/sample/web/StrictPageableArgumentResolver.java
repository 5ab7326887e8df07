package io.queryset.sample.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.core.MethodParameter;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.ReactivePageableHandlerMethodArgumentResolver;
import org.springframework.web.reactive.BindingContext;
import org.springframework.web.server.ServerWebExchange;

/**
 * Resolves a {@link Pageable} handler argument from {@code ?page=0&size=20} like Spring Data does, but
 * refuses bad values with HTTP 400 instead of quietly replacing them: Spring Data's resolver reads
 * {@code page=abc} as the first page and {@code size=5000} as its maximum, so a client's mistake would
 * come back as a plausible but wrong page.
 *
 * <p>Pages count from 0, as everywhere in Spring Data. Sorting is not read from the request here: each
 * endpoint checks its own {@code ordering} parameter against an allowlist.
 */
public class StrictPageableArgumentResolver extends ReactivePageableHandlerMethodArgumentResolver {

    /** Page size when the request names none. */
    public static final int DEFAULT_PAGE_SIZE = 20;

    /** The largest page a client may ask for. */
    public static final int MAX_PAGE_SIZE = 100;

    public StrictPageableArgumentResolver() {
        setMaxPageSize(MAX_PAGE_SIZE);
        setFallbackPageable(Pageable.ofSize(DEFAULT_PAGE_SIZE));
    }

    @Override
    public Pageable resolveArgumentValue(MethodParameter parameter, BindingContext bindingContext,
            ServerWebExchange exchange) {
        String page = getPageParameterName();
        String size = getSizeParameterName();
        requireWholeNumber(page, exchange.getRequest().getQueryParams().get(page), 0, Integer.MAX_VALUE);
        requireWholeNumber(size, exchange.getRequest().getQueryParams().get(size), 1, getMaxPageSize());
        Pageable pageable = super.resolveArgumentValue(parameter, bindingContext, exchange);
        // QuerySet slices with int offsets, as Django's qs[start:stop] does with list indexes.
        if (pageable.isPaged() && pageable.getOffset() > Integer.MAX_VALUE - pageable.getPageSize()) {
            throw new InvalidQueryParameterException(page, "Query parameter '" + page + "' is too large: page "
                    + pageable.getPageNumber() + " of size " + pageable.getPageSize() + " starts past the last row "
                    + "any query can reach.", List.of());
        }
        return pageable;
    }

    private static void requireWholeNumber(String name, @Nullable List<String> values, int min, int max) {
        if (values == null) {
            return;
        }
        String range = max == Integer.MAX_VALUE ? min + " or more" : "from " + min + " to " + max;
        if (values.size() != 1) {
            throw new InvalidQueryParameterException(name,
                    "Query parameter '" + name + "' was given " + values.size() + " times; give it once, a whole number "
                            + range + ".", List.of());
        }
        String value = values.get(0);
        long number;
        try {
            number = Long.parseLong(value.trim());
        } catch (NumberFormatException notANumber) {
            number = Long.MIN_VALUE;
        }
        if (number < min || number > max) {
            throw new InvalidQueryParameterException(name,
                    "Query parameter '" + name + "' must be a whole number " + range + ", not '" + value + "'.", List.of());
        }
    }
}
