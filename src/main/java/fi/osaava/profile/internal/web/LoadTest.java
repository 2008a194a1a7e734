package fi.osaava.profile.internal.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load-test half of the profile benchmark: signs people in to a running Osaava (started with
 * the development provider, {@code ./osaava start}) through the real OpenID Connect code flow, and
 * runs {@code wrk} over loopback against their profile pages, each connection rotating through the
 * sessions.
 */
final class LoadTest {

  private static final Pattern SESSION = Pattern.compile("(JSESSIONID=[^;]+)");

  private LoadTest() {}

  /** Signs {@code subject} in and returns its session cookie ({@code JSESSIONID=...}). */
  static String signIn(HttpClient http, String baseUrl, String subject)
      throws IOException, InterruptedException {
    Map<String, String> cookies = new LinkedHashMap<>();
    HttpResponse<String> start = send(http, get(baseUrl + "/oauth2/authorization/osaava", cookies));
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

  /** One wrk run; {@code cookies} empty for anonymous requests. */
  record Result(
      String url,
      int connections,
      int seconds,
      double requestsPerSecond,
      String latencyP50,
      String latencyP90,
      String latencyP99,
      long requests,
      long errors,
      String raw) {}

  static Result wrk(String url, List<String> cookies, int connections, int seconds)
      throws IOException, InterruptedException {
    Path script = Files.createTempFile("osaava-wrk", ".lua");
    try {
      StringBuilder lua = new StringBuilder("local cookies = {");
      for (String c : cookies) {
        lua.append('"').append(c).append("\",");
      }
      lua.append("}\nlocal n = 0\nrequest = function()\n")
          .append("  n = n + 1\n")
          .append("  if #cookies == 0 then return wrk.format(\"GET\") end\n")
          .append(
              "  return wrk.format(\"GET\", nil, {[\"Cookie\"] = cookies[(n % #cookies) + 1]})\n")
          .append("end\n")
          .append("response = function(status, headers, body)\n")
          .append("  if status ~= 200 then wrk.thread:stop() end\nend\n");
      Files.writeString(script, lua);
      Process process =
          new ProcessBuilder(
                  "wrk",
                  "-t2",
                  "-c" + connections,
                  "-d" + seconds + "s",
                  "--latency",
                  "-s",
                  script.toString(),
                  url)
              .redirectErrorStream(true)
              .start();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
        throw new IOException("wrk failed: " + out);
      }
      return new Result(
          url,
          connections,
          seconds,
          number(out, "Requests/sec:\\s+([0-9.]+)"),
          text(out, "\\s50%\\s+(\\S+)"),
          text(out, "\\s90%\\s+(\\S+)"),
          text(out, "\\s99%\\s+(\\S+)"),
          (long) number(out, "(\\d+) requests in"),
          (long) number(out, "Non-2xx or 3xx responses:\\s+(\\d+)"),
          out);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  private static double number(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static String text(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    return m.find() ? m.group(1) : "?";
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
