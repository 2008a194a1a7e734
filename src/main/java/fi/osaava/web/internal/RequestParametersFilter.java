package fi.osaava.web.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Parses every request's parameters (query string and form body) first, so that a query that is not
 * UTF-8 (such as {@code ?q=%C3%28}) or a form over the container's size limit is answered here with
 * a 400 (or 413) problem and one INFO line. Left to the container, the parse fails wherever a
 * parameter is first read, the servlet logs an ERROR with a stack trace for every such request, and
 * the error page fails the same way again: an anonymous client could flood the error log.
 *
 * <p>The response is written here rather than through the error page, because the container keeps
 * the parse failure and any later parameter read (the error page's too) would throw it again.
 */
class RequestParametersFilter extends OncePerRequestFilter {

  private static final Logger log = LoggerFactory.getLogger(RequestParametersFilter.class);

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      request.getParameterMap();
    } catch (InvalidParameterException e) {
      refuse(request, response, e);
      return;
    }
    chain.doFilter(request, response);
  }

  private static void refuse(
      HttpServletRequest request, HttpServletResponse response, InvalidParameterException e)
      throws IOException {
    HttpStatus status = HttpStatus.resolve(e.getErrorCode());
    if (status == null || !status.is4xxClientError()) {
      status = HttpStatus.BAD_REQUEST;
    }
    String detail =
        status == HttpStatus.CONTENT_TOO_LARGE
            ? "The form data is larger than the service accepts."
            : "The query string or form data cannot be read: parameters must be UTF-8 encoded.";
    // One line, without the parameter's value: it is the client's, and may be anything.
    log.info(
        "Refused {} {}: {} ({})",
        request.getMethod(),
        request.getRequestURI(),
        status.value(),
        status == HttpStatus.CONTENT_TOO_LARGE ? "form too large" : "parameters not UTF-8");
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"Invalid request\",\"status\":"
                + status.value()
                + ",\"detail\":\""
                + detail
                + "\"}");
  }
}
