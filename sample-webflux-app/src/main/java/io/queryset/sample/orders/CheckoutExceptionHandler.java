package io.queryset.sample.orders;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The checkout's own failures as RFC 9457 problem details; the shared ones are in the web package. */
@RestControllerAdvice
class CheckoutExceptionHandler {

    /** 409: the request was fine, the stock is not; the client may retry with fewer copies. */
    @ExceptionHandler
    ProblemDetail insufficientStock(InsufficientStockException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, ex.getMessage());
        problem.setTitle("Insufficient stock");
        problem.setProperty("bookId", ex.bookId());
        problem.setProperty("requested", ex.requested());
        problem.setProperty("available", ex.available());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail unknownBook(UnknownBookException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
        problem.setTitle("Unknown book");
        problem.setProperty("bookIds", ex.bookIds());
        return problem;
    }
}
