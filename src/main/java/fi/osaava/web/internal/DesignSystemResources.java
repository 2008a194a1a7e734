package fi.osaava.web.internal;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistration;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.LiteWebJarsResourceResolver;
import org.springframework.web.servlet.resource.ResourceTransformer;
import org.springframework.web.servlet.resource.ResourceTransformerChain;
import org.springframework.web.servlet.resource.TransformedResource;

/**
 * Serves the WebJars as Spring Boot would (version-free paths, the same cache headers), except that
 * GOV.UK Frontend's style sheet goes out without its {@code @font-face} rules. They name GDS
 * Transport at {@code /assets/fonts/}, a typeface licensed to GOV.UK alone: our theme sets a system
 * font on everything, but a browser that lays a page out before our own sheet has applied (an
 * aborted or slow load) would still ask for it. Without the rules there is nothing to ask for.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication // the command line has no web server and no WebProperties
class DesignSystemResources implements WebMvcConfigurer {

  static final String STYLE_SHEET = "govuk-frontend.min.css";

  private static final Pattern FONT_FACE = Pattern.compile("@font-face\\s*\\{[^}]*}");

  private final WebProperties web;

  DesignSystemResources(WebProperties web) {
    this.web = web;
  }

  /** Spring Boot leaves {@code /webjars/**} alone once a handler for it is registered here. */
  @Override
  public void addResourceHandlers(ResourceHandlerRegistry registry) {
    ResourceHandlerRegistration webJars =
        registry
            .addResourceHandler("/webjars/**")
            .addResourceLocations("classpath:/META-INF/resources/webjars/");
    WebProperties.Resources.Cache cache = web.getResources().getCache();
    CacheControl cacheControl = cache.getCachecontrol().toHttpCacheControl();
    if (cacheControl != null) {
      webJars.setCacheControl(cacheControl);
    } else if (cache.getPeriod() != null) {
      webJars.setCachePeriod((int) cache.getPeriod().toSeconds());
    }
    webJars
        .resourceChain(true)
        .addResolver(new LiteWebJarsResourceResolver())
        .addTransformer(new WithoutFontFaces());
  }

  /** Removes every {@code @font-face} rule from GOV.UK Frontend's style sheet. */
  static final class WithoutFontFaces implements ResourceTransformer {

    @Override
    public Resource transform(
        HttpServletRequest request, Resource resource, ResourceTransformerChain chain)
        throws IOException {
      Resource transformed = chain.transform(request, resource);
      if (!STYLE_SHEET.equals(transformed.getFilename())) {
        return transformed;
      }
      String css = transformed.getContentAsString(StandardCharsets.UTF_8);
      return new TransformedResource(
          transformed, FONT_FACE.matcher(css).replaceAll("").getBytes(StandardCharsets.UTF_8));
    }
  }
}
