package fi.osaava.web.internal;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.resource.ResourceUrlEncodingFilter;

/**
 * Puts the version into links to static files, as Spring's {@link ResourceUrlEncodingFilter} does
 * ({@code /webjars/htmx.org/dist/htmx.min.js} becomes {@code /webjars/htmx.org/2.0.10/dist/...}, so
 * a new WebJar version is never hidden by a browser's week-long cache), but only for links to
 * files.
 *
 * <p>Spring Boot registers that filter because webjars-locator-lite switches the resource chain on,
 * and it sends every link a page builds ({@code @{...}} calls {@code encodeURL}) through the chain.
 * A path that is no static resource, such as {@code /profile/skills/{id}/delete}, is then looked
 * for in each of the four static locations, through every jar on the class path, and a miss is not
 * cached: on the signed-in profile page (three links per skill, twenty in the layout) that was most
 * of the rendering time, and the reason it served a tenth of what the same data served as JSON
 * (docs/benchmarks.md, "profile"). Being a {@link ResourceUrlEncodingFilter} itself, this one
 * replaces Boot's, and hands it only links whose last path segment has a file extension: every
 * static resource here has one, and no page route does.
 */
@Component
class FileLinkVersioningFilter extends ResourceUrlEncodingFilter {

  /** As Boot registers its own: error pages too have the layout's links. */
  @Bean
  static FilterRegistrationBean<FileLinkVersioningFilter> fileLinkVersioningFilterRegistration(
      FileLinkVersioningFilter filter) {
    FilterRegistrationBean<FileLinkVersioningFilter> registration =
        new FilterRegistrationBean<>(filter);
    registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR);
    return registration;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!(response instanceof HttpServletResponse plain)) {
      super.doFilter(request, response, chain);
      return;
    }
    super.doFilter(
        request,
        response,
        (req, versioning) ->
            chain.doFilter(req, new FilesOnly(plain, (HttpServletResponse) versioning)));
  }

  /** Whether {@code url} points at a file: its path's last segment has an extension. */
  static boolean isFile(String url) {
    int end = url.length();
    int query = url.indexOf('?');
    if (query >= 0) {
      end = query;
    }
    int fragment = url.indexOf('#');
    if (fragment >= 0 && fragment < end) {
      end = fragment;
    }
    String path = url.substring(0, end);
    return path.lastIndexOf('.') > path.lastIndexOf('/');
  }

  /** The versioning response, except that links to anything but files skip the resource chain. */
  private static final class FilesOnly extends HttpServletResponseWrapper {

    private final HttpServletResponse plain;

    FilesOnly(HttpServletResponse plain, HttpServletResponse versioning) {
      super(versioning);
      this.plain = plain;
    }

    @Override
    public String encodeURL(String url) {
      return isFile(url) ? super.encodeURL(url) : plain.encodeURL(url);
    }
  }
}
