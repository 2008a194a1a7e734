package fi.osaava.platform;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.linkbuilder.StandardLinkBuilder;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Renders the application's real Thymeleaf templates outside a servlet request, for page benchmarks
 * run from the command line (which has no web server): the same templates, messages and layout;
 * CSRF fields and the servlet stack are not included.
 */
@Component
public class TemplatePages {

  private final SpringTemplateEngine engine;

  TemplatePages(MessageSource messages) {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setCharacterEncoding("UTF-8");
    resolver.setCacheable(true);
    engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    engine.setTemplateEngineMessageSource(messages);
    // Outside a servlet request, context-relative links (@{/profile}) have no context path to
    // prepend; the web server's is empty too.
    engine.setLinkBuilder(
        new StandardLinkBuilder() {
          @Override
          protected String computeContextPath(
              IExpressionContext context, String base, Map<String, Object> parameters) {
            return "";
          }
        });
  }

  /**
   * The page {@code template} for {@code model}, with the request parameters the page reads given
   * as absent (a plain GET); its length in characters.
   */
  public int render(
      String template, Locale locale, Map<String, ?> model, List<String> absentParameters) {
    Context context = new Context(locale);
    context.setVariables(new HashMap<>(model));
    Map<String, Object> parameters = new HashMap<>();
    absentParameters.forEach(name -> parameters.put(name, null));
    context.setVariable("param", parameters);
    return engine.process(template, context).length();
  }
}
