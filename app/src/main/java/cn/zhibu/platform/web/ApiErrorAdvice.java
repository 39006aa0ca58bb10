package cn.zhibu.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

/**
 * Errors of the API controllers as RFC 9457 problems ({@link ProblemMapper}): every exception a {@code @RestController}
 * lets through, Spring MVC's own (unreadable JSON, 405, 406, 415, validation …) and ours. Errors outside a controller
 * (unknown path, security, filters, upload limits) reach {@link ProblemErrorController} and get the same shape. A
 * handler for a particular exception (say a 429 of a throttle) goes here beside the catch-all and answers
 * {@code ResponseEntity.status(429).contentType(Problem.JSON).body(Problem.of(…).document(path))}.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrorAdvice {

    private final ProblemMapper problems;

    ApiErrorAdvice(ProblemMapper problems) {
        this.problems = problems;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> any(Exception e, HttpServletRequest request) {
        if (e instanceof AsyncRequestNotUsableException) {
            return null; // the client has gone: nothing to answer
        }
        return problems.toProblem(e, HttpStatus.INTERNAL_SERVER_ERROR, request.getMethod(), request.getRequestURI());
    }
}
