package io.queryset.sample.web;

import java.util.List;
import org.springframework.util.MultiValueMap;

/** Checks of a request's query string shared by the endpoints. */
public final class QueryParameters {

    private QueryParameters() {
    }

    /**
     * Refuses any parameter outside {@code allowed}, so that a misspelt one ({@code ?pgae=2}) is an error
     * instead of being silently ignored.
     *
     * @throws InvalidQueryParameterException naming the first unknown parameter and the choices
     */
    public static void requireKnown(MultiValueMap<String, String> params, List<String> allowed) {
        for (String name : params.keySet()) {
            if (!allowed.contains(name)) {
                throw new InvalidQueryParameterException(name,
                        "Unknown query parameter '" + name + "'. Choices are: " + String.join(", ", allowed) + ".",
                        allowed);
            }
        }
    }
}
