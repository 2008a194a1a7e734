package fi.osaava.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceHttpRequestHandler;
import org.springframework.web.servlet.resource.ResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;
import org.springframework.web.servlet.resource.ResourceUrlProvider;
import org.springframework.web.servlet.resource.ResourceUrlProviderExposingInterceptor;

/** Which links go through the resource chain: links to files only. */
class FileLinkVersioningFilterTest {

  @Test
  void linksToFilesAreVersioned() {
    assertThat(FileLinkVersioningFilter.isFile("/webjars/htmx.org/dist/htmx.min.js")).isTrue();
    assertThat(FileLinkVersioningFilter.isFile("/css/osaava.css?v=1#top")).isTrue();
    assertThat(FileLinkVersioningFilter.isFile("/favicon.svg")).isTrue();
  }

  @Test
  void pageLinksAreNot() {
    assertThat(FileLinkVersioningFilter.isFile("/")).isFalse();
    assertThat(FileLinkVersioningFilter.isFile("/profile")).isFalse();
    assertThat(FileLinkVersioningFilter.isFile("/profile/skills/5f0c/delete")).isFalse();
    // A dot in the query or in an earlier segment does not make a file.
    assertThat(FileLinkVersioningFilter.isFile("/concepts?uri=http://data.europa.eu/esco/s.1"))
        .isFalse();
    assertThat(FileLinkVersioningFilter.isFile("/webjars/htmx.org/dist")).isFalse();
    assertThat(FileLinkVersioningFilter.isFile("/profile#skills.list")).isFalse();
  }

  /** Remembers which paths the static files' chain was asked to version. */
  private static final class Asked extends AbstractResourceResolver {
    final List<String> paths = new ArrayList<>();

    @Override
    protected @Nullable Resource resolveResourceInternal(
        @Nullable HttpServletRequest request,
        String requestPath,
        List<? extends Resource> locations,
        ResourceResolverChain chain) {
      return chain.resolveResource(request, requestPath, locations);
    }

    @Override
    protected @Nullable String resolveUrlPathInternal(
        String resourceUrlPath, List<? extends Resource> locations, ResourceResolverChain chain) {
      paths.add(resourceUrlPath);
      return chain.resolveUrlPath(resourceUrlPath, locations);
    }
  }

  private static ResourceHttpRequestHandler handler(
      String location, List<ResourceResolver> resolvers) throws Exception {
    ResourceHttpRequestHandler handler = new ResourceHttpRequestHandler();
    handler.setLocations(List.of(new ClassPathResource(location)));
    handler.setResourceResolvers(resolvers);
    handler.afterPropertiesSet();
    return handler;
  }

  /** The chain as Spring Boot sets it up here: WebJars versioned, our own files as they are. */
  private static ResourceUrlProvider provider(Asked asked) throws Exception {
    ResourceUrlProvider provider = new ResourceUrlProvider();
    provider.setHandlerMap(
        Map.of(
            "/webjars/**",
            handler(
                "META-INF/resources/webjars/",
                List.of(new LiteWebJarsResourceResolver(), new PathResourceResolver())),
            "/**",
            handler("static/", List.of(asked, new PathResourceResolver()))));
    return provider;
  }

  /** The page's links as one request renders them, with or without the chain. */
  private static List<String> page(
      FileLinkVersioningFilter filter, @Nullable ResourceUrlProvider provider) throws Exception {
    List<String> links = new ArrayList<>();
    FilterChain page =
        (request, response) -> {
          if (provider != null) {
            // As Spring MVC's interceptor does, once the request reaches the dispatcher.
            request.setAttribute(
                ResourceUrlProviderExposingInterceptor.RESOURCE_URL_PROVIDER_ATTR, provider);
          }
          for (String link : PAGE_LINKS) {
            links.add(((HttpServletResponse) response).encodeURL(link));
          }
        };
    filter.doFilter(
        new MockHttpServletRequest("GET", "/profile"), new MockHttpServletResponse(), page);
    return links;
  }

  private static final List<String> PAGE_LINKS =
      List.of(
          "/swagger-ui.html",
          "/css/osaava.css",
          "/webjars/htmx.org/dist/htmx.min.js",
          "/profile/skills/1/delete");

  private static void assertLinks(List<String> links) {
    assertThat(links)
        .satisfiesExactly(
            link -> assertThat(link).isEqualTo("/swagger-ui.html"),
            link -> assertThat(link).isEqualTo("/css/osaava.css"),
            // The WebJar's version still goes into its links, on every page.
            link ->
                assertThat(link).matches("/webjars/htmx\\.org/2\\.[0-9.]+/dist/htmx\\.min\\.js"),
            link -> assertThat(link).isEqualTo("/profile/skills/1/delete"));
  }

  @Test
  void aFileLinkTheChainLeavesAsItIsIsLookedUpOnce() throws Exception {
    Asked asked = new Asked();
    ResourceUrlProvider provider = provider(asked);
    FileLinkVersioningFilter filter = new FileLinkVersioningFilter();

    for (int i = 0; i < 3; i++) {
      assertLinks(page(filter, provider));
    }
    // The first page asked the chain about both files; the later pages asked it nothing.
    assertThat(asked.paths).containsExactly("swagger-ui.html", "css/osaava.css");
  }

  @Test
  void aPageRenderedWithoutTheChainDoesNotUnversionLaterPages() throws Exception {
    FileLinkVersioningFilter filter = new FileLinkVersioningFilter();

    assertThat(page(filter, null)).isEqualTo(PAGE_LINKS);

    assertLinks(page(filter, provider(new Asked())));
  }
}
