package fi.osaava.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs people in to a running Osaava (started with the development provider, {@code ./osaava
 * start}) through the real OpenID Connect code flow, for the load tests: {@link Wrk} rotates
 * through the sessions of the profile benchmark, and the topology's fault run edits profiles with
 * them.
 */
public final class DevelopmentSignIns {

  private static final Pattern SESSION = Pattern.compile("(JSESSIONID=[^;]+)");

  private DevelopmentSignIns() {}

  /** Signs {@code subject} in and returns its session cookie ({@code JSESSIONID=...}). */
  public static String signIn(HttpClient http, String baseUrl, String subject)
      throws IOException, InterruptedException {
    Map<String, String> cookies = new LinkedHashMap<>();
    HttpResponse<String> start = send(http, get(baseUrl + "/oauth2/authorization/osaava", cookies));
    if (start.statusCode() == 429) {
      throw new IOException(
          "The server limits sign-ins per address; start it for the load test with"
              + " OSAAVA_SIGN_IN_ATTEMPTS_PER_MINUTE=100000");
    }
    remember(start, cookies);
    String authorize =
        start
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new IOException(
                        "No redirect to the provider from "
                            + baseUrl
                            + " ("
                            + start.statusCode()
                            + ")"));
    HttpResponse<String> login =
        send(
            http,
            HttpRequest.newBuilder(URI.create(authorize))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "username=" + URLEncoder.encode(subject, StandardCharsets.UTF_8)))
                .build());
    String callback =
        login
            .headers()
            .firstValue("Location")
            .orElseThrow(
                () ->
                    new IOException(
                        "The development provider did not redirect back ("
                            + login.statusCode()
                            + ")"));
    HttpResponse<String> back = send(http, get(callback, cookies));
    remember(back, cookies);
    String session = cookies.get("JSESSIONID");
    if (back.statusCode() != 302 || session == null) {
      throw new IOException("Sign-in of " + subject + " failed: " + back.statusCode());
    }
    return "JSESSIONID=" + session;
  }

  private static HttpRequest get(String url, Map<String, String> cookies) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    if (!cookies.isEmpty()) {
      List<String> pairs = new ArrayList<>();
      cookies.forEach((k, v) -> pairs.add(k + "=" + v));
      b.header("Cookie", String.join("; ", pairs));
    }
    return b.build();
  }

  private static void remember(HttpResponse<?> response, Map<String, String> cookies) {
    for (String header : response.headers().allValues("Set-Cookie")) {
      Matcher m = SESSION.matcher(header);
      if (m.find()) {
        String pair = m.group(1);
        cookies.put("JSESSIONID", pair.substring(pair.indexOf('=') + 1));
      }
    }
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest request)
      throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
