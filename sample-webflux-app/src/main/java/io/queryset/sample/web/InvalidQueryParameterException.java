package io.queryset.sample.web;

import java.util.List;

/**
 * A query parameter the API does not accept; answered with HTTP 400 naming the parameter and, when the
 * parameter takes one of a fixed set of values, the valid choices.
 */
public class InvalidQueryParameterException extends RuntimeException {

    private final String parameter;

    private final List<String> validChoices;

    /**
     * @param parameter    the offending parameter's name
     * @param message      the problem's detail, read by people
     * @param validChoices what the client may send instead; empty when the parameter is not a choice (a number)
     */
    public InvalidQueryParameterException(String parameter, String message, List<String> validChoices) {
        super(message);
        this.parameter = parameter;
        this.validChoices = List.copyOf(validChoices);
    }

    /** The offending parameter's name. */
    public String parameter() {
        return parameter;
    }

    /** What the client may send instead; empty when the parameter is not a choice. */
    public List<String> validChoices() {
        return validChoices;
    }
}
