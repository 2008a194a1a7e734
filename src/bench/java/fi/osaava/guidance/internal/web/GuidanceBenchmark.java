package fi.osaava.guidance.internal.web;

import static fi.osaava.platform.PageLatency.load;
import static fi.osaava.platform.PageLatency.measure;

import fi.osaava.guidance.internal.Counsellor;
import fi.osaava.guidance.internal.Counsellors;
import fi.osaava.guidance.internal.Invitations;
import fi.osaava.guidance.internal.Plans;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.platform.PageLatency;
import fi.osaava.platform.PageLatency.Stats;
import fi.osaava.platform.TemplatePages;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.SharedPart;
import fi.osaava.profile.SyntheticWorkHistories;
import fi.osaava.profile.internal.PersonDirectory;
import fi.osaava.profile.internal.web.ProfilePage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.stereotype.Component;
import org.springframework.ui.ExtendedModelMap;

/**
 * {@code ./osaava bench guidance}: the counsellor's caseload page and client view (issue 16) over
 * {@code profiles=N} generated synthetic profiles (default 10,000, {@code skills=15} ESCO skills
 * each, made through {@link SyntheticWorkHistories}), of which {@code clients=500} share with one
 * counsellor: each accepts an invitation code of the counsellor through {@link Invitations}, four
 * in five share skills, work history and plans (with one proposed task each), the others skills and
 * work history. Baseline: the plain signed-in {@code /profile} page of the same clients, in the
 * same run.
 *
 * <p>Each page is its controller method (every query and access-log write it makes, the counsellor
 * recognised from sign-in claims as on a request) plus the real template rendered by Thymeleaf, in
 * process on one thread; HTTP, the servlet stack and CSRF fields are not included. The consents are
 * revoked afterwards (through the client's revocation), so the generated people stay, labelled
 * synthetic, and a rerun with the same seed adds no new ones.
 */
@Component
class GuidanceBenchmark implements Benchmark {

  private static final Locale FINNISH = Locale.forLanguageTag("fi");
  private static final String ORGANISATION = "synthetic-bench-organisation";

  private final SyntheticWorkHistories people;
  private final PersonDirectory directory;
  private final Counsellors counsellors;
  private final Invitations invitations;
  private final Plans plans;
  private final CounsellorConsents consents;
  private final CaseloadPageController pagesController;
  private final ProfilePage profilePage;
  private final TemplatePages pages;

  GuidanceBenchmark(
      SyntheticWorkHistories people,
      PersonDirectory directory,
      Counsellors counsellors,
      Invitations invitations,
      Plans plans,
      CounsellorConsents consents,
      CaseloadPageController pagesController,
      ProfilePage profilePage,
      TemplatePages pages) {
    this.people = people;
    this.directory = directory;
    this.counsellors = counsellors;
    this.invitations = invitations;
    this.plans = plans;
    this.consents = consents;
    this.pagesController = pagesController;
    this.profilePage = profilePage;
    this.pages = pages;
  }

  @Override
  public String name() {
    return "guidance";
  }

  @Override
  public String description() {
    return "Caseload page and client view p95 (500 clients, 10,000 generated profiles) vs the"
        + " /profile page";
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    int profiles = Integer.parseInt(options.getOrDefault("profiles", "10000"));
    int clients = Integer.parseInt(options.getOrDefault("clients", "500"));
    int skills = Integer.parseInt(options.getOrDefault("skills", "15"));
    int iterations = Integer.parseInt(options.getOrDefault("iterations", "200"));
    long seed = Long.parseLong(options.getOrDefault("seed", "20261211"));
    if (clients > profiles) {
      throw new IllegalArgumentException("clients=" + clients + " exceeds profiles=" + profiles);
    }
    double loadAtStart = load();
    progress.report("generating " + profiles + " synthetic profiles");
    long started = System.nanoTime();
    List<PersonId> generated = people.generateWithSkills(profiles, skills, seed);
    double generateSeconds = (System.nanoTime() - started) / 1e9;

    String subject = "bench-guidance-counsellor-" + UUID.randomUUID();
    directory.personFor(subject);
    OAuth2AuthenticationToken auth = counsellorSignIn(subject);
    Counsellor counsellor =
        counsellors.current(auth).orElseThrow(() -> new IllegalStateException("no counsellor"));

    progress.report("sharing " + clients + " clients with the counsellor");
    List<CounsellorGrant> grants = new ArrayList<>();
    List<CounsellorGrant> planGrants = new ArrayList<>();
    LocalDate today = LocalDate.now();
    for (int i = 0; i < clients; i++) {
      boolean sharesPlans = i % 5 != 4;
      EnumSet<SharedPart> parts = EnumSet.of(SharedPart.SKILLS, SharedPart.WORK_HISTORY);
      if (sharesPlans) {
        parts.add(SharedPart.PLANS);
      }
      CounsellorGrant grant =
          invitations
              .accept(
                  generated.get(i),
                  invitations.create(counsellor),
                  String.format(Locale.ROOT, "Synthetic client %04d", i),
                  parts,
                  12,
                  Language.FI)
              .orElseThrow(() -> new IllegalStateException("invitation refused"));
      grants.add(grant);
      if (sharesPlans) {
        planGrants.add(grant);
        plans.propose(
            grant.id(),
            counsellor,
            Plans.StepKind.TASK,
            "Synthetic task",
            null,
            today.plusDays(i % 30));
      }
    }
    try {
      progress.report("measuring the caseload page");
      double loadBefore = load();
      int[] caseloadBytes = {0};
      Stats caseload =
          measure(
              "`/guidance/caseload`, " + clients + " clients (this)",
              iterations,
              i -> caseloadBytes[0] = caseload(auth));
      progress.report("measuring the client view");
      Stats client =
          measure(
              "`/guidance/clients/{id}`, skills + work history + plan (this)",
              iterations * 2,
              i -> clientView(auth, planGrants.get(i % planGrants.size()).id()));
      progress.report("measuring the profile page (baseline)");
      Stats profile =
          measure(
              "`/profile`, the same clients signed in (baseline)",
              iterations * 2,
              i -> profilePage.render(planGrants.get(i % planGrants.size()).client()));
      double loadAfter = load();
      return report(
          List.of(caseload, client, profile),
          profiles,
          clients,
          planGrants.size(),
          skills,
          generateSeconds,
          caseloadBytes[0],
          loadAtStart,
          loadBefore,
          loadAfter);
    } finally {
      progress.report("revoking the benchmark's consents");
      grants.forEach(g -> consents.revoke(g.client(), g.id()));
    }
  }

  private Report report(
      List<Stats> results,
      int profiles,
      int clients,
      int sharingPlans,
      int skills,
      double generateSeconds,
      int caseloadBytes,
      double loadAtStart,
      double loadBefore,
      double loadAfter) {
    Stats caseload = results.get(0);
    Stats client = results.get(1);
    Stats profile = results.get(2);
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            "Database: %,d generated profiles (synthetic, one job and %d ESCO skills each; made in"
                + " %.1f s, or found from an earlier run with the same seed). One counsellor with"
                + " %d clients, each through an invitation code; %d of them share plans (one open"
                + " task each), the others skills and work history. Caseload page %d KiB of HTML."
                + " Each figure is the controller method (all its queries and access-log writes)"
                + " plus the real template rendered by Thymeleaf, in process on one thread, without"
                + " HTTP; requests/s is one thread's. Load average %.2f at the start, %.2f before"
                + " and %.2f after the measurements, on %d cores.%n%n",
            profiles,
            skills,
            generateSeconds,
            clients,
            sharingPlans,
            caseloadBytes / 1024,
            loadAtStart,
            loadBefore,
            loadAfter,
            Runtime.getRuntime().availableProcessors()));
    md.append(PageLatency.table(results));
    md.append(
        String.format(
            Locale.ROOT,
            "%nTargets: caseload p95 ≤ 50 ms: **%s** (%.1f ms); client view p95 ≤ 100 ms: **%s**"
                + " (%.1f ms, %.2f× the profile page's p95).%n",
            caseload.p95() <= 50 ? "met" : "missed",
            caseload.p95(),
            client.p95() <= 100 ? "met" : "missed",
            client.p95(),
            client.p95() / profile.p95()));
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("profiles", profiles);
    metrics.put("clients", clients);
    metrics.put("caseloadP95Ms", caseload.p95());
    metrics.put("clientViewP95Ms", client.p95());
    metrics.put("profilePageP95Ms", profile.p95());
    metrics.put("loadAverage", loadAfter);
    return new Report(md.toString(), metrics);
  }

  private int caseload(OAuth2AuthenticationToken auth) {
    ExtendedModelMap model = new ExtendedModelMap();
    String view = pagesController.caseload("", "false", "NAME", "", "ANY", "ANY", "1", auth, model);
    return pages.render(view, FINNISH, model, List.of());
  }

  private int clientView(OAuth2AuthenticationToken auth, UUID grant) {
    ExtendedModelMap model = new ExtendedModelMap();
    String view = pagesController.client(grant.toString(), auth, FINNISH, model);
    return pages.render(view, FINNISH, model, List.of("proposed", "noted"));
  }

  /** What the development sign-in gives a counsellor: the subject and the guidance claims. */
  private static OAuth2AuthenticationToken counsellorSignIn(String subject) {
    Map<String, Object> claims =
        Map.of(
            "sub",
            subject,
            "osaava_roles",
            List.of("guidance-counsellor"),
            "osaava_organisation",
            ORGANISATION,
            "name",
            "Synthetic Counsellor");
    var authorities = AuthorityUtils.createAuthorityList("ROLE_USER");
    return new OAuth2AuthenticationToken(
        new DefaultOAuth2User(authorities, claims, "sub"), authorities, "development");
  }
}
