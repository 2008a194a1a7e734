package fi.osaava.profile.internal.web;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.DevelopmentSignIns;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Wrk;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.internal.DataRights;
import fi.osaava.profile.internal.PersonDirectory;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.TaxonomyApi;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code ./osaava bench profile}: the server-side cost of the profile page and of the export, on a
 * database holding {@code profiles=N} generated profiles (default 10,000; synthetic, each with two
 * entries and 15 skills drawn from the real ESCO skills, labelled synthetic in their sources).
 *
 * <p>Page: the page's own model ({@link ProfileOverview}, every query the controller runs) and the
 * real {@code profile/overview} template rendered by Thymeleaf, for a full profile with {@code
 * skills=200} skills, 20 entries, 40 pending suggestions, 5 credentials and 3 consents; baseline:
 * the same page for an empty profile, in the same run. HTTP and the servlet stack are not included
 * (the command line has no web server); CSRF fields are not rendered. Export: {@link
 * DataRights#export} serialised to JSON for the full profile; baseline: an empty profile. Also the
 * page for 1,000 random generated profiles. The generated rows are deleted afterwards unless {@code
 * keep=true}.
 *
 * <p>With {@code url=} (a running {@code ./osaava start} on the same home, started with {@code
 * OSAAVA_SIGN_IN_ATTEMPTS_PER_MINUTE=100000} so the sign-in rate limit lets the benchmark sign in
 * its {@code sessions=200} people from one address) also a {@code wrk} load test, each route
 * measured after {@code warmup=10} seconds of it unmeasured, see {@link LoadTest}.
 */
@Component
class ProfileBenchmark implements Benchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final DataRights rights;
  private final PersonDirectory directory;
  private final TaxonomyApi taxonomy;
  private final JdbcTemplate jdbc;
  private final ObjectMapper json;
  private final ProfilePage page;
  private final fi.osaava.profile.internal.IdentityKey identityKey;

  ProfileBenchmark(
      DataRights rights,
      PersonDirectory directory,
      fi.osaava.profile.internal.IdentityKey identityKey,
      TaxonomyApi taxonomy,
      JdbcTemplate jdbc,
      ObjectMapper json,
      ProfilePage page) {
    this.rights = rights;
    this.directory = directory;
    this.identityKey = identityKey;
    this.taxonomy = taxonomy;
    this.jdbc = jdbc;
    this.json = json;
    this.page = page;
  }

  @Override
  public String name() {
    return "profile";
  }

  @Override
  public String description() {
    return "Profile page model+render p95 (200 skills) and export time vs an empty profile,"
        + " over N generated profiles";
  }

  record Stats(String what, int n, double p50, double p95, double p99, double cpuP95) {}

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    int profiles = Integer.parseInt(options.getOrDefault("profiles", "10000"));
    int skillCount = Integer.parseInt(options.getOrDefault("skills", "200"));
    int iterations = Integer.parseInt(options.getOrDefault("iterations", "300"));
    boolean keep = Boolean.parseBoolean(options.getOrDefault("keep", "false"));
    Random random = new Random(Long.parseLong(options.getOrDefault("seed", "20261122")));

    progress.report("reading ESCO skills");
    List<String> skillUris = new ArrayList<>();
    taxonomy.forEachConcept(Set.of(ConceptType.SKILL), c -> skillUris.add(c.uri().value()));
    if (skillUris.size() < skillCount) {
      throw new IllegalStateException(
          "Only " + skillUris.size() + " ESCO skills in the database; run './osaava import esco'");
    }
    String run = UUID.randomUUID().toString().substring(0, 8);
    List<UUID> generated = new ArrayList<>();
    long started = System.nanoTime();
    progress.report("generating " + profiles + " synthetic profiles");
    generate(profiles, skillUris, random, generated, progress);
    double generateSeconds = (System.nanoTime() - started) / 1e9;

    PersonId full = directory.personFor("bench-full-" + run);
    PersonId empty = directory.personFor("bench-empty-" + run);
    generated.add(full.value());
    generated.add(empty.value());
    fill(full, skillCount, skillUris, random);
    try {
      progress.report("measuring the page");
      List<Stats> results = new ArrayList<>();
      Stats page =
          measure("profile page, " + skillCount + " skills (this)", iterations, () -> render(full));
      Stats pageEmpty =
          measure("profile page, empty profile (baseline)", iterations, () -> render(empty));
      List<UUID> sample = new ArrayList<>(generated.subList(0, Math.min(1000, profiles)));
      int[] next = {0};
      Stats pageRandom =
          measure(
              "profile page, random generated profiles (15 skills)",
              sample.size(),
              () -> render(new PersonId(sample.get(next[0]++ % sample.size()))));
      progress.report("measuring the export");
      Stats export =
          measure(
              "export, " + skillCount + " skills (this)",
              Math.max(20, iterations / 6),
              () -> exportBytes(full));
      Stats exportEmpty =
          measure(
              "export, empty profile (baseline)",
              Math.max(20, iterations / 6),
              () -> exportBytes(empty));
      results.addAll(List.of(page, pageEmpty, pageRandom, export, exportEmpty));
      String url = options.getOrDefault("url", "");
      String load = url.isBlank() ? null : loadTest(url, run, generated, options, progress);
      int pageBytes = render(full);
      int exportSize = exportBytes(full);

      StringBuilder md = new StringBuilder();
      md.append("Database: ")
          .append(String.format(Locale.ROOT, "%,d", profiles))
          .append(
              " generated profiles (synthetic, 2 entries and 15 ESCO skills each; generated in ")
          .append(String.format(Locale.ROOT, "%.1f s", generateSeconds))
          .append("). Full profile: ")
          .append(skillCount)
          .append(" skills, 20 entries, 40 pending suggestions, 5 credentials; page ")
          .append(pageBytes / 1024)
          .append(" KiB of HTML, export ")
          .append(exportSize / 1024)
          .append(" KiB of JSON.\n\n")
          .append(
              "| what | n | p50 ms | p95 ms | p99 ms | CPU p95 ms |\n|---|---|---|---|---|---|\n");
      for (Stats s : results) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %d | %.1f | %.1f | %.1f | %.1f |%n",
                s.what(),
                s.n(),
                s.p50(),
                s.p95(),
                s.p99(),
                s.cpuP95()));
      }
      md.append(
          String.format(
              Locale.ROOT,
              "%nTargets: page p95 ≤ 50 ms with %d skills: **%s** (%.1f ms); export ≤ 1 s: **%s**"
                  + " (p95 %.1f ms). Page time is the model (all its queries) plus Thymeleaf"
                  + " rendering of the real template, in process without HTTP. Load average at the"
                  + " end: %.2f on %d cores.%n",
              skillCount,
              page.p95() <= 50 ? "met" : "missed",
              page.p95(),
              export.p95() <= 1000 ? "met" : "missed",
              export.p95(),
              ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
              Runtime.getRuntime().availableProcessors()));
      md.append('\n')
          .append(
              load != null
                  ? load
                  : "Load test not run: give `url=http://localhost:8080` of a running `./osaava"
                      + " start` with the same home (development sign-in).\n");
      Map<String, Object> metrics = new LinkedHashMap<>();
      metrics.put("profiles", profiles);
      metrics.put("pageP95Ms", page.p95());
      metrics.put("emptyPageP95Ms", pageEmpty.p95());
      metrics.put("exportP95Ms", export.p95());
      return new Report(md.toString(), metrics);
    } finally {
      if (!keep) {
        progress.report("deleting the generated profiles");
        for (int i = 0; i < generated.size(); i += 1000) {
          List<UUID> batch = generated.subList(i, Math.min(generated.size(), i + 1000));
          jdbc.update(
              "DELETE FROM profile_person WHERE id = ANY (?)", (Object) batch.toArray(new UUID[0]));
          jdbc.update(
              "DELETE FROM profile_audit WHERE person_id = ANY (?)",
              (Object) batch.toArray(new UUID[0]));
        }
      }
    }
  }

  /**
   * Signs {@code sessions} generated people in to the running server through its development
   * provider and runs wrk over their profile pages; baseline: the anonymous sign-in page.
   */
  private String loadTest(
      String url,
      String run,
      List<UUID> generated,
      Map<String, String> options,
      ImportProgress progress) {
    int sessions =
        Math.min(generated.size() - 2, Integer.parseInt(options.getOrDefault("sessions", "200")));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "30"));
    int connections = Integer.parseInt(options.getOrDefault("connections", "16"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
    java.net.http.HttpClient http =
        java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build();
    try {
      progress.report("signing in " + sessions + " generated people at " + url);
      List<String> cookies = new ArrayList<>();
      long started = System.nanoTime();
      for (int i = 0; i < sessions; i++) {
        String subject = "bench-load-" + run + "-" + i;
        jdbc.update(
            "INSERT INTO profile_identity (identity_hmac, person_id) VALUES (?, ?)",
            identityKey.hmac(subject),
            generated.get(i));
        cookies.add(DevelopmentSignIns.signIn(http, url, subject));
      }
      double signInMs = (System.nanoTime() - started) / 1e6 / sessions;
      List<Wrk.Request> pages =
          cookies.stream()
              .map(cookie -> new Wrk.Request("/profile", Map.of("Cookie", cookie)))
              .toList();
      List<Wrk.Request> json =
          cookies.stream()
              .map(cookie -> new Wrk.Request("/api/v1/profile", Map.of("Cookie", cookie)))
              .toList();
      // A service just started runs its first thousands of requests in the interpreter and the
      // first compiler tier; measured cold, the first route would pay for the JIT and the second
      // would not. Both routes are asked first, unmeasured, so that each is measured warm.
      if (warmup > 0) {
        progress.report("wrk: warm-up, " + warmup + " s per route");
        Wrk.run(url, pages, connections, warmup, false);
        Wrk.run(url, json, connections, warmup, false);
      }
      double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      progress.report("wrk: " + connections + " connections, " + seconds + " s, profile pages");
      Wrk.Result profile = Wrk.run(url, pages, connections, seconds, true);
      // The same people's same data as JSON, through the same session: what the page costs over
      // reading the profile (the session, security, queries), in the same run.
      progress.report("wrk: baseline, the same profiles as JSON");
      Wrk.Result api = Wrk.run(url, json, connections, seconds, true);
      progress.report("wrk: baseline, the anonymous sign-in page");
      Wrk.Result baseline =
          Wrk.run(url, List.of(Wrk.Request.get("/sign-in")), connections, seconds, true);
      double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      StringBuilder md =
          new StringBuilder(
              String.format(
                  Locale.ROOT,
                  "Load test with `wrk -t2 -c%d -d%ds --latency` on loopback against `%s`, %d"
                      + " signed-in sessions of generated people (each sign-in through the"
                      + " development provider: %.0f ms on average), every request a different"
                      + " session in turn, after %d s of each route unmeasured (warm-up)."
                      + " wrk, the service and its PostgreSQL share the machine's"
                      + " %d cores; load average %.2f before the first wrk run, %.2f after the"
                      + " last.%n%n"
                      + "| what | requests/s | p50 | p90 | p99 | requests | non-2xx |%n"
                      + "|---|---|---|---|---|---|---|%n",
                  connections,
                  seconds,
                  url,
                  sessions,
                  signInMs,
                  warmup,
                  Runtime.getRuntime().availableProcessors(),
                  loadBefore,
                  loadAfter));
      for (Wrk.Result r : List.of(profile, api, baseline)) {
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %.0f | %s | %s | %s | %d | %d |%n",
                r == profile
                    ? "`/profile` (15 skills each; this)"
                    : r == api
                        ? "`/api/v1/profile`, the same sessions (baseline)"
                        : "`/sign-in`, anonymous (baseline)",
                r.requestsPerSecond(),
                r.latencyP50(),
                r.latencyP90(),
                r.latencyP99(),
                r.requests(),
                r.errors()));
      }
      double p99 = millis(profile.latencyP99());
      md.append(
          String.format(
              Locale.ROOT,
              "%nTarget (issue #20): `/profile` ≥ 300 requests/s with p99 ≤ 200 ms: **%s** (%.0f"
                  + " requests/s, p99 %.0f ms; %.2f× the JSON route's requests/s).%n",
              profile.errors() == 0 && profile.requestsPerSecond() >= 300 && p99 <= 200
                  ? "met"
                  : profile.errors() > 0 ? "not measured (non-2xx answers)" : "missed",
              profile.requestsPerSecond(),
              p99,
              profile.requestsPerSecond() / api.requestsPerSecond()));
      return md.toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("Load test against " + url + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Load test interrupted", e);
    }
  }

  /** A latency as wrk prints it ({@code 850.00us}, {@code 12.31ms}, {@code 1.12s}) in ms. */
  static double millis(String latency) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("([0-9.]+)(us|ms|s|m)").matcher(latency.strip());
    if (!m.matches()) {
      return Double.NaN;
    }
    double value = Double.parseDouble(m.group(1));
    return switch (m.group(2)) {
      case "us" -> value / 1000;
      case "ms" -> value;
      case "s" -> value * 1000;
      default -> value * 60_000;
    };
  }

  private int render(PersonId person) {
    return page.render(person);
  }

  private int exportBytes(PersonId person) {
    return json.writeValueAsBytes(rights.export(person)).length;
  }

  private Stats measure(String what, int n, Supplier<Integer> task) {
    for (int i = 0; i < Math.min(50, n); i++) {
      task.get();
    }
    double[] wall = new double[n];
    double[] cpu = new double[n];
    for (int i = 0; i < n; i++) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      task.get();
      wall[i] = (System.nanoTime() - start) / 1e6;
      cpu[i] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6;
    }
    Arrays.sort(wall);
    Arrays.sort(cpu);
    return new Stats(what, n, pct(wall, 50), pct(wall, 95), pct(wall, 99), pct(cpu, 95));
  }

  private static double pct(double[] sorted, int p) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)];
  }

  /** N synthetic people, in batches straight into the tables the services read. */
  private void generate(
      int profiles, List<String> skills, Random random, List<UUID> ids, ImportProgress progress) {
    int batch = 500;
    for (int start = 0; start < profiles; start += batch) {
      int end = Math.min(profiles, start + batch);
      List<Object[]> people = new ArrayList<>();
      List<Object[]> entries = new ArrayList<>();
      List<Object[]> skillRows = new ArrayList<>();
      for (int i = start; i < end; i++) {
        UUID person = UUID.randomUUID();
        ids.add(person);
        people.add(new Object[] {person});
        UUID entry = null;
        for (int e = 0; e < 2; e++) {
          entry = UUID.randomUUID();
          entries.add(
              new Object[] {
                entry,
                person,
                "Synthetic benchmark entry " + e,
                Date.valueOf(LocalDate.of(2010 + random.nextInt(10), 1, 1)),
                "Synthetic description generated by the profile benchmark."
              });
        }
        for (int s = 0; s < 15; s++) {
          skillRows.add(
              new Object[] {
                UUID.randomUUID(),
                person,
                skills.get(random.nextInt(skills.size())),
                entry,
                "INTERMEDIATE"
              });
        }
      }
      jdbc.batchUpdate("INSERT INTO profile_person (id) VALUES (?)", people);
      jdbc.batchUpdate(
          "INSERT INTO profile_experience (id, person_id, kind, title, start_date, description)"
              + " VALUES (?, ?, 'WORK', ?, ?, ?)",
          entries);
      jdbc.batchUpdate(
          "INSERT INTO profile_skill (id, person_id, skill_uri, label, source_kind, experience_id,"
              + " source_label, evidence, proficiency) VALUES (?, ?, ?, 'synthetic', 'EXPERIENCE',"
              + " ?, 'Synthetic benchmark entry', 'synthetic', ?) ON CONFLICT DO NOTHING",
          skillRows);
      if (end % 2000 == 0 || end == profiles) {
        progress.report(end + " profiles");
      }
    }
  }

  /** The full profile: entries with suggestions, skills, credentials and consents. */
  private void fill(PersonId person, int skillCount, List<String> skills, Random random) {
    List<UUID> entries = new ArrayList<>();
    for (int e = 0; e < 20; e++) {
      UUID entry = UUID.randomUUID();
      entries.add(entry);
      jdbc.update(
          "INSERT INTO profile_experience (id, person_id, kind, organisation, title, start_date,"
              + " end_date, description) VALUES (?, ?, ?, 'Synthetic Oy', ?, ?, ?, ?)",
          entry,
          person.value(),
          List.of("WORK", "EDUCATION", "ACTIVITY", "TRUST", "OTHER").get(e % 5),
          "Synthetic entry " + e,
          Date.valueOf(LocalDate.of(2000 + e, 1, 1)),
          Date.valueOf(LocalDate.of(2001 + e, 6, 30)),
          "Synthetic description generated by the profile benchmark. ".repeat(8));
    }
    List<String> shuffled = new ArrayList<>(skills);
    java.util.Collections.shuffle(shuffled, random);
    for (int s = 0; s < skillCount; s++) {
      jdbc.update(
          "INSERT INTO profile_skill (id, person_id, skill_uri, label, source_kind, experience_id,"
              + " source_label, evidence, proficiency, last_used, verified, issuer)"
              + " VALUES (?, ?, ?, 'synthetic', 'EXPERIENCE', ?, 'Synthetic entry', ?, ?, ?, ?, ?)",
          UUID.randomUUID(),
          person.value(),
          shuffled.get(s),
          entries.get(s % entries.size()),
          "synthetic evidence text for skill " + s,
          List.of("BASIC", "INTERMEDIATE", "ADVANCED", "EXPERT").get(s % 4),
          Date.valueOf(LocalDate.of(2020, 1 + s % 12, 1)),
          s % 10 == 0,
          s % 10 == 0 ? "Synthetic Issuer" : null);
    }
    for (int g = 0; g < 40; g++) {
      jdbc.update(
          "INSERT INTO profile_suggestion (experience_id, person_id, skill_uri, label, evidence,"
              + " score) VALUES (?, ?, ?, 'synthetic', 'synthetic', 0.5) ON CONFLICT DO NOTHING",
          entries.get(g % entries.size()),
          person.value(),
          shuffled.get(skillCount + g));
    }
    for (int c = 0; c < 5; c++) {
      jdbc.update(
          "INSERT INTO profile_credential (id, person_id, format, title, issuer, signature_checked,"
              + " verification_note, document) VALUES (?, ?, 'open-badge-3', ?, 'Synthetic"
              + " Issuer', false, 'unsigned', ?)",
          UUID.randomUUID(),
          person.value(),
          "Synthetic badge " + c,
          "{\"synthetic\":\"" + "x".repeat(3000) + "\"}");
    }
    for (String purpose :
        List.of("GUIDANCE_COUNSELLOR", "ANONYMISED_STATISTICS", "AI_IMPROVEMENT")) {
      jdbc.update(
          "INSERT INTO profile_consent (person_id, purpose, text_version, granted) VALUES (?, ?,"
              + " 1, true)",
          person.value(),
          purpose);
    }
  }
}
