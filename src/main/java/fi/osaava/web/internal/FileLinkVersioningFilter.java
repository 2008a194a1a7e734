package fi.osaava.web.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

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
 *
 * <p>A file link the chain leaves as it is is remembered and not handed to it again: our own styles
 * and scripts (no version in their path) and links that look like files but are none (the footer's
 * {@code /swagger-ui.html}, a redirect). The chain caches only what it finds, so such a miss
 * searched the static locations through every jar on every page again (13 % of the profile page's
 * time under load, after the fix above). The static files are those packaged with the service and
 * do not change while it runs, so the answer holds; the memory is bounded, since a link path may
 * come from data.
 */
@Component
class FileLinkVersioningFilter extends ResourceUrlEncodingFilter {

  private final Cache<String, Boolean> unchanged = Caffeine.newBuilder().maximumSize(1_000).build();

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
            chain.doFilter(req, new FilesOnly(req, plain, (HttpServletResponse) versioning)));
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

  /**
   * The versioning response, except that links to anything but files, and file links the chain
   * leaves as they are, skip the resource chain.
   */
  private final class FilesOnly extends HttpServletResponseWrapper {

    private final ServletRequest request;
    private final HttpServletResponse plain;

    FilesOnly(ServletRequest request, HttpServletResponse plain, HttpServletResponse versioning) {
      super(versioning);
      this.request = request;
      this.plain = plain;
    }

    @Override
    public String encodeURL(String url) {
      if (!isFile(url) || unchanged.getIfPresent(url) != null) {
        return plain.encodeURL(url);
      }
      String versioned = super.encodeURL(url);
      // Only an answer of the chain counts: a page rendered where Spring MVC did not hand the
      // request its ResourceUrlProvider gets every link unchanged, WebJar links too.
      if (versioned.equals(plain.encodeURL(url))
          && request.getAttribute(ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR)
              != null) {
        unchanged.put(url, Boolean.TRUE);
      }
      return versioned;
    }
  }
}
