package io.queryset.sample.web;

import io.queryset.FieldLookupException;
import io.queryset.ObjectDoesNotExistException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;

/**
 * Answers every API error with an RFC 9457 problem detail ({@code application/problem+json}).
 * Extending ResponseEntityExceptionHandler covers Spring's own errors (a malformed body, a
 * non-numeric id) the same way. Errors of one feature (the checkout's 409) live beside that feature.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    @ExceptionHandler
    ProblemDetail invalidQueryParameter(InvalidQueryParameterException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid query parameter");
        problem.setProperty("parameter", ex.parameter());
        if (!ex.validChoices().isEmpty()) {
            problem.setProperty("validChoices", ex.validChoices());
        }
        return problem;
    }

    /**
     * A filter value QuerySet cannot convert to the field's type, such as {@code pages__gte=many}. Lookup
     * names never come from the request unchecked, so a value is all a client can get wrong here.
     */
    @ExceptionHandler
    ProblemDetail invalidLookupValue(FieldLookupException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Invalid filter value");
        return problem;
    }

    /** {@code aget} found no row: Django's {@code DoesNotExist}, HTTP's 404. */
    @ExceptionHandler
    ProblemDetail notFound(ObjectDoesNotExistException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
        problem.setTitle("Not found");
        return problem;
    }
}
