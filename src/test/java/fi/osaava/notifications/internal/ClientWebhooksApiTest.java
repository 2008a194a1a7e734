package fi.osaava.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import com.standardwebhooks.Webhook;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.platform.ImportProgress;
import fi.osaava.web.FixedClock;
import fi.osaava.web.RouteRules;
import fi.osaava.web.RouteRules.Rule;
import fi.osaava.web.WebTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * An organisation's API client manages its own webhook subscriptions through {@code
 * /api/v1/webhooks} (scope {@code webhooks.manage}): route by route, generated from the handler
 * mappings, only a token with the scope reaches a route, and another client's subscription is not
 * found and stays as it was. A client's subscription follows the search given with it: a new
 * matching offering arrives signed, with no inbox message anywhere; refused fields are named and
 * store nothing; a subscription that keeps failing is turned off and the client's registered
 * contact is mailed; deleting the subscription deletes its search.
 */
class ClientWebhooksApiTest extends WebTestBase {

  static final Map<String, Rule> RULES = new LinkedHashMap<>();

  static {
    RULES.put("GET /api/v1/webhooks", Rule.of("scope"));
    RULES.put("POST /api/v1/webhooks", Rule.of("scope"));
    RULES.put("GET /api/v1/webhooks/{id}", Rule.of("client"));
    RULES.put("DELETE /api/v1/webhooks/{id}", Rule.of("client"));
    RULES.put("POST /api/v1/webhooks/{id}/rotate", Rule.of("client"));
    RULES.put("POST /api/v1/webhooks/{id}/enable", Rule.of("client"));
    RULES.put("POST /api/v1/webhooks/{id}/test", Rule.of("client"));
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired JdbcClient jdbc;
  @Autowired EducationCatalogue catalogue;
  @Autowired WebhookOutbox outbox;
  @Autowired MailOutbox mailOutbox;
  @Autowired GreenMail mailServer;

  private final ObjectMapper json = new ObjectMapper();
  WebhookSubscriber subscriber;

  @BeforeEach
  void subscriber() throws IOException {
    subscriber = new WebhookSubscriber();
  }

  @AfterEach
  void stop() {
    subscriber.close();
  }

  private String token(String client) {
    return "Bearer " + oidc.clientToken(client, "webhooks.manage");
  }

  private MockHttpServletResponse call(MockHttpServletRequestBuilder request, String client)
      throws Exception {
    return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, token(client)))
        .andReturn()
        .getResponse();
  }

  /** Subscribes the client to an education search for {@code words}; the answer's JSON. */
  private JsonNode subscribe(String client, String words) throws Exception {
    MockHttpServletResponse created =
        call(
            post("/api/v1/webhooks")
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    {"url": "%s", "search": {"kind": "education", "q": "%s",
                     "facets": {"unknown": ["dropped"]}}}
                    """
                        .formatted(subscriber.url(), words)),
            client);
    assertThat(created.getStatus()).as(created.getContentAsString()).isEqualTo(201);
    JsonNode body = json.readTree(created.getContentAsString());
    assertThat(created.getHeader(HttpHeaders.LOCATION))
        .isEqualTo("/api/v1/webhooks/" + body.path("id").asString());
    assertThat(body.path("secret").asString()).startsWith("whsec_");
    return body;
  }

  private long clientRows(String table, String client) {
    return jdbc.sql("select count(*) from " + table + " where client_id = ?")
        .param(client)
        .query(Long.class)
        .single();
  }

  @Test
  void everyRouteTakesTheScopeAndAnotherClientsSubscriptionIsNotFound() throws Exception {
    RouteRules table = new RouteRules(mappings, p -> p.startsWith("/api/v1/webhooks"), RULES);
    table.assertEveryRouteHasARule(RULES.size(), ClientWebhooksApiTest.class);
    String a = "client-a-" + UUID.randomUUID();
    String b = "client-b-" + UUID.randomUUID();
    JsonNode bs = subscribe(b, "b" + UUID.randomUUID().toString().substring(0, 8));
    String bId = bs.path("id").asString();
    String bSecret = secret(bId);
    List<String> wrong = new ArrayList<>();
    for (String route : table.routes()) {
      String target = table.rule(route).target();
      MockHttpServletRequestBuilder anonymous = request(table, route, bId);
      int status = mvc.perform(anonymous).andReturn().getResponse().getStatus();
      if (status != 401 && status != 403) {
        wrong.add(route + " anonymous answered " + status);
      }
      int person =
          mvc.perform(request(table, route, bId).with(oidc.person("hook-person-" + a)))
              .andReturn()
              .getResponse()
              .getStatus();
      if (person != 401 && person != 403) {
        wrong.add(route + " a signed-in person answered " + person);
      }
      int otherScope =
          mvc.perform(
                  request(table, route, bId)
                      .header(
                          HttpHeaders.AUTHORIZATION,
                          "Bearer " + oidc.clientToken(a, "services.publish")))
              .andReturn()
              .getResponse()
              .getStatus();
      if (otherScope != 403) {
        wrong.add(route + " with another scope answered " + otherScope);
      }
      if (target.equals("client")) {
        int other = call(request(table, route, bId), a).getStatus();
        if (other != 404) {
          wrong.add(route + ": client A on B's subscription answered " + other);
        }
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(secret(bId)).as("B's secret as it was").isEqualTo(bSecret);
    assertThat(clientRows("nt_webhook", b)).as("B's subscription is still there").isEqualTo(1);
    JsonNode list = json.readTree(call(get("/api/v1/webhooks"), a).getContentAsString());
    assertThat(list.size()).as("A sees none of B's").isZero();
  }

  private static MockHttpServletRequestBuilder request(RouteRules table, String route, String id) {
    return table
        .request(route, (variable, rule) -> id, v -> v)
        .contentType(MediaType.APPLICATION_JSON)
        .content("{\"url\": \"https://example.org/hook\", \"search\": {\"kind\": \"education\"}}");
  }

  private String secret(String id) {
    return jdbc.sql("select secret from nt_webhook where id = ?::uuid")
        .param(id)
        .query(String.class)
        .single();
  }

  @Test
  void aClientsSubscriptionDeliversSignedMatchesWithoutAnInboxAndGoesWithItsSearch(
      @TempDir Path dir) throws Exception {
    String client = "client-" + UUID.randomUUID();
    String word = "asiakaskurssi" + UUID.randomUUID().toString().substring(0, 6);
    JsonNode created = subscribe(client, word);
    String id = created.path("id").asString();

    JsonNode list = json.readTree(call(get("/api/v1/webhooks"), client).getContentAsString());
    assertThat(list.size()).isEqualTo(1);
    assertThat(list.get(0).path("search").path("q").asString()).isEqualTo(word);
    assertThat(list.get(0).path("search").path("facets").has("unknown"))
        .as("a facet the kind does not keep is dropped")
        .isFalse();
    assertThat(list.get(0).has("secret")).as("the secret is shown once").isFalse();

    Path file = dir.resolve("offerings.jsonld");
    Files.writeString(
        file,
        """
        {"@context": "https://schema.org", "@graph": [
          {"@type": "Course", "@id": "https://courses.example.fi/client-hooks/%1$s",
           "name": "Johdatus %1$siin", "description": "Verkkokurssi."}]}
        """
            .formatted(word));
    catalogue.importJsonLd(file, ImportProgress.silent());
    assertThat(
            jdbc.sql("select count(*) from nt_webhook_delivery where webhook_id = ?::uuid")
                .param(id)
                .query(Long.class)
                .single())
        .as("queued for the client's subscription")
        .isEqualTo(1);
    if (outbox.deliverDue(Instant.now()) == 0) {
      // On a loaded machine a fresh JVM's first HTTP request can outlast the read timeout: the
      // delivery then waits for its retry, as in production, with the same webhook-id.
      outbox.deliverDue(Instant.now().plus(outbox.delay(1)));
    }
    assertThat(
            jdbc.sql(
                    "select status || ' ' || coalesce(outcome, '') from nt_webhook_delivery"
                        + " where webhook_id = ?::uuid")
                .param(id)
                .query(String.class)
                .single())
        .startsWith("DELIVERED");
    WebhookSubscriber.Received delivery = subscriber.received.getLast();
    assertThatCode(
            () ->
                new Webhook(created.path("secret").asString())
                    .verify(delivery.body(), delivery.headers()))
        .doesNotThrowAnyException();
    assertThat(delivery.body())
        .contains("\"type\":\"education.offering.matched\"")
        .contains("Johdatus " + word);
    UUID search =
        jdbc.sql("select id from nt_saved_search where client_id = ?")
            .param(client)
            .query(UUID.class)
            .single();
    assertThat(
            jdbc.sql("select count(*) from nt_inbox where saved_search_id = ?")
                .param(search)
                .query(Long.class)
                .single())
        .as("a client has no inbox")
        .isZero();
    JsonNode shown =
        json.readTree(call(get("/api/v1/webhooks/" + id), client).getContentAsString());
    assertThat(shown.path("deliveries").get(0).path("status").asString()).isEqualTo("DELIVERED");
    assertThat(shown.path("deliveries").get(0).path("webhookId").asString())
        .isEqualTo(delivery.header("webhook-id"));

    JsonNode rotated =
        json.readTree(
            call(post("/api/v1/webhooks/" + id + "/rotate"), client).getContentAsString());
    assertThat(rotated.path("secret").asString())
        .startsWith("whsec_")
        .isNotEqualTo(created.path("secret").asString());
    assertThat(call(delete("/api/v1/webhooks/" + id), client).getStatus()).isEqualTo(204);
    assertThat(clientRows("nt_saved_search", client)).as("its search goes with it").isZero();
    assertThat(call(get("/api/v1/webhooks/" + id), client).getStatus()).isEqualTo(404);
  }

  @Test
  void refusedFieldsAreNamedAndStoreNothing() throws Exception {
    String client = "client-" + UUID.randomUUID();
    String url = subscriber.url();
    Map<String, String> cases =
        Map.of(
            "url",
            "{\"url\": \"ftp://example.org/hook\", \"search\": {\"kind\": \"education\"}}",
            "search.kind",
            "{\"url\": \""
                + url
                + "\", \"search\": {\"kind\": \"goal\","
                + " \"facets\": {\"goal\": [\"f2b15a0e-e65a-438a-affb-29b9d50b77d1\"]}}}",
            "kind",
            "{\"url\": \"" + url + "\", \"search\": {\"kind\": \"everything\"}}",
            "search",
            "{\"url\": \"" + url + "\"}",
            "q",
            "{\"url\": \""
                + url
                + "\", \"search\": {\"kind\": \"opportunity\","
                + " \"q\": \"words\"}}",
            "region",
            "{\"url\": \""
                + url
                + "\", \"search\": {\"kind\": \"opportunity\","
                + " \"facets\": {\"region\": [\"Uusimaa\"]}}}");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      MockHttpServletResponse response =
          call(
              post("/api/v1/webhooks")
                  .contentType(MediaType.APPLICATION_JSON)
                  .content(c.getValue()),
              client);
      assertThat(response.getStatus()).as(c.getKey()).isEqualTo(400);
      assertThat(json.readTree(response.getContentAsString()).path("parameter").asString())
          .as(c.getKey())
          .isEqualTo(c.getKey());
    }
    assertThat(clientRows("nt_webhook", client)).isZero();
    assertThat(clientRows("nt_saved_search", client)).isZero();
  }

  @Test
  void aSubscriptionThatKeepsFailingIsTurnedOffAndTheRegisteredContactIsMailed() throws Exception {
    String client = "client-" + UUID.randomUUID();
    String contact = "integrations-" + UUID.randomUUID() + "@example.fi";
    jdbc.sql(
            "insert into od_api_client (client_id, name, organisation, contact_email,"
                + " requests_per_minute, registered_by) values (?, 'HR system', 'Esimerkki Oy',"
                + " ?, 600, 'test')")
        .params(client, contact)
        .update();
    String id = subscribe(client, "k" + UUID.randomUUID()).path("id").asString();
    subscriber.answer = exchange -> WebhookSubscriber.respond(exchange, 500, "down");
    assertThat(call(post("/api/v1/webhooks/" + id + "/test"), client).getStatus()).isEqualTo(202);
    Instant at = FixedClock.NOW;
    for (int failed = 1; failed < 8; failed++) {
      at = at.plus(outbox.delay(failed));
      outbox.deliverDue(at);
    }
    JsonNode shown =
        json.readTree(call(get("/api/v1/webhooks/" + id), client).getContentAsString());
    assertThat(shown.path("enabled").asBoolean()).as("off after 8 failed attempts").isFalse();
    assertThat(shown.path("disabledAt").isNull()).isFalse();

    mailOutbox.sendDue();
    assertThat(SavedSearchSteps.mailsTo(mailServer, contact)).hasSize(1);
    String body =
        String.valueOf(SavedSearchSteps.mailsTo(mailServer, contact).getFirst().getContent());
    assertThat(body).contains(id).contains(subscriber.url()).contains("/enable");

    assertThat(call(post("/api/v1/webhooks/" + id + "/enable"), client).getStatus()).isEqualTo(204);
    assertThat(
            json.readTree(call(get("/api/v1/webhooks/" + id), client).getContentAsString())
                .path("enabled")
                .asBoolean())
        .isTrue();
  }
}
