package fi.osaava.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.programmes.internal.ProgrammeStore;
import fi.osaava.programmes.internal.ProgrammeStore.PackageVersion;
import fi.osaava.programmes.internal.TeamManagers.Manager;
import fi.osaava.programmes.internal.Teams;
import fi.osaava.programmes.internal.Teams.Aggregate;
import fi.osaava.programmes.internal.Teams.Dashboard;
import fi.osaava.programmes.internal.Teams.Team;
import fi.osaava.web.FixedClock;
import fi.osaava.web.OidcTestSupport;
import fi.osaava.web.WebTestBase;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.user.DefaultOAuth2User;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Workplace learning on the real database: the dashboard's five-member threshold against an oracle
 * over seeded random teams and progress, and the invitation tokens (random, kept only as hashes,
 * single use by e-mail, withdrawn and expired ones refused, the mail through the outbox).
 */
class TeamsTest extends WebTestBase {

  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  @Autowired ProgrammesApi programmes;
  @Autowired Teams teams;
  @Autowired ProgrammeStore store;
  @Autowired ProfileApi profile;
  @Autowired JdbcClient jdbc;
  @Autowired GreenMail mailServer;
  @Autowired ApplicationContext context;

  PackageVersion basics;
  PackageVersion advanced;

  @BeforeEach
  void sampleContent() {
    programmes.loadSampleContent();
    basics = store.latestPublished("ai-basics").orElseThrow();
    advanced = store.latestPublished("ai-service-design").orElseThrow();
  }

  /** Where one member stands in the assigned package, relative to its target date. */
  enum State {
    NONE,
    ENROLLED,
    COMPLETED_EARLY,
    COMPLETED_ON_THE_DAY,
    COMPLETED_LATE
  }

  @Test
  void theDashboardShowsCountsOnlyFromFiveMembersAndThenTheOraclesCounts() {
    LocalDate target = LocalDate.of(2027, 3, 31);
    long seed = 19;
    Random random = new Random(seed);
    for (int round = 0; round < 30; round++) {
      Manager manager = manager("https://seeded-" + UUID.randomUUID() + ".example.fi");
      Team created = team(manager);
      teams.assign(manager, created, basics.packageId(), target, "Seeded round " + round);
      teams.assign(manager, created, advanced.packageId(), target, "Second package");
      int size = random.nextInt(11);
      State[] states = new State[size];
      String token = teams.inviteByLink(created);
      for (int i = 0; i < size; i++) {
        PersonId member = new PersonId(UUID.randomUUID());
        assertThat(teams.accept(member, token)).isPresent();
        states[i] = State.values()[random.nextInt(State.values().length)];
        progress(member, basics, states[i], target);
        // Progress in the other package only, and outsiders' progress, must count nowhere.
        if (random.nextBoolean()) {
          progress(member, advanced, State.ENROLLED, target);
        }
      }
      progress(new PersonId(UUID.randomUUID()), basics, State.COMPLETED_EARLY, target);

      Team team = teams.managed(manager, created.id()).orElseThrow();
      assertThat(team.members()).isEqualTo(size);
      Dashboard dashboard = teams.dashboard(team);
      String where = "seed " + seed + ", round " + round + ", states " + Arrays.toString(states);
      assertThat(dashboard.rows()).as(where).hasSize(2);
      if (size < Teams.MIN_MEMBERS_SHOWN) {
        assertThat(dashboard.shown()).as(where).isFalse();
        assertThat(dashboard.rows()).as(where).allMatch(r -> r.aggregate() == null);
        continue;
      }
      assertThat(dashboard.shown()).as(where).isTrue();
      Aggregate aggregate =
          dashboard.rows().stream()
              .filter(r -> r.assignment().packageId().equals(basics.packageId()))
              .findFirst()
              .orElseThrow()
              .aggregate();
      List<State> all = Arrays.asList(states);
      int enrolled = size - count(all, State.NONE);
      int completed =
          count(all, State.COMPLETED_EARLY)
              + count(all, State.COMPLETED_ON_THE_DAY)
              + count(all, State.COMPLETED_LATE);
      int byTarget = count(all, State.COMPLETED_EARLY) + count(all, State.COMPLETED_ON_THE_DAY);
      assertThat(aggregate)
          .as(where)
          .isEqualTo(new Aggregate(size, enrolled, enrolled - completed, completed, byTarget));
      assertThat(aggregate.percentCompletedByTarget())
          .isEqualTo(Math.round(100f * byTarget / size));
    }
  }

  @Test
  void theDashboardPageHasNoFigureForFourMembersAndHasThemForFive() throws Exception {
    RequestPostProcessor manager = managerOf("https://page-" + UUID.randomUUID() + ".example.fi");
    String team = createTeam(manager, "Neuvonta");
    mvc.perform(
        post(team + "/assignments")
            .with(manager)
            .param("pkg", "ai-basics")
            .param("day", "31")
            .param("month", "12")
            .param(
                "year", String.valueOf(LocalDate.ofInstant(FixedClock.NOW, HELSINKI).getYear() + 1))
            .param("reason", "Tekoälyavustaja otetaan käyttöön"));
    String token = linkToken(manager, team);
    for (int i = 0; i < 4; i++) {
      mvc.perform(
          post("/programmes/teams/join")
              .with(oidc.person("page-member-" + UUID.randomUUID()))
              .param("token", token));
    }
    String four = page(manager, team);
    assertThat(four)
        .contains("team-withheld")
        .contains("the team has 4 members")
        .contains("Tekoälyavustaja otetaan käyttöön")
        .doesNotContain("team-figure");
    mvc.perform(
        post("/programmes/teams/join")
            .with(oidc.person("page-member-" + UUID.randomUUID()))
            .param("token", token));
    String five = page(manager, team);
    assertThat(five).doesNotContain("team-withheld").contains("team-figure");
  }

  @Test
  void invitationTokensAreRandomKeptOnlyAsHashesAndUsedAsTheirKindAllows() {
    Manager manager = manager("https://tokens-" + UUID.randomUUID() + ".example.fi");
    Team team = team(manager);
    Set<String> tokens = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      tokens.add(teams.inviteByLink(team));
    }
    assertThat(tokens).hasSize(50).allMatch(t -> t.matches("[A-Za-z0-9_-]{43}"));
    for (String t : tokens) {
      assertThat(
              jdbc.sql(
                      "SELECT count(*) FROM programme_team_invitation WHERE token_hash = ? OR"
                          + " token_hash = ?")
                  .params(t, Teams.hash(t))
                  .query(Integer.class)
                  .single())
          .as("only the hash is stored")
          .isEqualTo(1);
      assertThat(
              jdbc.sql("SELECT count(*) FROM programme_team_invitation WHERE token_hash = ?")
                  .param(t)
                  .query(Integer.class)
                  .single())
          .isZero();
    }

    // By e-mail: one person, once.
    String byMail = teams.invite(team, List.of("staff@example.fi")).getFirst().token();
    PersonId first = new PersonId(UUID.randomUUID());
    PersonId second = new PersonId(UUID.randomUUID());
    assertThat(teams.invitation(byMail)).isPresent();
    assertThat(teams.accept(first, byMail)).isPresent();
    assertThat(teams.accept(second, byMail)).isEmpty();
    assertThat(teams.invitation(byMail)).isEmpty();

    // By link: anyone holding it, until withdrawn.
    String link = teams.inviteByLink(team);
    assertThat(teams.accept(first, link)).isPresent();
    assertThat(teams.accept(second, link)).isPresent();
    UUID linkId =
        jdbc.sql("SELECT id FROM programme_team_invitation WHERE token_hash = ?")
            .param(Teams.hash(link))
            .query(UUID.class)
            .single();
    assertThat(teams.withdraw(team, linkId)).isTrue();
    assertThat(teams.accept(new PersonId(UUID.randomUUID()), link)).isEmpty();

    // Expired.
    String expiring = teams.inviteByLink(team);
    jdbc.sql("UPDATE programme_team_invitation SET expires_at = created_at WHERE token_hash = ?")
        .param(Teams.hash(expiring))
        .update();
    assertThat(teams.accept(new PersonId(UUID.randomUUID()), expiring)).isEmpty();

    // Guessed, altered, empty and overlong tokens admit nobody.
    String valid = teams.inviteByLink(team);
    String altered = (valid.charAt(0) == 'A' ? "B" : "A") + valid.substring(1);
    for (String wrong : Arrays.asList(altered, "", " ", "x".repeat(101), null, valid + "x")) {
      assertThat(teams.accept(new PersonId(UUID.randomUUID()), wrong)).isEmpty();
    }
    assertThat(teams.managed(manager, team.id()).orElseThrow().members()).isEqualTo(2);

    // Another team's manager cannot withdraw this team's invitation.
    Team other = team(manager("https://other-" + UUID.randomUUID() + ".example.fi"));
    UUID validId =
        jdbc.sql("SELECT id FROM programme_team_invitation WHERE token_hash = ?")
            .param(Teams.hash(valid))
            .query(UUID.class)
            .single();
    assertThat(teams.withdraw(other, validId)).isFalse();
    assertThat(teams.invitation(valid)).isPresent();
  }

  @Test
  void anEmailInvitationIsMailedThroughTheOutboxAndItsLinkAdmitsOnePerson() throws Exception {
    RequestPostProcessor manager = managerOf("https://mail-" + UUID.randomUUID() + ".example.fi");
    String team = createTeam(manager, "Kirjasto");
    String address = "staff-" + UUID.randomUUID() + "@example.fi";
    // A bad line is named, and nothing is sent.
    String refused =
        mvc.perform(
                post(team + "/invitations")
                    .with(manager)
                    .header("Accept-Language", "en")
                    .param("emails", address + "\nnot-an-address"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refused).contains("Line 2 is not an e-mail address: not-an-address");
    // A character the database cannot store is refused (by the platform's request filter, else
    // as a bad line), never a failure.
    var nul =
        mvc.perform(
                post(team + "/invitations")
                    .with(manager)
                    .header("Accept-Language", "en")
                    .param("emails", "a\u0000b@example.fi"))
            .andReturn()
            .getResponse();
    assertThat(nul.getStatus()).isIn(200, 400);
    assertThat(nul.getContentAsString()).doesNotContain("Invitations sent");
    var badPackage =
        mvc.perform(
                post(team + "/assignments")
                    .with(manager)
                    .header("Accept-Language", "en")
                    .param("pkg", "ai-basics\u0000")
                    .param("day", "1")
                    .param("month", "1")
                    .param("year", "2027")
                    .param("reason", "Why"))
            .andReturn()
            .getResponse();
    assertThat(badPackage.getStatus()).isIn(200, 400);
    assertThat(badPackage.getRedirectedUrl()).isNull();
    mvc.perform(
        post(team + "/invitations")
            .with(manager)
            .header("Accept-Language", "sv")
            .param("emails", address.toUpperCase(java.util.Locale.ROOT) + "\n\n" + address));
    ReflectionTestUtils.invokeMethod(context.getBean("mailOutbox"), "sendDue");
    List<MimeMessage> mails = new ArrayList<>();
    for (MimeMessage m : mailServer.getReceivedMessages()) {
      if (Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(address))) {
        mails.add(m);
      }
    }
    assertThat(mails).as("one mail for the address typed twice").hasSize(1);
    assertThat(mails.getFirst().getSubject()).isEqualTo("Inbjudan till teamet Kirjasto i Osaava");
    String text = String.valueOf(mails.getFirst().getContent());
    Matcher link =
        Pattern.compile("/programmes/teams/join\\?token=([A-Za-z0-9_-]{43})").matcher(text);
    assertThat(link.find()).as(text).isTrue();
    RequestPostProcessor invited = oidc.person("invited-" + UUID.randomUUID());
    assertThat(
            mvc.perform(get(link.group()).with(invited).header("Accept-Language", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("You are invited to join the team Kirjasto");
    assertThat(
            mvc.perform(post("/programmes/teams/join").with(invited).param("token", link.group(1)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo("/programmes/teams?joined");
    String refusedSecond =
        mvc.perform(
                post("/programmes/teams/join")
                    .with(oidc.person("second-" + UUID.randomUUID()))
                    .header("Accept-Language", "en")
                    .param("token", link.group(1)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(refusedSecond).contains("already used");
  }

  @Test
  void aTeamGetsMoreManagersFromItsMembersWithTheRoleOrByASingleUseInvitation() throws Exception {
    String organisation = "https://managers-" + UUID.randomUUID() + ".example.fi";
    RequestPostProcessor manager = managerOf(organisation);
    String team = createTeam(manager, "Neuvonta");
    String token = linkToken(manager, team);
    // Two join as members: a colleague with the manager role of the organisation, and a person
    // without it, whose identity the managers never see.
    RequestPostProcessor colleague = namedManager(organisation, "Kaisa Kollega");
    String plainSubject = "plain-member-" + UUID.randomUUID();
    for (RequestPostProcessor joiner : List.of(colleague, oidc.person(plainSubject))) {
      mvc.perform(post("/programmes/teams/join").with(joiner).param("token", token));
    }
    assertThat(mvc.perform(get(team).with(colleague)).andReturn().getResponse().getStatus())
        .as("a member with the role does not manage the team before being made a manager")
        .isEqualTo(404);
    String dashboard = page(manager, team);
    Matcher candidate =
        Pattern.compile("name=\"person\" id=\"candidate-0\" value=\"([0-9a-f-]{36})\"")
            .matcher(dashboard);
    assertThat(candidate.find()).as(dashboard).isTrue();
    assertThat(dashboard).contains("Kaisa Kollega").doesNotContain("candidate-1");
    // Nobody else can be made a manager: not the member without the role, not a stranger.
    for (UUID other : List.of(personOf(plainSubject).value(), UUID.randomUUID())) {
      assertThat(
              mvc.perform(post(team + "/managers").with(manager).param("person", other.toString()))
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .isEqualTo(404);
    }
    assertThat(
            mvc.perform(post(team + "/managers").with(manager).param("person", candidate.group(1)))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .endsWith("?managerAdded");
    assertThat(page(colleague, team)).contains("Neuvonta").contains("Kaisa Kollega");

    // By invitation: the link is for one manager of the team's organisation.
    String forManager = linkToken(colleague, team, "/manager-link");
    for (RequestPostProcessor refused :
        List.of(
            oidc.person("no-manager-" + UUID.randomUUID()),
            namedManager("https://other-" + UUID.randomUUID() + ".example.fi", "Olli Muu"))) {
      var answer =
          mvc.perform(
                  post("/programmes/teams/join")
                      .with(refused)
                      .header("Accept-Language", "en")
                      .param("token", forManager))
              .andReturn()
              .getResponse();
      assertThat(answer.getStatus()).isEqualTo(200);
      assertThat(answer.getContentAsString()).contains("This invitation is for a manager");
    }
    RequestPostProcessor invited = namedManager(organisation, "Veikko Vastaava");
    assertThat(
            mvc.perform(
                    get("/programmes/teams/join")
                        .with(invited)
                        .header("Accept-Language", "en")
                        .param("token", forManager))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("You are invited to manage the team Neuvonta");
    assertThat(
            mvc.perform(post("/programmes/teams/join").with(invited).param("token", forManager))
                .andReturn()
                .getResponse()
                .getRedirectedUrl())
        .isEqualTo(team + "?managing");
    assertThat(page(invited, team)).contains("Veikko Vastaava").contains("Manager (link)");
    assertThat(
            mvc.perform(
                    post("/programmes/teams/join")
                        .with(namedManager(organisation, "Toinen"))
                        .header("Accept-Language", "en")
                        .param("token", forManager))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .as("a manager's invitation admits one")
        .contains("already used");
    assertThat(
            jdbc.sql("SELECT count(*) FROM programme_team_manager WHERE team_id = ?::uuid")
                .param(team.substring(team.lastIndexOf('/') + 1))
                .query(Integer.class)
                .single())
        .isEqualTo(3);
  }

  private RequestPostProcessor namedManager(String organisation, String name) {
    return managerOf(oidc, organisation, name);
  }

  @Test
  void aMembersExportHasTheirTeamsAndAssignmentsAndDeletionRemovesTheMembership() throws Exception {
    RequestPostProcessor manager = managerOf("https://export-" + UUID.randomUUID() + ".example.fi");
    String teamName = "Vientitiimi " + UUID.randomUUID();
    String team = createTeam(manager, teamName);
    mvc.perform(
        post(team + "/assignments")
            .with(manager)
            .param("pkg", "ai-basics")
            .param("day", "1")
            .param("month", "6")
            .param(
                "year", String.valueOf(LocalDate.ofInstant(FixedClock.NOW, HELSINKI).getYear() + 1))
            .param("reason", "Vientiä varten"));
    String subject = "export-member-" + UUID.randomUUID();
    RequestPostProcessor member = oidc.person(subject);
    mvc.perform(
        post("/programmes/teams/join").with(member).param("token", linkToken(manager, team)));
    String own =
        mvc.perform(get("/programmes/teams").with(member).header("Accept-Language", "en"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(own)
        .contains(teamName)
        .contains("Vientiä varten")
        .contains("Manager https://export-")
        .contains("Not started");
    String export =
        mvc.perform(get("/api/v1/profile/export").with(member))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(export)
        .contains("workplaceTeams")
        .contains(teamName)
        .contains("Vientiä varten")
        .contains("ai-basics");
    PersonId person = personOf(subject);
    mvc.perform(post("/profile/delete").with(member).param("confirm", "true"));
    assertThat(
            jdbc.sql("SELECT count(*) FROM programme_team_member WHERE person_id = ?")
                .param(person.value())
                .query(Integer.class)
                .single())
        .isZero();
  }

  private static int count(List<State> states, State wanted) {
    return (int) states.stream().filter(s -> s == wanted).count();
  }

  /** Writes a member's enrolment as the learner's pages would leave it. */
  private void progress(PersonId person, PackageVersion version, State state, LocalDate target) {
    if (state == State.NONE) {
      return;
    }
    OffsetDateTime endOfTargetDay = target.plusDays(1).atStartOfDay(HELSINKI).toOffsetDateTime();
    OffsetDateTime completed =
        switch (state) {
          case COMPLETED_EARLY -> endOfTargetDay.minusDays(10);
          case COMPLETED_ON_THE_DAY -> endOfTargetDay.minusMinutes(1);
          case COMPLETED_LATE -> endOfTargetDay;
          default -> null;
        };
    jdbc.sql(
            "INSERT INTO programme_enrolment (person_id, package_id, version_id, started_at,"
                + " completed_at) VALUES (?, ?, ?, ?, ?)")
        .params(
            person.value(),
            version.packageId(),
            version.id(),
            endOfTargetDay.minusDays(60),
            completed)
        .update();
  }

  private static Manager manager(String organisation) {
    return new Manager(new PersonId(UUID.randomUUID()), organisation, "Seeded Manager");
  }

  private Team team(Manager manager) {
    return teams.managed(manager, teams.create(manager, "Team " + UUID.randomUUID())).orElseThrow();
  }

  private RequestPostProcessor managerOf(String organisation) {
    return managerOf(oidc, organisation);
  }

  /** A team manager of {@code organisation} by the sign-in claims, named after it. */
  static RequestPostProcessor managerOf(OidcTestSupport oidc, String organisation) {
    return managerOf(oidc, organisation, "Manager " + organisation);
  }

  /** A team manager of {@code organisation} by the sign-in claims, with this name. */
  static RequestPostProcessor managerOf(OidcTestSupport oidc, String organisation, String name) {
    return oidc.person(
        "manager-" + UUID.randomUUID(),
        Map.of(
            "osaava_roles",
            List.of("team-manager"),
            "osaava_organisation",
            organisation,
            "name",
            name));
  }

  /** Creates a team on the manager's page; its dashboard's path. */
  private String createTeam(RequestPostProcessor manager, String name) throws Exception {
    return mvc.perform(post("/programmes/teams").with(manager).param("name", name))
        .andReturn()
        .getResponse()
        .getRedirectedUrl()
        .replaceAll("\\?.*", "");
  }

  private String linkToken(RequestPostProcessor manager, String team) throws Exception {
    return linkToken(manager, team, "/link");
  }

  /** The token of a link made by {@code route} ({@code /link} or {@code /manager-link}). */
  private String linkToken(RequestPostProcessor manager, String team, String route)
      throws Exception {
    String page =
        mvc.perform(post(team + route).with(manager))
            .andReturn()
            .getResponse()
            .getContentAsString();
    Matcher token = Pattern.compile("token=([A-Za-z0-9_-]{43})").matcher(page);
    assertThat(token.find()).isTrue();
    return token.group(1);
  }

  private String page(RequestPostProcessor manager, String team) throws Exception {
    return mvc.perform(get(team).with(manager).header("Accept-Language", "en"))
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  private PersonId personOf(String subject) {
    var auth =
        new OAuth2AuthenticationToken(
            new DefaultOAuth2User(List.of(), Map.of("sub", subject), "sub"), List.of(), "osaava");
    return profile.currentPerson(auth).orElseThrow();
  }
}
