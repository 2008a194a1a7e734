package fi.osaava.platform;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code ./osaava bench topology url=… seconds=… phases=FILE}: the fault run of issue 20 against
 * the two-node topology ({@code deploy/topology fault-run}, which starts this and applies the
 * faults on its clock). A mixed load goes through the balancer for the whole run: anonymous
 * education search and identification, signed-in profile edits (each adds a work-history entry),
 * and providers' pushes of offerings and job ads with a client-credentials token. Every request is
 * counted per second and kind as served (2xx) or failed (anything else, or no answer in 10 s).
 *
 * <p>Afterwards every acknowledged write is looked for: each profile entry that was answered 201
 * through the profile API of its own session, each pushed offering and ad that was answered 200 in
 * the database the nodes share (by its identifier, as the importers key them). A write that was not
 * acknowledged (a timeout, a 502 while a node died) may or may not be there; it is counted apart
 * and never as lost. The phase file, written by the script, splits the timeline into the baseline
 * and each fault with its recovery; recovery is the time from a fault's end until the last failed
 * request of its phase.
 *
 * <p>Baseline: the phase before the first fault, in the same run.
 */
@Component
class TopologyBenchmark implements Benchmark {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final String[] QUERIES = {
    "ohjelmointi",
    "data-analytiikka",
    "sairaanhoitaja",
    "johtaminen",
    "ruotsin kieli",
    "projektinhallinta",
    "hitsaus",
    "kirjanpito",
    "tekoäly",
    "asiakaspalvelu",
    "programmering",
    "ledarskap",
    "nursing",
    "python",
    "logistiikka",
    "markkinointi",
    "opettaja",
    "sähkö",
    "lähihoitaja",
    "tietoturva"
  };
  private static final String[] TEXTS = {
    "Vastasin asiakaspalvelusta ja kassatyöstä, perehdytin uusia työntekijöitä.",
    "Olen ohjelmoinut Javalla ja SQL:llä ja ylläpitänyt tietokantoja.",
    "Jag har arbetat som sjuksköterska och ansvarat för läkemedelshantering.",
    "I managed a team of five and planned the budget of our department.",
    "Kirjanpito, palkanlaskenta ja arvonlisäverotus pienyrityksille.",
    "Hitsasin teräsrakenteita ja luin työpiirustuksia konepajassa."
  };

  enum Kind {
    SEARCH,
    IDENTIFY,
    PROFILE_EDIT,
    OFFERING_PUSH,
    AD_PUSH
  }

  private final DataSource dataSource;
  private final ObjectMapper json = new ObjectMapper();

  TopologyBenchmark(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public String name() {
    return "topology";
  }

  @Override
  public String description() {
    return "Mixed load and faults against the two-node topology (deploy/topology fault-run)";
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    String url = stripSlash(required(options, "url"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "300"));
    int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
    int peopleCount = Integer.parseInt(options.getOrDefault("people", "40"));
    Path phases = options.containsKey("phases") ? Path.of(options.get("phases")) : null;
    String runId = Long.toString(System.currentTimeMillis(), 36);
    HttpClient http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(3))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    try {
      progress.report("signing in " + peopleCount + " people through " + url);
      List<Person> people = new ArrayList<>();
      for (int i = 0; i < peopleCount; i++) {
        String cookie = DevelopmentSignIns.signIn(http, url, "topology-" + runId + "-" + i);
        people.add(new Person(cookie, csrfToken(http, url, cookie)));
      }
      String issuer = issuer(http, url);
      Run run = new Run(http, url, issuer, people, seconds, runId);
      run.refreshToken();
      double loadBefore = loadAverage();
      long start = System.currentTimeMillis();
      mark(phases, start, "load-started");
      progress.report(seconds + " s of load with " + threads + " threads");
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        long seed = t;
        workers.add(Thread.ofPlatform().name("load-" + t).start(() -> run.work(start, seed)));
      }
      for (Thread worker : workers) {
        worker.join();
      }
      long end = System.currentTimeMillis();
      mark(phases, end, "load-ended");
      double loadAfter = loadAverage();
      progress.report("waiting for every node to be ready, then looking for every write");
      waitUntilReady(http, url);
      Verification verified = verify(run);
      return report(run, start, end, phases, verified, loadBefore, loadAfter, threads);
    } catch (IOException e) {
      throw new IllegalStateException("The fault run failed: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted", e);
    }
  }

  record Person(String cookie, String csrf) {}

  /** One run's load: the workers, the counters and the acknowledged writes. */
  final class Run {
    final HttpClient http;
    final String url;
    final String issuer;
    final List<Person> people;
    final int seconds;
    final String runId;
    final AtomicReference<String> token = new AtomicReference<>();
    final AtomicLong tokenAt = new AtomicLong();
    final Map<Kind, AtomicIntegerArray> served = new LinkedHashMap<>();
    final Map<Kind, AtomicIntegerArray> failed = new LinkedHashMap<>();
    final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
    final ConcurrentLinkedQueue<ProfileWrite> profileWrites = new ConcurrentLinkedQueue<>();
    final Set<String> offerings = ConcurrentHashMap.newKeySet();
    final Set<String> ads = ConcurrentHashMap.newKeySet();
    final AtomicInteger unacknowledged = new AtomicInteger();
    final AtomicInteger sequence = new AtomicInteger();

    Run(
        HttpClient http,
        String url,
        String issuer,
        List<Person> people,
        int seconds,
        String runId) {
      this.http = http;
      this.url = url;
      this.issuer = issuer;
      this.people = people;
      this.seconds = seconds;
      this.runId = runId;
      for (Kind kind : Kind.values()) {
        // Requests still running at the end land up to the timeout after it.
        served.put(kind, new AtomicIntegerArray(seconds + 30));
        failed.put(kind, new AtomicIntegerArray(seconds + 30));
      }
    }

    void work(long start, long seed) {
      Random random = new Random(seed);
      long end = start + seconds * 1000L;
      while (System.currentTimeMillis() < end) {
        int roll = random.nextInt(100);
        Kind kind =
            roll < 40
                ? Kind.SEARCH
                : roll < 55
                    ? Kind.IDENTIFY
                    : roll < 80 ? Kind.PROFILE_EDIT : roll < 90 ? Kind.OFFERING_PUSH : Kind.AD_PUSH;
        String outcome;
        try {
          outcome = send(kind, random);
        } catch (IOException e) {
          outcome = e instanceof java.net.http.HttpTimeoutException ? "timeout" : "no answer";
          if (kind.ordinal() >= Kind.PROFILE_EDIT.ordinal()) {
            unacknowledged.incrementAndGet();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        int second = (int) Math.min(seconds + 29, (System.currentTimeMillis() - start) / 1000);
        if (outcome == null) {
          served.get(kind).incrementAndGet(second);
        } else {
          failed.get(kind).incrementAndGet(second);
          failures
              .computeIfAbsent(kind + " " + outcome, k -> new AtomicInteger())
              .incrementAndGet();
          if (outcome.equals("401") && kind.ordinal() >= Kind.OFFERING_PUSH.ordinal()) {
            // The provider lives in node 1: after its restart it signs with new keys.
            refreshQuietly();
          }
        }
      }
    }

    /** Null when served, else what went wrong (a status or an exception's kind). */
    private String send(Kind kind, Random random) throws IOException, InterruptedException {
      return switch (kind) {
        case SEARCH -> {
          String q = QUERIES[random.nextInt(QUERIES.length)];
          yield status(
              http.send(
                  HttpRequest.newBuilder(
                          URI.create(
                              url
                                  + "/api/v1/education/search?q="
                                  + URLEncoder.encode(q, StandardCharsets.UTF_8)))
                      .timeout(TIMEOUT)
                      .GET()
                      .build(),
                  HttpResponse.BodyHandlers.discarding()));
        }
        case IDENTIFY ->
            status(
                http.send(
                    post(
                        "/api/v1/identification",
                        "application/json",
                        json.writeValueAsString(
                            Map.of("text", TEXTS[random.nextInt(TEXTS.length)]))),
                    HttpResponse.BodyHandlers.discarding()));
        case PROFILE_EDIT -> {
          int index = random.nextInt(people.size());
          Person person = people.get(index);
          String title = "Topology " + runId + " entry " + sequence.incrementAndGet();
          String body =
              json.writeValueAsString(
                  Map.of(
                      "kind", "WORK",
                      "organisation", "Synthetic topology run",
                      "title", title,
                      "start", "2020-01-01",
                      "description", TEXTS[random.nextInt(TEXTS.length)]));
          HttpResponse<String> response =
              http.send(
                  HttpRequest.newBuilder(URI.create(url + "/api/v1/profile/experiences"))
                      .timeout(TIMEOUT)
                      .header("Cookie", person.cookie())
                      .header("X-CSRF-TOKEN", person.csrf())
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          if (response.statusCode() == 201) {
            profileWrites.add(
                new ProfileWrite(index, json.readTree(response.body()).path("id").asText()));
            yield null;
          }
          unacknowledged.incrementAndGet();
          yield Integer.toString(response.statusCode());
        }
        case OFFERING_PUSH -> {
          String id =
              "https://topology.osaava.invalid/" + runId + "/course/" + sequence.incrementAndGet();
          String document =
              json.writeValueAsString(
                  Map.of(
                      "@context", "https://schema.org",
                      "@type", "Course",
                      "@id", id,
                      "name", Map.of("fi", "Topologiakurssi " + id, "en", "Topology course " + id),
                      "description", "Synthetic offering of the fault run.",
                      "educationalLevel", "SHORT_COURSE"));
          yield pushed(
              post("/api/v1/education/offerings", "application/ld+json", document, token.get()),
              offerings,
              id);
        }
        case AD_PUSH -> {
          String id = "topology-" + runId + "-ad-" + sequence.incrementAndGet();
          String ad =
              json.writeValueAsString(
                  Map.of(
                      "@type",
                      "JobPosting",
                      "identifier",
                      id,
                      "title",
                      "Synteettinen ilmoitus " + id,
                      "description",
                      TEXTS[random.nextInt(TEXTS.length)],
                      "datePosted",
                      LocalDate.now().toString(),
                      "inLanguage",
                      "fi",
                      "osaava:synthetic",
                      true));
          yield pushed(post("/api/v1/job-ads", "application/json", ad, token.get()), ads, id);
        }
      };
    }

    /** Sends a push; an acknowledged one (200) is remembered under {@code id} to be looked for. */
    private String pushed(HttpRequest request, Set<String> acknowledged, String id)
        throws IOException, InterruptedException {
      HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
      if (response.statusCode() == 200) {
        acknowledged.add(id);
        return null;
      }
      unacknowledged.incrementAndGet();
      return Integer.toString(response.statusCode());
    }

    private static String status(HttpResponse<?> response) {
      return response.statusCode() / 100 == 2 ? null : Integer.toString(response.statusCode());
    }

    private HttpRequest post(String path, String type, String body) {
      return post(path, type, body, null);
    }

    private HttpRequest post(String path, String type, String body, String bearer) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(URI.create(url + path))
              .timeout(TIMEOUT)
              .header("Content-Type", type)
              .POST(HttpRequest.BodyPublishers.ofString(body));
      if (bearer != null) {
        b.header("Authorization", "Bearer " + bearer);
      }
      return b.build();
    }

    void refreshToken() throws IOException, InterruptedException {
      String basic =
          Base64.getEncoder()
              .encodeToString("topology-provider:any".getBytes(StandardCharsets.UTF_8));
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(issuer + "/token"))
                  .timeout(TIMEOUT)
                  .header("Authorization", "Basic " + basic)
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "grant_type=client_credentials&scope="
                              + URLEncoder.encode(
                                  "education.publish job-ads.publish", StandardCharsets.UTF_8)))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException("No token from " + issuer + ": " + response.statusCode());
      }
      token.set(json.readTree(response.body()).path("access_token").asText());
      tokenAt.set(System.currentTimeMillis());
    }

    private void refreshQuietly() {
      // One refresh a second at most, whoever sees the 401 first.
      long at = tokenAt.get();
      if (System.currentTimeMillis() - at < 1000 || !tokenAt.compareAndSet(at, at + 1)) {
        return;
      }
      try {
        refreshToken();
      } catch (IOException e) {
        tokenAt.set(System.currentTimeMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  record ProfileWrite(int person, String id) {}

  record Verification(int profileChecked, int profileLost, int offeringsLost, int adsLost) {
    int lost() {
      return profileLost + offeringsLost + adsLost;
    }
  }

  private Verification verify(Run run) throws IOException, InterruptedException {
    Map<Integer, Set<String>> byPerson = new TreeMap<>();
    for (ProfileWrite w : run.profileWrites) {
      byPerson.computeIfAbsent(w.person(), k -> new HashSet<>()).add(w.id());
    }
    int lost = 0;
    int checked = 0;
    for (Map.Entry<Integer, Set<String>> e : byPerson.entrySet()) {
      Person person = run.people.get(e.getKey());
      HttpResponse<String> response =
          run.http.send(
              HttpRequest.newBuilder(URI.create(run.url + "/api/v1/profile/experiences"))
                  .timeout(Duration.ofSeconds(30))
                  .header("Cookie", person.cookie())
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        throw new IOException(
            "Could not read a profile back (" + response.statusCode() + "): " + response.body());
      }
      Set<String> found = new HashSet<>();
      for (JsonNode entry : json.readTree(response.body())) {
        found.add(entry.path("id").asText());
      }
      for (String id : e.getValue()) {
        checked++;
        if (!found.contains(id)) {
          lost++;
        }
      }
    }
    return new Verification(
        checked,
        lost,
        missing(
            "select source_id from education_offering where source = 'jsonld' and source_id = any(?)",
            run.offerings),
        missing("select source_key from lm_job_ad where source_key = any(?)", run.ads));
  }

  /** How many of {@code keys} the query does not find. */
  private int missing(String sql, Set<String> keys) {
    if (keys.isEmpty()) {
      return 0;
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setArray(1, c.createArrayOf("text", keys.toArray()));
      Set<String> found = new HashSet<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
      return (int) keys.stream().filter(k -> !found.contains(k)).count();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not check the pushed records: " + e.getMessage(), e);
    }
  }

  // --- the report ---------------------------------------------------------------------------

  record Phase(String name, long from, long to) {}

  private Report report(
      Run run,
      long start,
      long end,
      Path phasesFile,
      Verification verified,
      double loadBefore,
      double loadAfter,
      int threads)
      throws IOException {
    Map<String, Long> marks = readMarks(phasesFile);
    List<Phase> phases = phases(marks, start, end);
    StringBuilder md = new StringBuilder();
    int totalServed = 0;
    int totalFailed = 0;
    for (Kind kind : Kind.values()) {
      totalServed += sum(run.served.get(kind), 0, run.seconds + 30);
      totalFailed += sum(run.failed.get(kind), 0, run.seconds + 30);
    }
    md.append(
            String.format(
                Locale.ROOT,
                "%d s of mixed load through HAProxy to two nodes, %d threads, %d signed-in people;"
                    + " load average %.1f before and %.1f after (2 cores). **%,d requests served,"
                    + " %,d failed.**%n%n",
                run.seconds,
                threads,
                run.people.size(),
                loadBefore,
                loadAfter,
                totalServed,
                totalFailed))
        .append("| phase | seconds | served | failed | served per s | failed by kind |\n")
        .append("|---|---|---|---|---|---|\n");
    for (Phase p : phases) {
      int from = (int) Math.max(0, (p.from() - start) / 1000);
      int to = (int) Math.min(run.seconds + 29, Math.max(from, (p.to() - start) / 1000));
      int served = 0;
      int failed = 0;
      List<String> byKind = new ArrayList<>();
      for (Kind kind : Kind.values()) {
        served += sum(run.served.get(kind), from, to);
        int f = sum(run.failed.get(kind), from, to);
        failed += f;
        if (f > 0) {
          byKind.add(kind.name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + f);
        }
      }
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d–%d | %,d | %,d | %.0f | %s |%n",
              p.name(),
              from,
              to,
              served,
              failed,
              served / (double) Math.max(1, to - from),
              byKind.isEmpty() ? "–" : String.join(", ", byKind)));
    }
    md.append("\nFailures by kind and answer: ");
    md.append(
        run.failures.isEmpty()
            ? "none"
            : String.join(
                ", ",
                new TreeMap<>(run.failures)
                    .entrySet().stream().map(e -> e.getKey() + " × " + e.getValue()).toList()));
    md.append(
        "\n\n**Faults and recovery** (failures counted from the fault's start until the next"
            + " fault; recovery is the last failure after the fault's end):\n\n");
    md.append(
        "| fault | from–to (s) | failed | last failure | recovered |\n|---|---|---|---|---|\n");
    Map<String, Object> metrics = new LinkedHashMap<>();
    recovery(
        md,
        metrics,
        run,
        start,
        marks,
        "node 1 killed (kill -9) until started again",
        "node1-killed",
        "node1-starting",
        "postgres-restarting");
    recovery(
        md,
        metrics,
        run,
        start,
        marks,
        "PostgreSQL restarted (fast shutdown, start)",
        "postgres-restarting",
        "postgres-restarted",
        "opensearch-stopped");
    recovery(
        md,
        metrics,
        run,
        start,
        marks,
        "OpenSearch stopped for 30 s, started again",
        "opensearch-stopped",
        "opensearch-starting",
        "load-ended");
    md.append(
        String.format(
            Locale.ROOT,
            "%n**Acknowledged writes lost: %d.** Checked afterwards: %,d profile entries (through"
                + " the profile API of each person's session), %,d pushed offerings and %,d pushed"
                + " job ads (in the shared database, by identifier); missing: %d, %d and %d."
                + " Writes not acknowledged (an error answer or none): %,d, not counted as"
                + " lost.%n",
            verified.lost(),
            verified.profileChecked(),
            run.offerings.size(),
            run.ads.size(),
            verified.profileLost(),
            verified.offeringsLost(),
            verified.adsLost(),
            run.unacknowledged.get()));
    readiness(
        md, metrics, marks, "node 1, from its start command", "node1-starting", "node1-ready");
    readiness(
        md,
        metrics,
        marks,
        "both nodes, from PostgreSQL's restart",
        "postgres-restarted",
        "postgres-nodes-ready");
    readiness(
        md,
        metrics,
        marks,
        "OpenSearch, from its start command",
        "opensearch-starting",
        "opensearch-ready");
    metrics.put("served", totalServed);
    metrics.put("failed", totalFailed);
    metrics.put("acknowledgedWritesLost", verified.lost());
    metrics.put("profileWrites", verified.profileChecked());
    metrics.put("offeringPushes", run.offerings.size());
    metrics.put("adPushes", run.ads.size());
    return new Report(md.toString(), metrics);
  }

  /**
   * One fault's row: the failures from its start until the next fault began, the last of them
   * measured from the fault's end (the process started again, the server back), which is the
   * recovery the issue bounds at 60 s.
   */
  private static void recovery(
      StringBuilder md,
      Map<String, Object> metrics,
      Run run,
      long start,
      Map<String, Long> marks,
      String label,
      String beginMark,
      String endMark,
      String nextMark) {
    Long began = marks.get(beginMark);
    Long ended = marks.get(endMark);
    if (began == null || ended == null) {
      md.append("| ").append(label).append(" | not applied | – | – | – |\n");
      return;
    }
    int from = (int) ((began - start) / 1000);
    int end = (int) ((ended - start) / 1000);
    Long next = marks.get(nextMark);
    int to = next == null ? run.seconds : (int) Math.min(run.seconds, (next - start) / 1000);
    int last = -1;
    int failures = 0;
    for (int s = from; s < to; s++) {
      for (Kind kind : Kind.values()) {
        int f = run.failed.get(kind).get(s);
        failures += f;
        if (f > 0) {
          last = s;
        }
      }
    }
    int recovered = last < end ? 0 : last - end + 1;
    metrics.put(endMark + "RecoverySeconds", recovered);
    md.append(
        String.format(
            Locale.ROOT,
            "| %s | %d–%d | %,d | %s | %s |%n",
            label,
            from,
            end,
            failures,
            last < 0 ? "none" : "at " + last + " s",
            recovered == 0
                ? "at once (no failure after its end)"
                : recovered + " s after its end"));
  }

  /** How long something took to be ready again, as the script marked it. */
  private static void readiness(
      StringBuilder md,
      Map<String, Object> metrics,
      Map<String, Long> marks,
      String label,
      String from,
      String to) {
    if (marks.containsKey(from) && marks.containsKey(to)) {
      double seconds = (marks.get(to) - marks.get(from)) / 1000.0;
      metrics.put(to + "Seconds", seconds);
      md.append(String.format(Locale.ROOT, "%nReady again: %s, %.1f s.", label, seconds));
    }
  }

  private static List<Phase> phases(Map<String, Long> marks, long start, long end) {
    String[][] order = {
      {"baseline (the named baseline)", "load-started", "node1-killed"},
      {"node 1 killed, started again", "node1-killed", "postgres-restarting"},
      {"PostgreSQL restarted", "postgres-restarting", "opensearch-stopped"},
      {"OpenSearch stopped for 30 s, started again", "opensearch-stopped", "load-ended"}
    };
    List<Phase> phases = new ArrayList<>();
    for (String[] p : order) {
      long from = p[1].equals("load-started") ? start : marks.getOrDefault(p[1], -1L);
      long to = p[2].equals("load-ended") ? end : marks.getOrDefault(p[2], -1L);
      if (from >= 0 && to >= from) {
        phases.add(new Phase(p[0], from, to));
      }
    }
    if (phases.isEmpty()) {
      phases.add(new Phase("whole run (no phase file)", start, end));
    }
    return phases;
  }

  private static Map<String, Long> readMarks(Path file) throws IOException {
    Map<String, Long> marks = new LinkedHashMap<>();
    if (file == null || !Files.exists(file)) {
      return marks;
    }
    for (String line : Files.readAllLines(file)) {
      String[] parts = line.strip().split(" ", 2);
      if (parts.length == 2) {
        marks.put(parts[1], Long.parseLong(parts[0]));
      }
    }
    return marks;
  }

  private static void mark(Path phases, long at, String name) throws IOException {
    if (phases != null) {
      Files.writeString(
          phases,
          at + " " + name + "\n",
          StandardCharsets.UTF_8,
          java.nio.file.StandardOpenOption.CREATE,
          java.nio.file.StandardOpenOption.APPEND);
    }
  }

  private static int sum(AtomicIntegerArray a, int from, int to) {
    int s = 0;
    for (int i = Math.max(0, from); i < Math.min(a.length(), to); i++) {
      s += a.get(i);
    }
    return s;
  }

  // --- set-up -------------------------------------------------------------------------------

  private static String csrfToken(HttpClient http, String url, String cookie)
      throws IOException, InterruptedException {
    HttpResponse<String> page =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/profile"))
                .timeout(Duration.ofSeconds(30))
                .header("Cookie", cookie)
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = CSRF.matcher(page.body());
    if (!m.find()) {
      throw new IOException("No CSRF token on /profile (" + page.statusCode() + ")");
    }
    return m.group(1);
  }

  /** The provider's issuer address, from where the sign-in sends a browser. */
  private static String issuer(HttpClient http, String url)
      throws IOException, InterruptedException {
    HttpResponse<Void> start =
        http.send(
            HttpRequest.newBuilder(URI.create(url + "/oauth2/authorization/osaava")).GET().build(),
            HttpResponse.BodyHandlers.discarding());
    String location =
        start
            .headers()
            .firstValue("Location")
            .orElseThrow(() -> new IOException("No redirect to the provider"));
    return location.substring(0, location.indexOf("/authorize"));
  }

  private static void waitUntilReady(HttpClient http, String url) throws InterruptedException {
    Instant limit = Instant.now().plusSeconds(120);
    while (Instant.now().isBefore(limit)) {
      try {
        if (http.send(
                    HttpRequest.newBuilder(URI.create(url + "/actuator/health/readiness"))
                        .timeout(Duration.ofSeconds(5))
                        .GET()
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode()
            == 200) {
          return;
        }
      } catch (IOException e) {
        // not yet
      }
      Thread.sleep(500);
    }
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  private static String required(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("Option " + key + "=… is required");
    }
    return value;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
