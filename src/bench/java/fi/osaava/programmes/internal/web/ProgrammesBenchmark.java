package fi.osaava.programmes.internal.web;

import static fi.osaava.platform.PageLatency.load;
import static fi.osaava.platform.PageLatency.measure;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.PageLatency;
import fi.osaava.platform.PageLatency.Stats;
import fi.osaava.platform.TemplatePages;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.internal.PersonDirectory;
import fi.osaava.programmes.ProgrammesApi;
import fi.osaava.programmes.internal.Learning;
import fi.osaava.programmes.internal.PackageContent.Module;
import fi.osaava.programmes.internal.PackageContent.ModuleKind;
import fi.osaava.programmes.internal.ProgrammeStore;
import fi.osaava.programmes.internal.ProgrammeStore.PackageVersion;
import fi.osaava.programmes.internal.TeamManagers;
import fi.osaava.programmes.internal.Teams;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;

/**
 * {@code ./osaava bench programmes}: issue 19's two latency targets over {@code learners=N}
 * generated learners' progress (default 100,000, synthetic: enrolled in both sample packages with
 * none to all modules done, a third completed): the package page of a signed-in learner (target p95
 * ≤ 50 ms; baseline: the same page anonymous, which reads no progress) and a manager's team
 * dashboard for a team of {@code members=1000} of them (target p95 ≤ 100 ms; baseline: the
 * dashboard of a team of four, whose figures are withheld and whose progress is never read).
 *
 * <p>Each page is its controller method (all its queries; the manager recognised from sign-in
 * claims as on a request) plus the real template rendered by Thymeleaf, in process on one thread,
 * without HTTP, as in {@code bench guidance}. The generated progress and teams are deleted at the
 * end.
 */
@Component
class ProgrammesBenchmark implements Benchmark {

  private static final Locale FINNISH = Locale.forLanguageTag("fi");
  private static final String ORGANISATION = "synthetic-bench-organisation";

  private final ProgrammesApi programmes;
  private final ProgrammeStore store;
  private final Learning learning;
  private final Teams teams;
  private final TeamManagers managers;
  private final PersonDirectory directory;
  private final ProgrammePageController packagePages;
  private final TeamPageController teamPages;
  private final TemplatePages pages;
  private final JdbcClient jdbc;

  ProgrammesBenchmark(
      ProgrammesApi programmes,
      ProgrammeStore store,
      Learning learning,
      Teams teams,
      TeamManagers managers,
      PersonDirectory directory,
      ProgrammePageController packagePages,
      TeamPageController teamPages,
      TemplatePages pages,
      JdbcClient jdbc) {
    this.programmes = programmes;
    this.store = store;
    this.learning = learning;
    this.teams = teams;
    this.managers = managers;
    this.directory = directory;
    this.packagePages = packagePages;
    this.teamPages = teamPages;
    this.pages = pages;
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "programmes";
  }

  @Override
  public String description() {
    return "Package page and team dashboard p95 over 100,000 learners' progress vs the anonymous"
        + " package page and a withheld dashboard";
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    int learners = Integer.parseInt(options.getOrDefault("learners", "100000"));
    int members = Integer.parseInt(options.getOrDefault("members", "1000"));
    int iterations = Integer.parseInt(options.getOrDefault("iterations", "400"));
    String seed = options.getOrDefault("seed", "20261212");
    if (members + 4 > learners) {
      throw new IllegalArgumentException("members=" + members + " needs more learners");
    }
    double loadAtStart = load();
    programmes.loadSampleContent();
    PackageVersion basics = store.latestPublished("ai-basics").orElseThrow();
    PackageVersion advanced = store.latestPublished("ai-service-design").orElseThrow();
    String prefix = "osaava-bench-programmes:" + seed + ":";

    progress.report("generating " + learners + " synthetic learners' progress");
    long started = System.nanoTime();
    for (PackageVersion v : List.of(basics, advanced)) {
      generateProgress(prefix, learners, v);
    }
    double generateSeconds = (System.nanoTime() - started) / 1e9;

    String managerSubject = "bench-programmes-manager-" + UUID.randomUUID();
    directory.personFor(managerSubject);
    OAuth2AuthenticationToken managerAuth = signIn(managerSubject, true);
    TeamManagers.Manager manager =
        managers.manager(managerAuth).orElseThrow(() -> new IllegalStateException("no manager"));
    List<PersonId> signedIn = new ArrayList<>();
    List<OAuth2AuthenticationToken> learnerAuths = new ArrayList<>();
    try {
      progress.report("a team of " + members + " and a team of 4");
      UUID big = team(manager, "Synthetic team (benchmark)", prefix, 0, members, basics, advanced);
      UUID small =
          team(manager, "Synthetic small team (benchmark)", prefix, members, 4, basics, advanced);
      for (int i = 0; i < 50; i++) {
        String subject = "bench-programmes-learner-" + seed + "-" + i;
        PersonId person = directory.personFor(subject);
        signedIn.add(person);
        learnerAuths.add(signIn(subject, false));
        learning.enrol(person, basics);
        for (Module m : basics.content().modules().subList(0, i % 3)) {
          if (m.kind() == ModuleKind.TEXT || m.kind() == ModuleKind.VIDEO) {
            learning.markDone(person, basics, m);
          }
        }
      }

      double loadBefore = load();
      progress.report("measuring the package page");
      Stats packagePage =
          measure(
              "`/programmes/packages/ai-basics`, signed-in learner (this)",
              iterations,
              i -> packagePage(learnerAuths.get(i % learnerAuths.size())));
      Stats anonymous =
          measure(
              "`/programmes/packages/ai-basics`, anonymous (baseline)",
              iterations,
              i -> packagePage(null));
      progress.report("measuring the team dashboard");
      int[] bytes = {0};
      Stats dashboard =
          measure(
              "`/programmes/teams/{id}`, team of " + members + " (this)",
              iterations,
              i -> bytes[0] = dashboard(managerAuth, big));
      Stats withheld =
          measure(
              "`/programmes/teams/{id}`, team of 4, figures withheld (baseline)",
              iterations,
              i -> dashboard(managerAuth, small));
      double loadAfter = load();
      return report(
          List.of(packagePage, anonymous, dashboard, withheld),
          learners,
          members,
          generateSeconds,
          bytes[0],
          new double[] {loadAtStart, loadBefore, loadAfter});
    } finally {
      progress.report("deleting the generated progress and teams");
      jdbc.sql("DELETE FROM programme_team WHERE organisation = ?").param(ORGANISATION).update();
      for (String table : List.of("programme_module_done", "programme_enrolment")) {
        jdbc.sql(
                "DELETE FROM "
                    + table
                    + " WHERE person_id IN (SELECT md5(? || i)::uuid FROM generate_series(1, ?)"
                    + " i)")
            .params(prefix, learners)
            .update();
      }
      signedIn.forEach(learning::delete);
    }
  }

  /**
   * Enrolments of {@code learners} generated people in {@code version}: learner {@code i} has done
   * the first {@code i mod (modules + 1)} modules, and every third has done all and completed (at a
   * date spread over the last 60 days). The ids are derived from the seed.
   */
  private void generateProgress(String prefix, int learners, PackageVersion version) {
    List<String> keys = version.content().modules().stream().map(Module::key).toList();
    jdbc.sql(
            "INSERT INTO programme_enrolment (person_id, package_id, version_id, started_at,"
                + " completed_at) SELECT md5(? || i)::uuid, ?, ?, now() - (i % 90) * interval '1"
                + " day', CASE WHEN i % 3 = 0 THEN now() - (i % 60) * interval '1 day' END FROM"
                + " generate_series(1, ?) i ON CONFLICT DO NOTHING")
        .params(prefix, version.packageId(), version.id(), learners)
        .update();
    jdbc.sql(
            "INSERT INTO programme_module_done (person_id, version_id, module_key, done_at)"
                + " SELECT md5(? || i)::uuid, ?, k.key, now() FROM generate_series(1, ?) i JOIN"
                + " unnest(?::text[]) WITH ORDINALITY k(key, n) ON k.n <= CASE WHEN i % 3 = 0"
                + " THEN ? ELSE i % (? + 1) END ON CONFLICT DO NOTHING")
        .params(
            prefix, version.id(), learners, keys.toArray(String[]::new), keys.size(), keys.size())
        .update();
  }

  /** A team of the generated learners {@code from + 1} to {@code from + size}, joined by a link. */
  private UUID team(
      TeamManagers.Manager manager,
      String name,
      String prefix,
      int from,
      int size,
      PackageVersion... assigned) {
    UUID id = teams.create(manager, name);
    Teams.Team team = teams.managed(manager, id).orElseThrow();
    String token = teams.inviteByLink(team);
    List<UUID> people =
        jdbc.sql("SELECT md5(? || i)::uuid FROM generate_series(?, ?) i")
            .params(prefix, from + 1, from + size)
            .query(UUID.class)
            .list();
    people.forEach(p -> teams.accept(new PersonId(p), token));
    for (PackageVersion v : assigned) {
      teams.assign(
          manager,
          team,
          v.packageId(),
          LocalDate.now().plusMonths(3),
          "Synthetic assignment (benchmark)");
    }
    return id;
  }

  private int packagePage(@Nullable OAuth2AuthenticationToken auth) {
    ExtendedModelMap model = new ExtendedModelMap();
    String view = packagePages.packagePage("ai-basics", auth, FINNISH, model);
    return pages.render(view, FINNISH, model, List.of("completed", "moved"));
  }

  private int dashboard(OAuth2AuthenticationToken auth, UUID team) {
    ExtendedModelMap model = new ExtendedModelMap();
    String view = teamPages.dashboard(team.toString(), auth, FINNISH, model);
    return pages.render(
        view, FINNISH, model, List.of("created", "invited", "assigned", "withdrawn"));
  }

  private Report report(
      List<Stats> results,
      int learners,
      int members,
      double generateSeconds,
      int dashboardBytes,
      double[] loads) {
    Stats packagePage = results.get(0);
    Stats anonymous = results.get(1);
    Stats dashboard = results.get(2);
    Stats withheld = results.get(3);
    String md =
        String.format(
                Locale.ROOT,
                "Database: %,d generated learners (synthetic), each enrolled in both sample"
                    + " packages with none to all modules done and a third completed (%,d"
                    + " enrolments, made in %.1f s); 50 signed-in learners with their own progress;"
                    + " a team of %,d of the generated learners and one of 4, each assigned both"
                    + " packages. Dashboard %d KiB of HTML. Each figure is the controller method"
                    + " (all its queries) plus the real template rendered by Thymeleaf, in process"
                    + " on one thread, without HTTP; requests/s is one thread's. Load average %.2f"
                    + " at the start, %.2f before and %.2f after the measurements, on %d"
                    + " cores.%n%n",
                learners,
                learners * 2,
                generateSeconds,
                members,
                dashboardBytes / 1024,
                loads[0],
                loads[1],
                loads[2],
                Runtime.getRuntime().availableProcessors())
            + PageLatency.table(results)
            + String.format(
                Locale.ROOT,
                "%nTargets: package page p95 ≤ 50 ms: **%s** (%.1f ms, %.2f× the anonymous"
                    + " page's); team dashboard p95 ≤ 100 ms: **%s** (%.1f ms, %.2f× the withheld"
                    + " dashboard's).%n",
                packagePage.p95() <= 50 ? "met" : "missed",
                packagePage.p95(),
                packagePage.p95() / anonymous.p95(),
                dashboard.p95() <= 100 ? "met" : "missed",
                dashboard.p95(),
                dashboard.p95() / withheld.p95());
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("learners", learners);
    metrics.put("members", members);
    metrics.put("packagePageP95Ms", packagePage.p95());
    metrics.put("anonymousPackagePageP95Ms", anonymous.p95());
    metrics.put("dashboardP95Ms", dashboard.p95());
    metrics.put("withheldDashboardP95Ms", withheld.p95());
    metrics.put("loadAverage", loads[2]);
    return new Report(md, metrics);
  }

  /** What the development sign-in gives: the subject and, for a manager, the role claims. */
  private static OAuth2AuthenticationToken signIn(String subject, boolean manager) {
    Map<String, Object> claims =
        manager
            ? Map.of(
                "sub",
                subject,
                "osaava_roles",
                List.of("team-manager"),
                "osaava_organisation",
                ORGANISATION,
                "name",
                "Synthetic Manager")
            : Map.of("sub", subject);
    var authorities = AuthorityUtils.createAuthorityList("ROLE_USER");
    return new OAuth2AuthenticationToken(
        new DefaultOAuth2User(authorities, claims, "sub"), authorities, "development");
  }
}
