package fi.osaava.web.internal;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.NotFoundException;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors of every REST controller as RFC 9457 problem details ({@code application/problem+json}):
 * 400 with a detail that names the parameter and what is accepted, 404 for {@link
 * NotFoundException}. Spring MVC's own exceptions (missing parameter, wrong method and so on) are
 * mapped by {@link ResponseEntityExceptionHandler}. Ordered first so that it wins over the page
 * handler for {@code @RestController}s, which are {@code @Controller}s too.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException e) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    problem.setTitle("Not found");
    return problem;
  }

  /**
   * Bad input in a request body (a pushed batch) is located by line and field, named in the detail
   * as in the command line's message and given as the {@code line} and {@code field} properties.
   */
  @ExceptionHandler(InvalidInputException.class)
  ProblemDetail invalidInput(InvalidInputException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, e.line() > 0 ? e.getMessage() : e.problem());
    problem.setTitle("Invalid request");
    if (e.field() != null) {
      problem.setProperty("parameter", e.field());
    }
    if (e.line() > 0) {
      problem.setProperty("line", e.line());
      if (e.field() != null) {
        problem.setProperty("field", e.field());
      }
    }
    return problem;
  }

  /** The converters' messages say what is accepted; Spring's default detail does not. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String parameter =
        e instanceof MethodArgumentTypeMismatchException mismatch
            ? mismatch.getName()
            : e.getPropertyName();
    Throwable cause = e.getMostSpecificCause();
    String reason = cause == e ? "invalid value" : cause.getMessage();
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.BAD_REQUEST, "Invalid value for parameter '" + parameter + "': " + reason);
    problem.setTitle("Invalid request");
    problem.setProperty("parameter", parameter);
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** Lists each violated constraint, such as "size: must be less than or equal to 200". */
  @Override
  protected ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail =
        e.getParameterValidationResults().stream()
            .flatMap(
                result ->
                    result.getResolvableErrors().stream()
                        .map(
                            error ->
                                result.getMethodParameter().getParameterName()
                                    + ": "
                                    + error.getDefaultMessage()))
            .collect(Collectors.joining("; "));
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }
}
