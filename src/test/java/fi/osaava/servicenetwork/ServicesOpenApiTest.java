package fi.osaava.servicenetwork;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.web.WebTestBase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The service directory's API as the OpenAPI document ({@code /v3/api-docs}) describes it, held to
 * what the handlers do: every query parameter documented on the search changes the answer when a
 * client sends its documented value, and the push's request schema is the one the reader applies
 * (its documented example is accepted, each required property is refused when left out and each
 * optional one is not, and the schema's properties are exactly the fields the reader knows).
 */
class ServicesOpenApiTest extends WebTestBase {

  private static final String SEARCH = "/api/v1/services";

  @Autowired ServiceDirectory directory;

  private JsonNode api;

  @BeforeEach
  void document() throws Exception {
    ServicesTestData.ensureImported(directory);
    api = JsonMapper.shared().readTree(body(get("/v3/api-docs"), 200));
  }

  @Test
  void everyDocumentedSearchParameterChangesTheAnswer() throws Exception {
    // A provider's service that differs from the general descriptions in every facet: online
    // only, training, in Russian, for entrepreneurs. With it, no facet's documented value can
    // select everything.
    mvc.perform(
            post(SEARCH)
                .header("Authorization", "Bearer " + servicesClientToken("0211675-2"))
                .contentType(MediaType.APPLICATION_JSON)
                .content(
                    """
                    [{"id": "openapi-fixture", "organisation": {"businessId": "0211675-2",
                      "name": {"fi": "Tampereen kaupunki"}}, "name": {"fi": "Yrittäjän verkkokurssi"},
                      "type": "TRAINING", "lifeSituations": ["ENTREPRENEUR"], "areas": ["online"],
                      "languages": ["ru"]}]
                    """))
        .andExpect(status().isOk());
    JsonNode parameters = api.path("paths").path(SEARCH).path("get").path("parameters");
    Set<String> documented = new TreeSet<>();
    String unchanged = answer(get(SEARCH));
    List<String> ignored = new ArrayList<>();
    for (JsonNode parameter : parameters) {
      assertThat(parameter.path("in").asString()).as(parameter.toString()).isEqualTo("query");
      assertThat(parameter.path("required").asBoolean(false)).as(parameter.toString()).isFalse();
      String name = parameter.path("name").asString();
      documented.add(name);
      List<String> values = documentedValues(parameter);
      assertThat(values).as("an example or the accepted values of " + name).isNotEmpty();
      boolean changes = false;
      for (String value : values) {
        changes |= !answer(get(SEARCH).param(name, value)).equals(unchanged);
      }
      if (!changes) {
        ignored.add(name + "=" + values);
      }
    }
    assertThat(documented)
        .containsExactlyInAnyOrder(
            "q", "type", "area", "language", "situation", "page", "size", "lang");
    assertThat(ignored).as("documented parameters that change nothing").isEmpty();
    // The oracle itself: a parameter that the handler does not read changes nothing.
    assertThat(answer(get(SEARCH).param("colour", "GUIDANCE"))).isEqualTo(unchanged);
  }

  @Test
  void thePushDocumentsTheSchemaTheReaderApplies() throws Exception {
    JsonNode requestBody = api.path("paths").path(SEARCH).path("post").path("requestBody");
    assertThat(requestBody.path("required").asBoolean(false)).isTrue();
    JsonNode media = requestBody.path("content").path(MediaType.APPLICATION_JSON_VALUE);
    assertThat(media.path("schema").path("type").asString()).isEqualTo("array");
    JsonNode service = resolve(media.path("schema").path("items"));
    Set<String> required = strings(service.path("required"));
    assertThat(required).containsExactlyInAnyOrder("id", "organisation", "name", "type", "areas");
    assertThat(service.path("additionalProperties").asBoolean(true)).isFalse();
    Set<String> properties = new TreeSet<>(service.path("properties").propertyNames());
    assertThat(strings(resolve(service.path("properties").path("type")).path("enum")))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(ServiceType.values()).map(Enum::name).toList());
    assertThat(
            strings(
                resolve(service.path("properties").path("lifeSituations").path("items"))
                    .path("enum")))
        .containsExactlyInAnyOrderElementsOf(
            Arrays.stream(LifeSituation.values()).map(Enum::name).toList());
    JsonNode channel = resolve(service.path("properties").path("channels").path("items"));
    assertThat(strings(channel.path("required"))).containsExactly("type");
    assertThat(strings(resolve(service.path("properties").path("organisation")).path("required")))
        .containsExactly("name");

    JsonNode example =
        media.has("example")
            ? media.path("example")
            : media.path("examples").values().iterator().next().path("value");
    ObjectNode record = (ObjectNode) example.get(0);
    assertThat(new TreeSet<>(record.propertyNames()))
        .as("the example gives every property")
        .isEqualTo(properties);
    String token = servicesClientToken("0211675-2");
    assertThat(push(token, example.toString()).getStatus()).isEqualTo(200);

    // The reader's own list of fields, from its refusal of an unknown one.
    ObjectNode unknown = record.deepCopy();
    unknown.put("colour", "blue");
    String refusal = problem(push(token, "[" + unknown + "]"), "colour");
    Matcher fields = Pattern.compile("the fields are ([a-zA-Z, ]+)").matcher(refusal);
    assertThat(fields.find()).as(refusal).isTrue();
    assertThat(new TreeSet<>(Arrays.asList(fields.group(1).strip().split(", "))))
        .isEqualTo(properties);

    // Each required property left out is refused, naming it; all the optional ones left out
    // together are not (a stored push is slow, a refused one is not).
    List<String> wrong = new ArrayList<>();
    ObjectNode minimal = record.deepCopy();
    for (String property : properties) {
      if (!required.contains(property)) {
        minimal.remove(property);
        continue;
      }
      ObjectNode without = record.deepCopy();
      without.remove(property);
      MockHttpServletResponse response = push(token, "[" + without + "]");
      if (response.getStatus() != 400
          || !response.getContentAsString().contains("field '" + property + "'")) {
        wrong.add(property + " left out answered " + response.getStatus());
      }
    }
    MockHttpServletResponse response = push(token, "[" + minimal + "]");
    if (response.getStatus() != 200) {
      wrong.add("only " + required + " given answered " + response.getContentAsString());
    }
    assertThat(wrong).as("required properties as the reader applies them").isEmpty();
  }

  /** The answer to a search, without the page and size it echoes. */
  private String answer(MockHttpServletRequestBuilder request) throws Exception {
    ObjectNode json = (ObjectNode) JsonMapper.shared().readTree(body(request, 200));
    json.remove(List.of("page", "size"));
    return json.toString();
  }

  /** The parameter's example, else the values its schema accepts. */
  private List<String> documentedValues(JsonNode parameter) {
    List<String> values = new ArrayList<>();
    JsonNode example = parameter.path("example");
    if (example.isArray()) {
      example.forEach(v -> values.add(v.asString()));
    } else if (!example.isMissingNode()) {
      values.add(example.asString());
    }
    if (values.isEmpty()) {
      JsonNode schema = resolve(parameter.path("schema"));
      JsonNode accepted =
          schema.has("items") ? resolve(schema.path("items")).path("enum") : schema.path("enum");
      accepted.forEach(v -> values.add(v.asString()));
    }
    return values;
  }

  private MockHttpServletResponse push(String token, String body) throws Exception {
    return mvc.perform(
            post(SEARCH)
                .header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body))
        .andReturn()
        .getResponse();
  }

  private static String problem(MockHttpServletResponse response, String field) throws Exception {
    assertThat(response.getStatus()).isEqualTo(400);
    String detail =
        JsonMapper.shared().readTree(response.getContentAsString()).path("detail").asString();
    assertThat(detail).contains("field '" + field + "'");
    return detail;
  }

  private String body(MockHttpServletRequestBuilder request, int status) throws Exception {
    MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
    assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(status);
    return response.getContentAsString();
  }

  private static Set<String> strings(JsonNode array) {
    Set<String> values = new HashSet<>();
    array.forEach(v -> values.add(v.asString()));
    return values;
  }

  private JsonNode resolve(JsonNode node) {
    String ref = node.path("$ref").asString(null);
    if (ref == null) {
      return node;
    }
    JsonNode target = api;
    for (String part : ref.substring(2).split("/")) {
      target = target.path(part);
    }
    return target;
  }
}
