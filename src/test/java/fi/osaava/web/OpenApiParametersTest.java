package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletRequest;
import java.beans.PropertyDescriptor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * Every parameter the served OpenAPI document ({@code /v3/api-docs}) gives an operation is one its
 * handler reads, found from the handler method itself. A map or an object bound without being
 * declared a parameter object shows up in the document as one required query parameter named after
 * the Java parameter (such as {@code params}) or its type, with an object schema, which no client
 * can send; this test refuses each of those. Where the handler reads names it does not declare (a
 * {@code @RequestParam Map} or the request itself), the names it documents instead are checked by
 * the module's own tests against the answers (for the services, {@code ServicesOpenApiTest}).
 */
class OpenApiParametersTest extends WebTestBase {

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyDocumentedParameterIsOneTheHandlerReads() throws Exception {
    JsonNode api = OpenApiExamplesTest.document(mvc);
    Map<String, HandlerMethod> handlers = handlersByOperation();
    List<String> wrong = new ArrayList<>();
    int parameters = 0;
    for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        if (!operation.getValue().has("responses")) {
          continue;
        }
        String name = operation.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey();
        HandlerMethod handler = handlers.get(name);
        if (handler == null) {
          wrong.add(name + ": no handler has this route");
          continue;
        }
        Reads reads = Reads.of(handler);
        for (JsonNode parameter : operation.getValue().path("parameters")) {
          parameters++;
          String problem = reads.problem(parameter, api);
          if (problem != null) {
            wrong.add(name + " parameter '" + parameter.path("name").asString() + "': " + problem);
          }
        }
      }
    }
    assertThat(parameters).as("parameters in the document").isGreaterThan(100);
    assertThat(wrong).as("documented parameters that no handler reads").isEmpty();
  }

  /** {@code GET /api/v1/x} of every mapped handler, with path variables' patterns left out. */
  private Map<String, HandlerMethod> handlersByOperation() {
    Map<String, HandlerMethod> byOperation = new HashMap<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      if (info.getPathPatternsCondition() == null) {
        continue;
      }
      for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
        String path = pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
        for (var method : info.getMethodsCondition().getMethods()) {
          byOperation.put(method.name() + " " + path, entry.getValue());
        }
      }
    }
    return byOperation;
  }

  /**
   * What a handler reads: names by where they come from, whether it reads names it does not
   * declare, and the Java parameters that are no single value (maps and objects), whose names and
   * types are never a parameter's name unless a parameter object declares that name itself.
   */
  private record Reads(
      Map<String, Set<String>> names, boolean undeclared, Set<String> javaNamesAndTypes) {

    static Reads of(HandlerMethod handler) {
      Map<String, Set<String>> names = new HashMap<>();
      boolean undeclared = false;
      Set<String> javaNamesAndTypes = new HashSet<>();
      for (MethodParameter parameter : handler.getMethodParameters()) {
        parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
        Class<?> type = parameter.getParameterType();
        String javaName = parameter.getParameterName();
        boolean single = BeanUtils.isSimpleProperty(type);
        if (!single) {
          javaNamesAndTypes.add(type.getSimpleName().toLowerCase(Locale.ROOT));
          if (javaName != null) {
            javaNamesAndTypes.add(javaName.toLowerCase(Locale.ROOT));
          }
        }
        RequestParam query = parameter.getParameterAnnotation(RequestParam.class);
        PathVariable path = parameter.getParameterAnnotation(PathVariable.class);
        RequestHeader header = parameter.getParameterAnnotation(RequestHeader.class);
        if (ServletRequest.class.isAssignableFrom(type)
            || WebRequest.class.isAssignableFrom(type)) {
          undeclared = true;
        } else if (query != null) {
          if (Map.class.isAssignableFrom(type)) {
            undeclared = true;
          } else {
            add(names, "query", declared(query.name(), javaName));
          }
        } else if (path != null) {
          add(names, "path", declared(path.name(), javaName));
        } else if (header != null) {
          add(names, "header", declared(header.name(), javaName));
        } else if (single) {
          // Spring binds an unannotated single value as a request parameter of its name.
          add(names, "query", javaName);
        } else if (type.isRecord()) {
          for (var component : type.getRecordComponents()) {
            add(names, "query", component.getName());
          }
        } else if (!type.getName().startsWith("java.")) {
          for (PropertyDescriptor property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getWriteMethod() != null) {
              add(names, "query", property.getName());
            }
          }
        }
      }
      return new Reads(names, undeclared, javaNamesAndTypes);
    }

    private static String declared(String annotated, String javaName) {
      return annotated.isEmpty() ? javaName : annotated;
    }

    private static void add(Map<String, Set<String>> names, String in, String name) {
      if (name != null) {
        names.computeIfAbsent(in, k -> new HashSet<>()).add(name.toLowerCase(Locale.ROOT));
      }
    }

    /** Why a documented parameter is none the handler reads, or null. */
    String problem(JsonNode parameter, JsonNode api) {
      String name = parameter.path("name").asString().toLowerCase(Locale.ROOT);
      String in = parameter.path("in").asString();
      Set<String> read = names.getOrDefault(in, Set.of());
      if (name.equals("params") || (javaNamesAndTypes.contains(name) && !read.contains(name))) {
        return "named after a Java parameter or type that is no " + in + " parameter";
      }
      if (in.equals("query") && isObject(parameter.path("schema"), api)) {
        return "an object schema, which a query string cannot carry";
      }
      if ((in.equals("path") || (in.equals("query") && !undeclared)) && !read.contains(name)) {
        return "the handler reads no " + in + " parameter of this name";
      }
      return null;
    }

    private static boolean isObject(JsonNode schema, JsonNode api) {
      String ref = schema.path("$ref").asString(null);
      if (ref != null) {
        JsonNode target = api;
        for (String part : ref.substring(2).split("/")) {
          target = target.path(part);
        }
        schema = target;
      }
      return schema.path("type").asString("").equals("object") || schema.has("properties");
    }
  }
}
