package fi.osaava.web.internal;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.NotFoundException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.TypeMismatchException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterErrors;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Errors of every REST controller as RFC 9457 problem details ({@code application/problem+json}):
 * 400 with a detail that names the parameter and what is accepted, 404 for {@link
 * NotFoundException}. Spring MVC's own exceptions (missing parameter, wrong method and so on) are
 * mapped by {@link ResponseEntityExceptionHandler}. Ordered first so that it wins over the page
 * handler for {@code @RestController}s, which are {@code @Controller}s too.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE + 1) // after DatabaseUnavailableHandler
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

  /**
   * A parameter constraint checked by a {@code @Validated} controller's proxy (rather than by
   * Spring MVC's own method validation), such as {@code limit} below its {@code @Min}.
   */
  @ExceptionHandler(ConstraintViolationException.class)
  ProblemDetail constraintViolation(ConstraintViolationException e) {
    String parameter = null;
    StringBuilder detail = new StringBuilder();
    for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
      String name = null;
      for (Path.Node node : violation.getPropertyPath()) {
        name = node.getName();
      }
      if (parameter == null) {
        parameter = name;
      }
      if (!detail.isEmpty()) {
        detail.append("; ");
      }
      detail.append(name).append(": ").append(violation.getMessage());
    }
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail.toString());
    problem.setTitle("Invalid request");
    if (parameter != null) {
      problem.setProperty("parameter", parameter);
    }
    return problem;
  }

  /**
   * The database refused a write: a value it cannot hold is the client's (400); a violated
   * constraint means the rows changed under the request, for example the account was deleted from
   * another session meanwhile (409). Never a 500, and never the SQL in the response.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail dataIntegrityViolation(DataIntegrityViolationException e) {
    HttpStatus status = StoredDataConflict.status(e);
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, StoredDataConflict.detail(e));
    problem.setTitle(status == HttpStatus.CONFLICT ? "Conflict" : "Invalid request");
    return problem;
  }

  /** Names the JSON field whose value could not be bound, such as a NUL in {@code title}. */
  @Override
  protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    String detail = "The request body cannot be read";
    String field = null;
    if (e.getMostSpecificCause() instanceof JacksonException json) {
      field = json.getPath().isEmpty() ? null : json.getPathReference();
      String reason = json.getOriginalMessage();
      if (!json.getPath().isEmpty()) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : json.getPath()) {
          if (reference.getPropertyName() != null) {
            path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
          } else if (reference.getIndex() >= 0) {
            path.append('[').append(reference.getIndex()).append(']');
          }
        }
        field = path.toString();
      }
      detail =
          field == null || field.isEmpty()
              ? "The request body is not valid JSON: " + firstLine(reason)
              : "Invalid value for field '" + field + "': " + firstLine(reason);
    }
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
    problem.setTitle("Invalid request");
    if (field != null && !field.isEmpty()) {
      problem.setProperty("field", field);
    }
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }

  /** The title in the language the client asked for (see {@link ProblemLanguage}). */
  private static String firstLine(String text) {
    if (text == null) {
      return "unreadable";
    }
    String line = text.lines().findFirst().orElse("").strip();
    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
  }

  /** The converters' messages say what is accepted; Spring's default detail does not. */
  @Override
  protected @Nullable ResponseEntity<Object> handleTypeMismatch(
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

  /**
   * Lists each violated constraint, such as "size: must be less than or equal to 200". A parameter
   * object's constraints ({@code PageQuery}) are named by their field, not by the object.
   */
  @Override
  protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
      HandlerMethodValidationException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<String> names = new ArrayList<>();
    List<String> details = new ArrayList<>();
    for (ParameterValidationResult result : e.getParameterValidationResults()) {
      if (result instanceof ParameterErrors errors) {
        for (FieldError error : errors.getFieldErrors()) {
          names.add(error.getField());
          details.add(fieldDetail(error));
        }
      } else {
        String name = result.getMethodParameter().getParameterName();
        names.add(name);
        for (MessageSourceResolvable error : result.getResolvableErrors()) {
          details.add(name + ": " + error.getDefaultMessage());
        }
      }
    }
    return invalidParameters(e, names, details, headers, request);
  }

  /**
   * A parameter object ({@code PageQuery}) that could not be bound or failed its constraints: as
   * for a single parameter, the detail says which and what is accepted.
   */
  @Override
  protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
      MethodArgumentNotValidException e,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    List<String> names = new ArrayList<>();
    List<String> details = new ArrayList<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      names.add(error.getField());
      details.add(fieldDetail(error));
    }
    if (names.isEmpty()) {
      return super.handleMethodArgumentNotValid(e, headers, status, request);
    }
    return invalidParameters(e, names, details, headers, request);
  }

  private static String fieldDetail(FieldError error) {
    if (error.contains(TypeMismatchException.class)) {
      TypeMismatchException mismatch = error.unwrap(TypeMismatchException.class);
      Throwable cause = mismatch.getMostSpecificCause();
      String reason = cause == mismatch ? "invalid value" : cause.getMessage();
      return "Invalid value for parameter '" + error.getField() + "': " + reason;
    }
    return error.getField() + ": " + error.getDefaultMessage();
  }

  private @Nullable ResponseEntity<Object> invalidParameters(
      Exception e,
      List<String> names,
      List<String> details,
      HttpHeaders headers,
      WebRequest request) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, String.join("; ", details));
    problem.setTitle("Invalid request");
    // As for every other refused parameter, a single one is named for clients to show.
    if (names.stream().distinct().count() == 1) {
      problem.setProperty("parameter", names.getFirst());
    }
    return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
  }
}
