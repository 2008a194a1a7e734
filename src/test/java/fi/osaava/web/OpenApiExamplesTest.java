package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every public operation under {@code /api/v1} in the served OpenAPI document ({@code
 * /v3/api-docs}) shows a client a realistic example of what it sends or gets back. The rule:
 *
 * <ul>
 *   <li>An operation with a request body needs an example of that body.
 *   <li>Every operation needs an example of at least one of its 2xx responses that has content. A
 *       GET must document such a response. Another operation whose successful responses have no
 *       content (a 204 or 202) needs an example for each of its required parameters instead; one
 *       without required parameters or content has nothing to exemplify.
 *   <li>An example of a request body or response counts when the media type has {@code example} or
 *       {@code examples} (for a JSON media type, a JSON object or array rather than a string that
 *       did not parse), or its schema is exemplified: it has {@code example} or {@code examples}
 *       itself, or it is an array of exemplified items, or it is an object each of whose properties
 *       is exemplified ({@code $ref}s and {@code allOf} followed), or an enum or a boolean, whose
 *       values explain themselves. A plain string or number without an example is not, since
 *       Swagger UI would show a made-up {@code "string"} or {@code 0}.
 *   <li>A parameter counts when it has {@code example} or {@code examples}, or its schema is
 *       exemplified as above (an enum of languages, say).
 * </ul>
 *
 * The failure names every operation without an example, as {@code METHOD path: what is missing}.
 */
class OpenApiExamplesTest extends WebTestBase {

  private static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "patch", "head", "options");

  /** The served OpenAPI document. */
  static JsonNode document(MockMvc mvc) throws Exception {
    return JsonMapper.shared()
        .readTree(
            mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());
  }

  @Test
  void everyOperationUnderApiV1HasAnExample() throws Exception {
    JsonNode api = document(mvc);
    List<String> missing = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
      if (!path.getKey().startsWith("/api/v1/")) {
        continue;
      }
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (!METHODS.contains(operation.getKey())) {
          continue;
        }
        operations++;
        String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
        String problem = new Examples(api).problem(operation.getKey(), operation.getValue());
        if (problem != null) {
          missing.add(name + ": " + problem);
        }
      }
    }
    assertThat(operations).as("operations under /api/v1").isGreaterThan(50);
    assertThat(missing).as("operations under /api/v1 without an example").isEmpty();
  }

  /**
   * A security requirement that names no scheme of {@code components.securitySchemes} makes the
   * whole document invalid, and code generators refuse it.
   */
  @Test
  void everySecurityRequirementNamesADeclaredScheme() throws Exception {
    JsonNode api = document(mvc);
    Set<String> declared =
        new HashSet<>(api.path("components").path("securitySchemes").propertyNames());
    List<String> undeclared = new ArrayList<>();
    int requirements = 0;
    for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        for (JsonNode requirement : operation.getValue().path("security")) {
          for (String scheme : requirement.propertyNames()) {
            requirements++;
            if (!declared.contains(scheme)) {
              undeclared.add(operation.getKey() + " " + path.getKey() + ": " + scheme);
            }
          }
        }
      }
    }
    assertThat(requirements).as("operations with a security requirement").isGreaterThan(5);
    assertThat(undeclared).as("security requirements naming no declared scheme").isEmpty();
  }

  @Autowired List<ApiWriteAccess> writeAccess;

  /**
   * The machine pushes read their bodies from the request stream (to name a bad record's line and
   * field), so springdoc sees no body; each must declare it: required, with a schema whose records
   * name their required properties, and an example that gives each of them. The modules' own tests
   * hold the schema to the reader (for the services, {@code ServicesOpenApiTest}).
   */
  @Test
  void everyMachinePushDocumentsItsRequestSchema() throws Exception {
    JsonNode api = document(mvc);
    Examples document = new Examples(api);
    List<String> wrong = new ArrayList<>();
    int pushes = 0;
    for (ApiWriteAccess access : writeAccess) {
      JsonNode operation =
          api.path("paths")
              .path(access.path())
              .path(access.method().name().toLowerCase(Locale.ROOT));
      if (!access.method().name().equals("POST") || operation.isMissingNode()) {
        continue;
      }
      pushes++;
      String name = "POST " + access.path();
      JsonNode body = document.resolve(operation.path("requestBody"));
      if (!body.path("required").asBoolean(false) || body.path("content").isEmpty()) {
        wrong.add(name + ": no required request body");
        continue;
      }
      for (Map.Entry<String, JsonNode> media : body.path("content").properties()) {
        JsonNode schema = document.resolve(media.getValue().path("schema"));
        boolean array = schema.has("items");
        JsonNode record = array ? document.resolve(schema.path("items")) : schema;
        List<String> required = new ArrayList<>();
        record.path("required").forEach(r -> required.add(r.asString()));
        if (required.isEmpty()) {
          wrong.add(name + " " + media.getKey() + ": a schema without required properties");
          continue;
        }
        for (String property : required) {
          if (!record.path("properties").has(property)) {
            wrong.add(name + " " + media.getKey() + ": required " + property + " not described");
          }
        }
        JsonNode example =
            media.getValue().has("example")
                ? media.getValue().path("example")
                : media.getValue().path("examples").values().iterator().next().path("value");
        JsonNode first = array ? example.path(0) : example;
        for (String property : required) {
          if (!first.has(property)) {
            wrong.add(name + " " + media.getKey() + ": the example lacks " + property);
          }
        }
      }
    }
    assertThat(pushes).as("machine pushes in the document").isGreaterThanOrEqualTo(3);
    assertThat(wrong).as("pushes without their request schema").isEmpty();
  }

  /** Whether parts of the document have examples, resolving references in {@code api}. */
  private record Examples(JsonNode api) {

    /** What the operation lacks, or null when it has its examples. */
    String problem(String method, JsonNode operation) {
      JsonNode requestBody = resolve(operation.path("requestBody"));
      if (!requestBody.isMissingNode() && !hasExample(requestBody.path("content"))) {
        return "no example of the request body";
      }
      boolean contentful = false;
      for (Map.Entry<String, JsonNode> response : operation.path("responses").properties()) {
        JsonNode content = resolve(response.getValue()).path("content");
        if (response.getKey().startsWith("2") && !content.isEmpty()) {
          contentful = true;
          if (hasExample(content)) {
            return null;
          }
        }
      }
      if (contentful) {
        return "no example of a 2xx response";
      }
      if (method.equals("get")) {
        // A read always answers something; springdoc leaves the 200 out when a class-level
        // response is annotated, which is a gap in the document, not an empty answer.
        return "no 2xx response with content";
      }
      List<String> without = new ArrayList<>();
      for (JsonNode parameter : operation.path("parameters")) {
        JsonNode resolved = resolve(parameter);
        if (resolved.path("required").asBoolean(false) && !parameterHasExample(resolved)) {
          without.add(resolved.path("name").asString());
        }
      }
      return without.isEmpty() ? null : "no content and no example for parameters " + without;
    }

    private boolean parameterHasExample(JsonNode parameter) {
      return parameter.has("example")
          || parameter.has("examples")
          || exemplified(parameter.path("schema"), new HashSet<>());
    }

    /** Some media type of the content has an example, directly or through its schema. */
    private boolean hasExample(JsonNode content) {
      for (Map.Entry<String, JsonNode> mediaType : content.properties()) {
        JsonNode type = mediaType.getValue();
        List<JsonNode> given = new ArrayList<>();
        if (type.has("example")) {
          given.add(type.path("example"));
        }
        type.path("examples").forEach(example -> given.add(example.path("value")));
        // An @ExampleObject that is not valid JSON stays a string in the document.
        boolean json = mediaType.getKey().contains("json");
        if (given.stream().anyMatch(example -> !json || example.isObject() || example.isArray())
            || exemplified(type.path("schema"), new HashSet<>())) {
          return true;
        }
      }
      return false;
    }

    private boolean exemplified(JsonNode schemaOrRef, Set<String> visiting) {
      String ref = schemaOrRef.path("$ref").asString(null);
      if (ref != null && !visiting.add(ref)) {
        // A recursive structure (a concept's broader concepts): its first level decides.
        return true;
      }
      JsonNode schema = resolve(schemaOrRef);
      try {
        if (schema.isMissingNode() || schema.has("example") || schema.has("examples")) {
          return !schema.isMissingNode();
        }
        if (schema.has("enum") || types(schema).contains("boolean")) {
          return true;
        }
        if (schema.has("allOf")) {
          for (JsonNode part : schema.path("allOf")) {
            if (!exemplified(part, visiting)) {
              return false;
            }
          }
          return true;
        }
        if (schema.has("items")) {
          return exemplified(schema.path("items"), visiting);
        }
        JsonNode properties = schema.path("properties");
        if (properties.isEmpty()) {
          return false;
        }
        for (JsonNode property : properties) {
          if (!exemplified(property, visiting)) {
            return false;
          }
        }
        return true;
      } finally {
        if (ref != null) {
          visiting.remove(ref);
        }
      }
    }

    private static Set<String> types(JsonNode schema) {
      Set<String> types = new HashSet<>();
      JsonNode type = schema.path("type");
      if (type.isArray()) {
        type.forEach(t -> types.add(t.asString()));
      } else if (type.isString()) {
        types.add(type.asString());
      }
      return types;
    }

    /** The node a {@code $ref} such as {@code #/components/schemas/X} points to, or the node. */
    private JsonNode resolve(JsonNode node) {
      String ref = node.path("$ref").asString(null);
      if (ref == null || !ref.startsWith("#/")) {
        return node;
      }
      JsonNode target = api;
      for (String part : ref.substring(2).split("/")) {
        target = target.path(part.replace("~1", "/").replace("~0", "~"));
      }
      return target;
    }
  }
}
