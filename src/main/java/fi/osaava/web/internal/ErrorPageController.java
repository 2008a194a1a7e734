package fi.osaava.web.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the container sends every error that no controller answered: unknown paths, refused
 * requests, statuses set by {@link PageExceptionHandler} and uncaught exceptions. Browsers get the
 * localized error page; other clients an RFC 9457 problem. Neither ever shows a stack trace or an
 * exception message, which could reveal internals. Requested directly, {@code /error} answers 404.
 */
@Controller
@RequestMapping("${server.error.path:${error.path:/error}}")
class ErrorPageController implements ErrorController {

  @RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
  ModelAndView page(HttpServletRequest request) {
    HttpStatus status = status(request);
    return new ModelAndView("web/error", Map.of("status", status.value()), status);
  }

  @RequestMapping
  ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
    HttpStatus status = status(request);
    ProblemDetail problem = ProblemDetail.forStatus(status);
    if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
      try {
        problem.setInstance(URI.create(path));
      } catch (IllegalArgumentException unparsable) {
        // The instance is optional; a path that is no valid URI is left out rather than echoed.
      }
    }
    return ResponseEntity.status(status)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  private static HttpStatus status(HttpServletRequest request) {
    // Only the container's error dispatch lands here on purpose; requested directly, /error is not
    // a page of the service, and without an error to report it would otherwise look like a 500.
    if (request.getDispatcherType() != DispatcherType.ERROR) {
      return HttpStatus.NOT_FOUND;
    }
    if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code) {
      HttpStatus status = HttpStatus.resolve(code);
      if (status != null && status.isError()) {
        return status;
      }
    }
    return HttpStatus.INTERNAL_SERVER_ERROR;
  }
}
