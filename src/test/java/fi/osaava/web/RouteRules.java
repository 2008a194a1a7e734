package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The scaffolding of the route-by-route authorisation tests ({@code ProfileAuthorizationTest},
 * {@code PublishingAuthorizationTest}): the routes of an area read from Spring's handler mappings
 * as {@code METHOD pattern}, the check that every route has a rule (so a new route cannot ship
 * without one), and requests built from a route and its rule.
 *
 * @param area which path patterns belong to the area under test
 * @param rules a rule for each route, keyed {@code METHOD pattern}
 */
public record RouteRules(
    RequestMappingHandlerMapping mappings, Predicate<String> area, Map<String, Rule> rules) {

  private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}/]+)}");

  /**
   * What a route's path variables point at, and what it needs besides.
   *
   * @param target {@code own} for the caller's own data, else the kind of the other party's
   *     resource that the path variables name
   * @param params form or query parameters
   * @param json a JSON body, or null
   */
  public record Rule(String target, Map<String, String> params, String json) {

    public static Rule own() {
      return new Rule("own", Map.of(), null);
    }

    public static Rule own(Map<String, String> params) {
      return new Rule("own", params, null);
    }

    public static Rule ownJson(String json) {
      return new Rule("own", Map.of(), json);
    }

    public static Rule of(String target) {
      return new Rule(target, Map.of(), null);
    }

    public static Rule of(String target, Map<String, String> params) {
      return new Rule(target, params, null);
    }

    public static Rule json(String target, String json) {
      return new Rule(target, Map.of(), json);
    }

    public boolean isOwn() {
      return target.equals("own");
    }
  }

  /** The area's routes as {@code METHOD pattern} ({@code ANY} for a mapping without a method). */
  public Set<String> routes() {
    Set<String> routes = new TreeSet<>();
    for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
      for (String pattern : info.getPatternValues()) {
        if (area.test(pattern)) {
          info.getMethodsCondition().getMethods().forEach(m -> routes.add(m + " " + pattern));
          if (info.getMethodsCondition().getMethods().isEmpty()) {
            routes.add("ANY " + pattern);
          }
        }
      }
    }
    return routes;
  }

  /**
   * Every route of the area has a rule and every rule a route.
   *
   * @param atLeast how many routes the area has at least: finding none would pass vacuously
   * @param test the test class whose rules these are, for the failure message
   */
  public void assertEveryRouteHasARule(int atLeast, Class<?> test) {
    Set<String> routes = routes();
    assertThat(routes).as("routes found").hasSizeGreaterThanOrEqualTo(atLeast);
    assertThat(routes)
        .as("routes without an authorisation rule in " + test.getSimpleName() + ".RULES")
        .isSubsetOf(rules.keySet());
    assertThat(rules.keySet()).as("rules for routes that no longer exist").isSubsetOf(routes);
  }

  /** The rule of {@code route}, or {@link Rule#own()} for one without. */
  public Rule rule(String route) {
    return rules.getOrDefault(route, Rule.own());
  }

  /**
   * A request for {@code route} with its rule's parameters and body.
   *
   * @param pathVariable the value of each path variable, by the variable's name, for the rule
   * @param values rewrites the rule's parameter values and body (placeholders for ids that exist
   *     only once the test has made them)
   */
  public MockHttpServletRequestBuilder request(
      String route, PathValues pathVariable, UnaryOperator<String> values) {
    Rule rule = rule(route);
    String method = route.substring(0, route.indexOf(' '));
    Matcher m = PATH_VARIABLE.matcher(route.substring(route.indexOf(' ') + 1));
    StringBuilder path = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(path, Matcher.quoteReplacement(pathVariable.value(m.group(1), rule)));
    }
    m.appendTail(path);
    MockHttpServletRequestBuilder request =
        MockMvcRequestBuilders.request(
            HttpMethod.valueOf(method.equals("ANY") ? "GET" : method), path.toString());
    rule.params().forEach((k, v) -> request.param(k, values.apply(v)));
    if (rule.json() != null) {
      request
          .contentType(MediaType.APPLICATION_JSON)
          .content(values.apply(rule.json()))
          .header("If-Match", "\"v0\"");
    }
    return request;
  }

  /** The value of a path variable of a route with this rule. */
  @FunctionalInterface
  public interface PathValues {
    String value(String variable, Rule rule);
  }
}
