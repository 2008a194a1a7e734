package fi.osaava.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import fi.osaava.web.RouteRules;
import fi.osaava.web.RouteRules.PathValues;
import fi.osaava.web.RouteRules.Rule;
import fi.osaava.web.WebTestBase;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Route-by-route authorisation of the notification pages, generated from Spring's handler mappings:
 * every {@code /notifications} route must have a rule. A person's saved searches, e-mail choice and
 * inbox are theirs alone (anonymous visitors are sent to sign in; another person's saved search is
 * not found and stays), and so are their webhook subscriptions (another person's is not found, and
 * its secret, state and deliveries stay as they were); the unsubscribe link works without sign-in
 * by its token only; the development mailbox is open, in development only.
 */
class NotificationsAuthorizationTest extends WebTestBase {

  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("GET /notifications/searches", Rule.own());
    RULES.put(
        "POST /notifications/searches", Rule.own(Map.of("kind", "education", "q", "A saves")));
    RULES.put("POST /notifications/searches/{id}/delete", Rule.of("SEARCH"));
    RULES.put(
        "POST /notifications/settings",
        Rule.own(Map.of("email", "a@example.fi", "frequency", "IMMEDIATE")));
    RULES.put("GET /notifications/inbox", Rule.own());
    RULES.put("POST /notifications/inbox/read", Rule.own());
    RULES.put("GET /notifications/unsubscribe", Rule.of("TOKEN", Map.of("token", "TOKEN")));
    RULES.put("POST /notifications/unsubscribe", Rule.of("TOKEN", Map.of("token", "TOKEN")));
    RULES.put("GET /notifications/dev-mailbox", Rule.of("DEVELOPMENT"));
    RULES.put("GET /notifications/webhooks", Rule.own());
    // A's own form posted with B's saved search: refused as not A's (the form again, 200).
    RULES.put(
        "POST /notifications/webhooks",
        Rule.own(Map.of("savedSearch", "SEARCH", "url", "https://example.org/hook")));
    RULES.put("GET /notifications/webhooks/{id}", Rule.of("WEBHOOK"));
    RULES.put("POST /notifications/webhooks/{id}/test", Rule.of("WEBHOOK"));
    RULES.put("POST /notifications/webhooks/{id}/rotate", Rule.of("WEBHOOK"));
    RULES.put("POST /notifications/webhooks/{id}/enable", Rule.of("WEBHOOK"));
    RULES.put("POST /notifications/webhooks/{id}/delete", Rule.of("WEBHOOK"));
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired JdbcClient jdbc;

  RouteRules table() {
    return new RouteRules(mappings, p -> p.startsWith("/notifications/"), RULES);
  }

  @Test
  void everyRouteHasARule() {
    table().assertEveryRouteHasARule(16, NotificationsAuthorizationTest.class);
  }

  @Test
  void eachRouteServesOnlyWhomItsRuleNames() throws Exception {
    RequestPostProcessor a = oidc.person("notify-a-" + UUID.randomUUID());
    RequestPostProcessor b = oidc.person("notify-b-" + UUID.randomUUID());
    // B saves a search and asks for mail: B's search id and unsubscribe token are the targets.
    perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/notifications/searches")
            .param("kind", "education")
            .param("q", "B:n salainen haku")
            .with(b)
            .with(csrf()));
    perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/notifications/settings")
            .param("email", "b@example.fi")
            .param("frequency", "DAILY")
            .with(b)
            .with(csrf()));
    UUID bSearch =
        jdbc.sql("select id from nt_saved_search where words = 'B:n salainen haku'")
            .query(UUID.class)
            .list()
            .getLast();
    String bToken =
        jdbc.sql(
                "select r.unsubscribe_token from nt_recipient r join nt_saved_search s"
                    + " on s.person_id = r.person_id where s.id = ?")
            .param(bSearch)
            .query(String.class)
            .single();

    // B subscribes the search to a webhook: B's subscription and its secret are targets too.
    perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/notifications/webhooks")
            .param("savedSearch", bSearch.toString())
            .param("url", "http://127.0.0.1:9/b-hook")
            .with(b)
            .with(csrf()));
    UUID bWebhook =
        jdbc.sql("select id from nt_webhook where saved_search_id = ?")
            .param(bSearch)
            .query(UUID.class)
            .single();
    String bSecret = webhookSecret(bWebhook);
    PathValues path =
        (v, r) -> r.target().equals("WEBHOOK") ? bWebhook.toString() : bSearch.toString();
    UnaryOperator<String> values =
        v -> v.replace("TOKEN", bToken).replace("SEARCH", bSearch.toString());

    for (String route : table().routes()) {
      Rule rule = table().rule(route);
      MockHttpServletRequestBuilder anonymous = table().request(route, path, values);
      MockHttpServletRequestBuilder signedInA = table().request(route, path, values);
      switch (rule.target()) {
        case "own" -> {
          MockHttpServletResponse response = perform(anonymous.with(csrf()));
          assertThat(response.getStatus()).as(route + " anonymous").isEqualTo(302);
          assertThat(response.getRedirectedUrl()).as(route).endsWith("/sign-in");
          assertThat(perform(signedInA.with(a).with(csrf())).getStatus())
              .as(route + " signed in")
              .isIn(200, 302);
        }
        case "SEARCH" -> {
          assertThat(perform(anonymous.with(csrf())).getStatus()).as(route).isEqualTo(302);
          assertThat(perform(signedInA.with(a).with(csrf())).getStatus())
              .as(route + ": A deletes B's search")
              .isEqualTo(404);
          assertThat(
                  jdbc.sql("select count(*) from nt_saved_search where id = ?")
                      .param(bSearch)
                      .query(Integer.class)
                      .single())
              .as("B's search is still there")
              .isEqualTo(1);
        }
        case "WEBHOOK" -> {
          assertThat(perform(anonymous.with(csrf())).getStatus()).as(route).isEqualTo(302);
          assertThat(perform(signedInA.with(a).with(csrf())).getStatus())
              .as(route + ": A on B's webhook")
              .isEqualTo(404);
          assertThat(webhookSecret(bWebhook)).as("B's subscription unchanged").isEqualTo(bSecret);
        }
        case "TOKEN" -> {
          // Without a session and, for the one-click POST, without a CSRF token (RFC 8058).
          assertThat(perform(anonymous).getStatus()).as(route + " with B's token").isEqualTo(200);
          MockHttpServletRequestBuilder guessed =
              table().request(route, (v, r) -> "x", v -> v.replace("TOKEN", "guessed-token"));
          assertThat(perform(guessed).getStatus()).as(route + " with a guess").isEqualTo(404);
        }
        case "DEVELOPMENT" -> assertThat(perform(anonymous).getStatus()).as(route).isEqualTo(200);
        default -> throw new AssertionError("no check for " + rule.target());
      }
    }
    assertThat(
            jdbc.sql("select frequency from nt_recipient where unsubscribe_token = ?")
                .param(bToken)
                .query(String.class)
                .single())
        .as("B unsubscribed by the token alone")
        .isEqualTo("OFF");
  }

  private String webhookSecret(UUID webhook) {
    return jdbc.sql(
            "select secret || enabled || (select count(*) from nt_webhook_delivery"
                + " where webhook_id = w.id) from nt_webhook w where id = ?")
        .param(webhook)
        .query(String.class)
        .single();
  }

  private MockHttpServletResponse perform(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request).andReturn().getResponse();
  }
}
