package fi.osaava.web.internal;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.StorableText;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a request any of whose parameters (query string or form field, name or value) holds a
 * character the database cannot store ({@link StorableText}), before any controller binds it: a 400
 * that names the parameter, the same on every route, instead of a database error deep in a write.
 * JSON bodies get the same rule from {@link StorableTextJacksonModule}.
 */
class StorableParametersInterceptor implements HandlerInterceptor {

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      String name = parameter.getKey();
      if (!StorableText.isStorable(name)) {
        throw new InvalidInputException("request", 0, "(parameter name)", StorableText.PROBLEM);
      }
      for (String value : parameter.getValue()) {
        if (!StorableText.isStorable(value)) {
          throw new InvalidInputException("request", 0, name, StorableText.PROBLEM);
        }
      }
    }
    return true;
  }
}
