package fi.osaava.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Links back to the page being rendered with one query parameter changed, for language switches and
 * pagers. The result is a path relative to the host, so a forged Host header cannot leak into the
 * page.
 */
public final class CurrentUrl {

  private CurrentUrl() {}

  /**
   * The path and query of the current request with {@code name} set to {@code value} (or removed
   * when {@code value} is null), keeping every other parameter as the browser sent it.
   *
   * @param fragment an anchor to append without the {@code #}, or null
   */
  public static String withParameter(
      HttpServletRequest request, String name, @Nullable Object value, @Nullable String fragment) {
    // On an error dispatch the request URI is the error page's; the page the user asked for is in
    // the attribute, and that is where a language switch must lead.
    Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = errorUri instanceof String s ? s : request.getRequestURI();
    // A path such as "//evil.example" would make the link protocol-relative, leading off-site.
    path = "/" + path.replaceFirst("^/+", "");
    String query = request.getQueryString();
    UriComponentsBuilder builder =
        UriComponentsBuilder.fromUriString(query == null ? path : path + "?" + query);
    if (value == null) {
      builder.replaceQueryParam(name);
    } else {
      builder.replaceQueryParam(name, value);
    }
    builder.fragment(fragment);
    // The path and query arrive percent-encoded already; toUriString() leaves them as they are.
    return builder.build().toUriString();
  }
}
