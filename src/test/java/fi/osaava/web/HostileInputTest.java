package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPatternParser;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A seeded, bounded fuzz run over the whole HTTP surface on the real server: every operation of the
 * OpenAPI document ({@code /v3/api-docs}) and every page route (from the handler mappings), as an
 * anonymous client, as a signed-in person (with the session's CSRF token) and, on machine
 * endpoints, with a bearer token holding every scope. Each parameter, path variable, form field and
 * JSON property gets hostile values: empty, huge (100 kB), wrong-typed, NUL, invalid UTF-8 (raw
 * bytes), SQL, XSS, path traversal and Lucene/OpenSearch query syntax. No response may be a 5xx,
 * and no HTML response may carry the XSS payload unescaped.
 *
 * <p>The seed is printed with every failure; {@code -Dosaava.fuzz.seed=N} replays a run, and {@code
 * -Dosaava.fuzz.rounds=N} makes it longer (default 1 round: every route with every kind of value
 * once per identity; each further round draws new values). The run stops early at {@code
 * -Dosaava.fuzz.seconds} (default 60) and says how far it got.
 */
class HostileInputTest extends WebTestBase {

  private static final long SEED = Long.getLong("osaava.fuzz.seed", 20261205L);
  private static final int ROUNDS = Integer.getInteger("osaava.fuzz.rounds", 1);
  private static final Duration BUDGET =
      Duration.ofSeconds(Long.getLong("osaava.fuzz.seconds", 60));

  /** A marker that no page contains unless it echoes the payload unescaped. */
  static final String XSS = "\"'><script>alert('osaava-xss')</script><img src=x onerror=alert(1)>";

  private static final List<String> XSS_MARKERS =
      List.of("<script>alert('osaava-xss')", "<img src=x onerror");

  /** The kinds of hostile value; each route gets each kind once per round and identity. */
  enum Kind {
    EMPTY,
    HUGE,
    WRONG_TYPE,
    NUL,
    INVALID_UTF8,
    SQL,
    XSS,
    TRAVERSAL,
    QUERY_SYNTAX
  }

  /** A hostile value as bytes: most are UTF-8 text, INVALID_UTF8 is not. */
  record Value(Kind kind, byte[] bytes) {

    String describe() {
      String text = new String(bytes, StandardCharsets.UTF_8);
      String shown =
          text.length() > 60 ? text.substring(0, 60) + "…(" + bytes.length + " B)" : text;
      return kind
          + " "
          + (kind == Kind.INVALID_UTF8 || kind == Kind.NUL
              ? HexFormat.of().formatHex(bytes)
              : shown);
    }
  }

  /** One operation: method, path template, parameter names, body content type and properties. */
  record Route(
      String method,
      String path,
      List<String> query,
      String bodyType,
      List<String> bodyFields,
      boolean machine) {}

  enum Identity {
    ANONYMOUS,
    PERSON,
    MACHINE
  }

  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Autowired List<ApiWriteAccess> machineWrites;

  private final HttpClient anonymous =
      HttpClient.newBuilder()
          .followRedirects(HttpClient.Redirect.NEVER)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @Test
  void noHostileInputGivesA5xxOrAnUnescapedPayload() {
    Random random = new Random(SEED);
    List<Route> routes = routes();
    assertThat(routes).as("routes found").hasSizeGreaterThan(40);
    String token =
        oidc.bearerToken(
            machineWrites.stream().map(ApiWriteAccess::scope).distinct().toArray(String[]::new));
    OidcTestSupport.SignedInClient person = oidc.signIn(url(""), "hostile-input-fuzzer");

    List<String> failures = new ArrayList<>();
    Map<String, Long> timeByRoute = new java.util.HashMap<>();
    long deadline = System.nanoTime() + BUDGET.toNanos();
    int sent = 0;
    int planned = 0;
    run:
    for (int round = 0; round < ROUNDS; round++) {
      for (Route route : routes) {
        for (Identity identity : identities(route)) {
          for (Kind kind : Kind.values()) {
            planned++;
            if (System.nanoTime() > deadline) {
              break run;
            }
            Value value = value(kind, random);
            long started = System.nanoTime();
            String outcome = send(route, identity, value, random, token, person);
            timeByRoute.merge(
                route.method() + " " + route.path(), System.nanoTime() - started, Long::sum);
            sent++;
            if (outcome != null) {
              failures.add(
                  route.method()
                      + " "
                      + route.path()
                      + " as "
                      + identity
                      + " with "
                      + value.describe()
                      + ": "
                      + outcome);
            }
          }
        }
      }
    }
    System.out.printf(
        "HostileInputTest: seed %d, %d routes, %d of %d requests sent, %d failures; slowest: %s%n",
        SEED,
        routes.size(),
        sent,
        planned,
        failures.size(),
        timeByRoute.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
            .limit(8)
            .map(e -> e.getKey() + " " + e.getValue() / 1_000_000 + " ms")
            .collect(Collectors.joining(", ")));
    assertThat(failures)
        .as(
            "hostile input gave 5xx or unescaped payloads (seed %d; replay with"
                + " -Dosaava.fuzz.seed=%d -Dtest=HostileInputTest)",
            SEED, SEED)
        .isEmpty();
  }

  private List<Identity> identities(Route route) {
    if (route.machine()) {
      return List.of(Identity.ANONYMOUS, Identity.MACHINE);
    }
    return List.of(Identity.ANONYMOUS, Identity.PERSON);
  }

  /** Sends one request; null when it was handled, else what went wrong. */
  private String send(
      Route route,
      Identity identity,
      Value value,
      Random random,
      String token,
      OidcTestSupport.SignedInClient person) {
    String path = route.path();
    Matcher variable = Pattern.compile("\\{([^}/]+)}").matcher(path);
    StringBuilder resolved = new StringBuilder();
    while (variable.find()) {
      variable.appendReplacement(
          resolved, Matcher.quoteReplacement(encode(pick(value, random), true)));
    }
    variable.appendTail(resolved);
    List<String> pairs = new ArrayList<>();
    for (String name : route.query()) {
      pairs.add(
          encode(name.getBytes(StandardCharsets.UTF_8), false)
              + "="
              + encode(pick(value, random), false));
    }
    boolean form = "application/x-www-form-urlencoded".equals(route.bodyType());
    byte[] body = new byte[0];
    if (form) {
      body = String.join("&", pairs).getBytes(StandardCharsets.ISO_8859_1);
      pairs.clear();
    } else if (route.bodyType() != null) {
      body = jsonBody(route.bodyFields(), value, random);
    }
    String uri = resolved + (pairs.isEmpty() ? "" : "?" + String.join("&", pairs));
    HttpRequest.Builder request;
    try {
      request = HttpRequest.newBuilder(URI.create(url(uri))).timeout(Duration.ofSeconds(30));
    } catch (IllegalArgumentException e) {
      return "the test built an invalid URI " + uri + ": " + e.getMessage();
    }
    HttpRequest.BodyPublisher publisher =
        body.length == 0 && route.method().equals("GET")
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body);
    request.method(route.method(), publisher);
    if (route.bodyType() != null) {
      request.header("Content-Type", route.bodyType());
    }
    // Half the requests ask for a page, half for JSON: both error renderings get their turn.
    request.header("Accept", random.nextBoolean() ? "text/html" : "application/json");
    HttpResponse<byte[]> response;
    try {
      response =
          switch (identity) {
            case ANONYMOUS ->
                anonymous.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            case PERSON -> person.exchange(request);
            case MACHINE ->
                anonymous.send(
                    request.header("Authorization", "Bearer " + token).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
          };
    } catch (IOException e) {
      return "no response: " + e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String text = new String(response.body(), StandardCharsets.UTF_8);
    if (response.statusCode() >= 500) {
      return "status " + response.statusCode() + " " + firstLine(text);
    }
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    if (value.kind() == Kind.XSS && contentType.startsWith("text/html")) {
      for (String marker : XSS_MARKERS) {
        if (text.contains(marker)) {
          int at = text.indexOf(marker);
          return "unescaped payload in HTML (status "
              + response.statusCode()
              + "): …"
              + text.substring(Math.max(0, at - 80), Math.min(text.length(), at + 60))
              + "…";
        }
      }
    }
    return null;
  }

  private static String firstLine(String text) {
    String line = text.lines().filter(l -> !l.isBlank()).findFirst().orElse("").strip();
    return line.length() > 200 ? line.substring(0, 200) + "…" : line;
  }

  /** Mostly the hostile value; sometimes a harmless one, so that other checks pass first. */
  private static byte[] pick(Value value, Random random) {
    if (random.nextInt(5) == 0) {
      List<String> plain = List.of("1", "fi", "skill", "2026-01-01", "true", "a");
      return plain.get(random.nextInt(plain.size())).getBytes(StandardCharsets.UTF_8);
    }
    return value.bytes();
  }

  static Value value(Kind kind, Random random) {
    String text =
        switch (kind) {
          case EMPTY -> random.nextBoolean() ? "" : " ";
          case HUGE -> "ä<b>".repeat(100_000 / 6) + "x".repeat(random.nextInt(100));
          case WRONG_TYPE ->
              List.of(
                      "-1",
                      "0",
                      "-2147483649",
                      "99999999999999999999999",
                      "1e309",
                      "NaN",
                      "true",
                      "[]",
                      "{}",
                      "00000000-0000-0000-0000-00000000000g",
                      "2026-13-45")
                  .get(random.nextInt(11));
          case NUL -> List.of("a\u0000b", "\u0000", "x\u0000\u0001\u001f").get(random.nextInt(3));
          case INVALID_UTF8 -> null;
          case SQL ->
              List.of(
                      "' OR '1'='1",
                      "1; DROP TABLE profile_person; --",
                      "\" OR 1=1 --",
                      "') UNION SELECT null, version() --")
                  .get(random.nextInt(4));
          case XSS -> XSS;
          case TRAVERSAL ->
              List.of(
                      "../../../../etc/passwd",
                      "..%2f..%2fetc%2fpasswd",
                      "..\\..\\windows\\win.ini",
                      "/etc/passwd")
                  .get(random.nextInt(4));
          case QUERY_SYNTAX ->
              List.of(
                      "title:(java OR \"sql\"~2)^3 AND -x [* TO *]",
                      "*:*",
                      "/.*/",
                      "a\\",
                      "((((",
                      "{\"query\":{\"match_all\":{}}}",
                      "field:\"unterminated",
                      "~ ^ ! && || :")
                  .get(random.nextInt(8));
        };
    if (kind == Kind.INVALID_UTF8) {
      List<byte[]> invalid =
          List.of(
              new byte[] {(byte) 0xC3, 0x28},
              new byte[] {(byte) 0xFF},
              new byte[] {'a', (byte) 0xE2, (byte) 0x82},
              new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
      return new Value(kind, invalid.get(random.nextInt(invalid.size())));
    }
    return new Value(kind, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Percent-encodes every byte outside the unreserved set, so raw bytes reach the server. */
  static String encode(byte[] bytes, boolean pathSegment) {
    StringBuilder b = new StringBuilder(bytes.length * 3);
    for (byte x : bytes) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '_'
          || c == '.'
          || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(String.format("%02X", c));
      }
    }
    String encoded = b.toString();
    // "." and ".." as a whole segment are path syntax, not data: the client would resolve them.
    return pathSegment && (encoded.equals(".") || encoded.equals("..")) ? "%2E" + encoded : encoded;
  }

  /** A JSON object with the operation's properties set to the value (raw bytes kept raw). */
  private static byte[] jsonBody(List<String> fields, Value value, Random random) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<String> names = fields.isEmpty() ? List.of("text", "name", "@type") : fields;
    if (random.nextInt(8) == 0) {
      // Sometimes no JSON at all, or JSON of the wrong shape.
      return random.nextBoolean()
          ? value.bytes()
          : "[1, \"x\", null]".getBytes(StandardCharsets.UTF_8);
    }
    out.writeBytes("{".getBytes(StandardCharsets.UTF_8));
    boolean first = true;
    for (String name : names) {
      if (!first) {
        out.write(',');
      }
      first = false;
      out.writeBytes(jsonString(name.getBytes(StandardCharsets.UTF_8)));
      out.write(':');
      if (value.kind() == Kind.WRONG_TYPE && random.nextBoolean()) {
        out.writeBytes(value.bytes());
      } else {
        out.writeBytes(jsonString(pick(value, random)));
      }
    }
    out.writeBytes("}".getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  /** A JSON string literal; NUL and other controls as \\u escapes, invalid UTF-8 left raw. */
  private static byte[] jsonString(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 2);
    out.write('"');
    for (byte x : bytes) {
      int c = x & 0xff;
      if (c == '"' || c == '\\') {
        out.write('\\');
        out.write(c);
      } else if (c < 0x20) {
        out.writeBytes(String.format("\\u%04x", c).getBytes(StandardCharsets.US_ASCII));
      } else {
        out.write(c);
      }
    }
    out.write('"');
    return out.toByteArray();
  }

  // --- the routes --------------------------------------------------------------------------

  /**
   * Every OpenAPI operation and every page route, the account deletions last (they end the
   * signed-in session that the other routes use).
   */
  List<Route> routes() {
    Map<String, Route> routes = new LinkedHashMap<>();
    openApiRoutes().forEach(r -> routes.putIfAbsent(r.method() + " " + r.path(), r));
    pageRoutes().forEach(r -> routes.putIfAbsent(r.method() + " " + r.path(), r));
    return routes.values().stream()
        .sorted(
            Comparator.comparing(
                    (Route r) ->
                        r.path().equals("/profile/delete") && r.method().equals("POST")
                            || r.path().equals("/api/v1/profile") && r.method().equals("DELETE"))
                .thenComparing(Route::path)
                .thenComparing(Route::method))
        .toList();
  }

  private List<Route> openApiRoutes() {
    JsonNode api;
    try {
      HttpResponse<String> response =
          anonymous.send(
              HttpRequest.newBuilder(URI.create(url("/v3/api-docs"))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(response.statusCode()).isEqualTo(200);
      api = JsonMapper.shared().readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    PathPatternParser parser = PathPatternParser.defaultInstance;
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : api.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        String method = operation.getKey().toUpperCase(java.util.Locale.ROOT);
        JsonNode op = operation.getValue();
        List<String> query = new ArrayList<>();
        for (JsonNode parameter : op.path("parameters")) {
          if (parameter.path("in").asString("").equals("query")) {
            query.add(parameter.path("name").asString());
          }
        }
        String bodyType = null;
        List<String> fields = new ArrayList<>();
        JsonNode content = op.path("requestBody").path("content");
        if (!content.isMissingNode()) {
          bodyType = content.propertyNames().stream().findFirst().orElse(null);
          if (bodyType != null && bodyType.equals("*/*")) {
            bodyType = "application/json";
          }
          JsonNode schema = bodyType == null ? null : content.path(bodyType).path("schema");
          if (schema == null || schema.isMissingNode()) {
            schema = content.properties().iterator().next().getValue().path("schema");
          }
          String ref = schema.path("$ref").asString("");
          if (!ref.isEmpty()) {
            schema = api.at(ref.substring(1));
          }
          schema.path("properties").propertyNames().forEach(fields::add);
        }
        boolean machine =
            machineWrites.stream()
                .anyMatch(
                    w ->
                        w.method().name().equals(method)
                            && parser
                                .parse(w.path())
                                .matches(
                                    org.springframework.http.server.PathContainer.parsePath(
                                        path.getKey().replaceAll("\\{[^}]+}", "x"))));
        routes.add(new Route(method, path.getKey(), query, bodyType, fields, machine));
      }
    }
    return routes;
  }

  /** Page routes from the handler mappings; form fields are every field name the templates use. */
  private List<Route> pageRoutes() {
    Set<String> formFields = templateFieldNames();
    List<Route> routes = new ArrayList<>();
    for (Map.Entry<RequestMappingInfo, HandlerMethod> entry :
        mappings.getHandlerMethods().entrySet()) {
      RequestMappingInfo info = entry.getKey();
      for (String pattern : info.getPatternValues()) {
        if (pattern.startsWith("/api/")
            || pattern.startsWith("/v3/")
            || pattern.contains("swagger")) {
          continue;
        }
        Set<String> parameters = new LinkedHashSet<>();
        boolean takesForm = false;
        for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
          RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
          if (requestParam != null) {
            if (Map.class.isAssignableFrom(parameter.getParameterType())) {
              takesForm = true;
            } else {
              String name =
                  requestParam.name().isEmpty() ? requestParam.value() : requestParam.name();
              parameters.add(name.isEmpty() ? parameter.getParameterName() : name);
            }
          } else if (parameter.getParameterAnnotation(PathVariable.class) == null
              && !parameter.getParameterType().getName().startsWith("jakarta.")
              && !parameter.getParameterType().getName().startsWith("org.springframework.")
              && !parameter.getParameterType().getName().startsWith("java.")
              && !parameter.getParameterType().isPrimitive()) {
            // A bound object (form record): its fields may be any of the templates' names.
            takesForm = true;
          }
        }
        Set<HttpMethod> methods =
            info.getMethodsCondition().getMethods().stream()
                .map(m -> HttpMethod.valueOf(m.name()))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        if (methods.isEmpty()) {
          methods = Set.of(HttpMethod.GET, HttpMethod.POST);
        }
        for (HttpMethod method : methods) {
          boolean get = method.equals(HttpMethod.GET);
          List<String> names = new ArrayList<>(parameters);
          if (takesForm) {
            names.addAll(formFields);
          }
          routes.add(
              new Route(
                  method.name(),
                  pattern,
                  names.stream().distinct().toList(),
                  get ? null : "application/x-www-form-urlencoded",
                  List.of(),
                  false));
        }
      }
    }
    return routes;
  }

  private static Set<String> templateFieldNames() {
    Pattern name = Pattern.compile("\\bname=\"([A-Za-z][\\w.-]*)\"");
    Set<String> names = new TreeSet<>();
    Path templates =
        Path.of(System.getProperty("osaava.repo.root", "."), "src/main/resources/templates");
    try (Stream<Path> files = Files.walk(templates)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
        Matcher m = name.matcher(Files.readString(file));
        while (m.find()) {
          names.add(m.group(1));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    names.removeAll(Set.of("viewport", "htmx-config", "_csrf"));
    return names;
  }
}
