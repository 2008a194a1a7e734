package fi.osaava.web.internal;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Turns the platform's exceptions in page controllers into error statuses; the container then
 * renders the localized error page ({@link ErrorPageController}), the same one every other error
 * gets. Spring MVC's own exceptions already become statuses this way.
 */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

  @ExceptionHandler(NotFoundException.class)
  void notFound(HttpServletResponse response) throws IOException {
    response.sendError(HttpServletResponse.SC_NOT_FOUND);
  }

  @ExceptionHandler(InvalidInputException.class)
  void invalidInput(HttpServletResponse response) throws IOException {
    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
  }

  @ExceptionHandler(ConstraintViolationException.class)
  void constraintViolation(HttpServletResponse response) throws IOException {
    response.sendError(HttpServletResponse.SC_BAD_REQUEST);
  }

  /** As in the API: 400 for a value the database cannot hold, 409 for a write that lost a race. */
  @ExceptionHandler(DataIntegrityViolationException.class)
  void dataIntegrityViolation(DataIntegrityViolationException e, HttpServletResponse response)
      throws IOException {
    response.sendError(StoredDataConflict.status(e).value());
  }
}
