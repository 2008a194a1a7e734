package fi.osaava.web.internal;

import fi.osaava.platform.Language;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * Puts every API problem's {@code title} into the request's language ({@link ProblemLanguage}),
 * whichever module or handler wrote the problem, so that no controller needs its own message
 * lookup. Clients may show the title to people; in Finnish, Swedish and Norwegian it is the
 * status's title ({@code api.problem.status.NNN}). English keeps the title the handler chose, which
 * may be more specific ("Text too long"). The {@code detail} stays English: it names parameters and
 * values for the client's developer.
 */
@RestControllerAdvice
class LocalizedProblemTitles implements ResponseBodyAdvice<Object> {

  private final MessageSource messages;

  LocalizedProblemTitles(MessageSource messages) {
    this.messages = messages;
  }

  @Override
  public boolean supports(
      MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public @Nullable Object beforeBodyWrite(
      @Nullable Object body,
      MethodParameter returnType,
      MediaType selectedContentType,
      Class<? extends HttpMessageConverter<?>> selectedConverterType,
      ServerHttpRequest request,
      ServerHttpResponse response) {
    if (body instanceof ProblemDetail problem) {
      Locale locale = ProblemLanguage.ofCurrentRequest();
      if (!locale.getLanguage().equals(Language.EN.code())) {
        String title =
            messages.getMessage("api.problem.status." + problem.getStatus(), null, null, locale);
        if (title != null) {
          problem.setTitle(title);
        }
      }
    }
    return body;
  }
}
