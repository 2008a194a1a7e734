package fi.osaava.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The HTTP load test of the benchmarks: {@code wrk} on loopback against a running Osaava, each
 * connection rotating through a fixed list of requests (paths, and headers such as a session
 * cookie), so one run covers a query mix or many signed-in people.
 */
public final class Wrk {

  /** One request of the rotation: a path (with query) below the base URL, and its headers. */
  public record Request(String path, Map<String, String> headers) {

    public Request {
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("A path starts with /: " + path);
      }
      headers = Map.copyOf(headers);
    }

    public static Request get(String path) {
      return new Request(path, Map.of());
    }
  }

  /** What one run measured; the latencies as wrk prints them (such as {@code 12.31ms}). */
  public record Result(
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

  private Wrk() {}

  /**
   * Runs {@code wrk -t2 -c{connections} -d{seconds}s --latency} against {@code baseUrl}.
   *
   * @param stopOnError whether a thread stops at its first response other than 200, so that a
   *     broken session cannot pass for a fast one
   */
  public static Result run(
      String baseUrl, List<Request> requests, int connections, int seconds, boolean stopOnError)
      throws IOException, InterruptedException {
    if (requests.isEmpty()) {
      throw new IllegalArgumentException("wrk needs at least one request");
    }
    String url = baseUrl.replaceAll("/+$", "");
    Path script = Files.createTempFile("osaava-wrk", ".lua");
    try {
      Files.writeString(script, script(requests, stopOnError));
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
      return parse(url, connections, seconds, out);
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** The Lua script that rotates through {@code requests}. */
  static String script(List<Request> requests, boolean stopOnError) {
    StringBuilder lua = new StringBuilder("local requests = {\n");
    for (Request request : requests) {
      lua.append("  {path = ").append(quoted(request.path())).append(", headers = {");
      request
          .headers()
          .forEach(
              (name, value) ->
                  lua.append('[').append(quoted(name)).append("] = ").append(quoted(value)));
      lua.append("}},\n");
    }
    lua.append("}\nlocal n = 0\nrequest = function()\n")
        .append("  n = n + 1\n")
        .append("  local r = requests[(n % #requests) + 1]\n")
        .append("  return wrk.format(\"GET\", r.path, r.headers)\n")
        .append("end\n");
    if (stopOnError) {
      lua.append("response = function(status, headers, body)\n")
          .append("  if status ~= 200 then wrk.thread:stop() end\n")
          .append("end\n");
    }
    return lua.toString();
  }

  /** Reads wrk's report. */
  static Result parse(String url, int connections, int seconds, String out) {
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
  }

  /** A Lua string literal; the requests are ours, but a quote in a path must not end the string. */
  private static String quoted(String value) {
    return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
  }

  private static double number(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static String text(String out, String regex) {
    Matcher m = Pattern.compile(regex).matcher(out);
    return m.find() ? m.group(1) : "?";
  }
}
