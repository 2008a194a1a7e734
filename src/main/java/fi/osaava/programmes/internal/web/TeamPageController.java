package fi.osaava.programmes.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.platform.StorableText;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.programmes.internal.Learning;
import fi.osaava.programmes.internal.ProgrammeStore;
import fi.osaava.programmes.internal.ProgrammeStore.PackageVersion;
import fi.osaava.programmes.internal.TeamInvitationMails;
import fi.osaava.programmes.internal.TeamManagers;
import fi.osaava.programmes.internal.TeamManagers.Manager;
import fi.osaava.programmes.internal.Teams;
import fi.osaava.programmes.internal.Teams.Assignment;
import fi.osaava.programmes.internal.Teams.Team;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /programmes/teams}: workplace learning. A member sees their teams, what was assigned, by
 * whom, why, by when, and their own progress. A manager (claims only, {@link TeamManagers}) makes
 * teams, invites staff by e-mail or link, assigns packages and reads the team's dashboard: counts
 * per package, withheld below five members, never a person's progress, answers or reflections. A
 * team its reader does not manage is not found (404), whoever asks.
 */
@Controller
@RequestMapping("/programmes/teams")
class TeamPageController {

  private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s.]+(\\.[^@\\s.]+)+");

  /** A package's name in its address; anything else is no package (and never reaches SQL). */
  private static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

  private static final int MAX_INVITATIONS = 200;
  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  private final Teams teams;
  private final TeamManagers managers;
  private final TeamInvitationMails mails;
  private final ProgrammeStore store;
  private final Learning learning;
  private final PackageViews views;
  private final ProfileApi profile;
  private final MessageSource messages;
  private final Clock clock;
  private final String publicUrl;

  TeamPageController(
      Teams teams,
      TeamManagers managers,
      TeamInvitationMails mails,
      ProgrammeStore store,
      Learning learning,
      PackageViews views,
      ProfileApi profile,
      MessageSource messages,
      Clock clock,
      @Value("${osaava.programmes.public-url:http://localhost:8080}") String publicUrl) {
    this.teams = teams;
    this.managers = managers;
    this.mails = mails;
    this.store = store;
    this.learning = learning;
    this.views = views;
    this.profile = profile;
    this.messages = messages;
    this.clock = clock;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** One assignment on a member's page, with the member's own progress in it. */
  record MemberAssignment(
      Assignment assignment,
      String title,
      boolean enrolled,
      int done,
      int modules,
      @Nullable LocalDate completedOn) {}

  /** One team on a member's page. */
  record MemberTeam(Teams.Membership team, List<MemberAssignment> assignments) {}

  @GetMapping
  String mine(Authentication auth, Locale locale, Model model) {
    PersonId person = signedIn(auth);
    Language language = Language.of(locale);
    List<MemberTeam> mine = new ArrayList<>();
    for (Teams.Membership m : teams.memberships(person)) {
      List<MemberAssignment> rows = new ArrayList<>();
      for (Assignment a : m.assignments()) {
        Optional<PackageVersion> latest = store.latestPublished(a.packageSlug());
        if (latest.isEmpty()) {
          continue;
        }
        PackageVersion version = learning.studiedVersion(person, latest.get());
        Learning.Progress progress = learning.progress(person, version);
        rows.add(
            new MemberAssignment(
                a,
                views.view(version, language).title().text(),
                progress.enrolment() != null,
                progress.done().size(),
                progress.modules(),
                progress.enrolment() == null || progress.enrolment().completedAt() == null
                    ? null
                    : progress
                        .enrolment()
                        .completedAt()
                        .atZoneSameInstant(HELSINKI)
                        .toLocalDate()));
      }
      mine.add(new MemberTeam(m, rows));
    }
    model.addAttribute("memberships", mine);
    Optional<Manager> manager = managers.manager(auth);
    model.addAttribute("manager", manager.orElse(null));
    model.addAttribute("managed", manager.map(teams::managedBy).orElse(List.of()));
    if (!model.containsAttribute("createTeam")) {
      model.addAttribute("createTeam", new TeamForms.CreateTeam(""));
    }
    if (!model.containsAttribute("errors")) {
      model.addAttribute("errors", Map.of());
    }
    return "programmes/teams";
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("createTeam") TeamForms.CreateTeam form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    Manager manager = requireManager(auth);
    if (binding.hasErrors() || !StorableText.isStorable(form.name())) {
      model.addAttribute("errors", Map.of("name", message("programmes.teams.error.name", locale)));
      return mine(auth, locale, model);
    }
    UUID id = teams.create(manager, form.name().strip());
    return "redirect:/programmes/teams/" + id + "?created";
  }

  @GetMapping("/{id}")
  String dashboard(@PathVariable String id, Authentication auth, Locale locale, Model model) {
    Team team = managedTeam(auth, id);
    return dashboardPage(team, Map.of(), null, null, locale, model);
  }

  @PostMapping("/{id}/invitations")
  String invite(
      @PathVariable String id,
      @Valid @ModelAttribute("invite") TeamForms.Invite form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    Team team = managedTeam(auth, id);
    Map<String, String> errors = new LinkedHashMap<>();
    Set<String> emails = new LinkedHashSet<>();
    if (binding.hasErrors() || form.emails() == null) {
      errors.put("emails", message("programmes.teams.error.emails", locale));
    } else {
      String[] lines = form.emails().split("\\R");
      for (int i = 0; i < lines.length && errors.isEmpty(); i++) {
        String line = lines[i].strip();
        if (line.isEmpty()) {
          continue;
        }
        if (line.length() > 254
            || !EMAIL.matcher(line).matches()
            || !StorableText.isStorable(line)) {
          errors.put(
              "emails", message("programmes.teams.error.emailLine", locale, i + 1, shorten(line)));
        } else {
          emails.add(line.toLowerCase(Locale.ROOT));
        }
      }
      if (errors.isEmpty() && emails.isEmpty()) {
        errors.put("emails", message("programmes.teams.error.emails", locale));
      } else if (emails.size() > MAX_INVITATIONS) {
        errors.put("emails", message("programmes.teams.error.tooMany", locale, MAX_INVITATIONS));
      }
    }
    if (!errors.isEmpty()) {
      return dashboardPage(team, errors, form.emails(), null, locale, model);
    }
    mails.invite(team, List.copyOf(emails), Language.of(locale));
    return "redirect:/programmes/teams/" + team.id() + "?invited=" + emails.size();
  }

  @PostMapping("/{id}/link")
  String link(@PathVariable String id, Authentication auth, Locale locale, Model model) {
    Team team = managedTeam(auth, id);
    return dashboardPage(team, Map.of(), null, joinLink(teams.inviteByLink(team)), locale, model);
  }

  /** An invitation's link, shown once, where it is made: only the token's hash is kept. */
  private String joinLink(String token) {
    return UriComponentsBuilder.fromUriString(publicUrl + "/programmes/teams/join")
        .queryParam("token", token)
        .build()
        .toUriString();
  }

  /** A single-use invitation for another manager, shown once, as the member's link is. */
  @PostMapping("/{id}/manager-link")
  String managerLink(@PathVariable String id, Authentication auth, Locale locale, Model model) {
    Team team = managedTeam(auth, id);
    model.addAttribute("managerLink", joinLink(teams.inviteManager(team)));
    return dashboardPage(team, Map.of(), null, null, locale, model);
  }

  /** Makes one of the team's members a manager: only one the page offered (see Teams). */
  @PostMapping("/{id}/managers")
  String addManager(
      @PathVariable String id,
      @RequestParam(defaultValue = "") String person,
      Authentication auth) {
    Team team = managedTeam(auth, id);
    if (uuid(person).map(p -> teams.addManager(team, p)).orElse(false)) {
      return "redirect:/programmes/teams/" + team.id() + "?managerAdded";
    }
    throw new NotFoundException("No such member to make a manager");
  }

  @PostMapping("/{id}/invitations/{invitation}/withdraw")
  String withdraw(@PathVariable String id, @PathVariable String invitation, Authentication auth) {
    Team team = managedTeam(auth, id);
    if (uuid(invitation).map(i -> teams.withdraw(team, i)).orElse(false)) {
      return "redirect:/programmes/teams/" + team.id() + "?withdrawn";
    }
    throw new NotFoundException("No such invitation in this team");
  }

  @PostMapping("/{id}/assignments")
  String assign(
      @PathVariable String id,
      @Valid @ModelAttribute("assign") TeamForms.Assign form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    Manager manager = requireManager(auth);
    Team team = managed(manager, id);
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<PackageVersion> pkg =
        form.pkg() == null || !SLUG.matcher(form.pkg().strip()).matches()
            ? Optional.empty()
            : store.latestPublished(form.pkg().strip());
    if (pkg.isEmpty()) {
      errors.put("pkg", message("programmes.teams.error.package", locale));
    }
    Optional<LocalDate> target = date(form);
    LocalDate today = LocalDate.now(clock.withZone(HELSINKI));
    if (target.isEmpty()) {
      errors.put("target-day", message("programmes.teams.error.date", locale));
    } else if (target.get().isBefore(today) || target.get().isAfter(today.plusYears(5))) {
      errors.put("target-day", message("programmes.teams.error.dateRange", locale));
    }
    if (binding.hasFieldErrors("reason")
        || form.reason() == null
        || !StorableText.isStorable(form.reason())) {
      errors.put("reason", message("programmes.teams.error.reason", locale));
    }
    if (!errors.isEmpty()) {
      model.addAttribute("assignForm", form);
      return dashboardPage(team, errors, null, null, locale, model);
    }
    teams.assign(manager, team, pkg.get().packageId(), target.get(), form.reason().strip());
    return "redirect:/programmes/teams/" + team.id() + "?assigned";
  }

  @GetMapping("/join")
  String joinPage(
      @RequestParam(defaultValue = "") String token,
      Authentication auth,
      Locale locale,
      Model model) {
    signedIn(auth);
    Optional<Teams.Invitation> invitation = teams.invitation(token);
    Map<String, String> errors = new LinkedHashMap<>();
    if (!token.isBlank() && invitation.isEmpty()) {
      errors.put("token", message("programmes.teams.error.token", locale));
    }
    return joinView(token.length() > 100 ? "" : token, invitation.orElse(null), errors, model);
  }

  @PostMapping("/join")
  String join(
      @Valid @ModelAttribute("join") TeamForms.Join form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    PersonId person = signedIn(auth);
    Optional<Manager> manager = managers.manager(auth);
    Optional<Teams.Invitation> joined =
        binding.hasErrors()
            ? Optional.empty()
            : teams.accept(person, manager.orElse(null), form.token());
    if (joined.isEmpty()) {
      String typed = form.token() == null || form.token().length() > 100 ? "" : form.token();
      // A valid invitation for a manager, held by someone who is no manager of its organisation.
      Optional<Teams.Invitation> forManager =
          binding.hasErrors()
              ? Optional.empty()
              : teams.invitation(form.token()).filter(Teams.Invitation::forManager);
      String error =
          forManager.isPresent()
              ? "programmes.teams.error.managerOnly"
              : "programmes.teams.error.token";
      return joinView(
          typed, forManager.orElse(null), Map.of("token", message(error, locale)), model);
    }
    if (joined.get().forManager()) {
      return "redirect:/programmes/teams/" + joined.get().teamId() + "?managing";
    }
    return "redirect:/programmes/teams?joined";
  }

  @PostMapping("/{id}/leave")
  String leave(@PathVariable String id, Authentication auth) {
    PersonId person = signedIn(auth);
    if (uuid(id).map(team -> teams.leave(person, team)).orElse(false)) {
      return "redirect:/programmes/teams?left";
    }
    throw new NotFoundException("You are no member of such a team");
  }

  private String joinView(
      String token,
      Teams.@Nullable Invitation invitation,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("token", token);
    model.addAttribute("invitation", invitation);
    model.addAttribute("errors", errors);
    return "programmes/team-join";
  }

  private String dashboardPage(
      Team team,
      Map<String, String> errors,
      @Nullable String emails,
      @Nullable String link,
      Locale locale,
      Model model) {
    Language language = Language.of(locale);
    Teams.Dashboard dashboard = teams.dashboard(team);
    Map<UUID, String> titles = new LinkedHashMap<>();
    List<PackageViews.PackageView> packages = new ArrayList<>();
    for (PackageVersion v : store.latestPublished()) {
      PackageViews.PackageView view = views.view(v, language);
      titles.put(v.packageId(), view.title().text());
      packages.add(view);
    }
    model.addAttribute("dashboard", dashboard);
    model.addAttribute("titles", titles);
    model.addAttribute("packages", packages);
    model.addAttribute("minimum", Teams.MIN_MEMBERS_SHOWN);
    model.addAttribute("invitations", teams.invitations(team));
    model.addAttribute("managerNames", teams.managerNames(team));
    model.addAttribute("candidates", teams.managerCandidates(team));
    if (!model.containsAttribute("managerLink")) {
      model.addAttribute("managerLink", null);
    }
    model.addAttribute("errors", errors);
    model.addAttribute("emails", emails == null ? "" : emails);
    model.addAttribute("link", link);
    model.addAttribute("validityDays", Teams.INVITATION_VALIDITY.toDays());
    if (!model.containsAttribute("assignForm")) {
      model.addAttribute("assignForm", new TeamForms.Assign("", "", "", "", ""));
    }
    return "programmes/team";
  }

  private static Optional<LocalDate> date(TeamForms.Assign form) {
    try {
      return Optional.of(
          LocalDate.of(
              Integer.parseInt(form.year().strip()),
              Integer.parseInt(form.month().strip()),
              Integer.parseInt(form.day().strip())));
    } catch (NumberFormatException | DateTimeException | NullPointerException e) {
      return Optional.empty();
    }
  }

  private String message(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, locale);
  }

  private static String shorten(String line) {
    return line.length() > 60 ? line.substring(0, 60) + "…" : line;
  }

  /** The team {@code id} when the signed-in manager manages it; 403 for non-managers, else 404. */
  private Team managedTeam(Authentication auth, String id) {
    return managed(requireManager(auth), id);
  }

  private Team managed(Manager manager, String id) {
    return uuid(id)
        .flatMap(team -> teams.managed(manager, team))
        .orElseThrow(() -> new NotFoundException("No team of yours"));
  }

  private Manager requireManager(Authentication auth) {
    return managers
        .manager(auth)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Only an organisation's team managers manage teams"));
  }

  private PersonId signedIn(Authentication auth) {
    return profile
        .currentPerson(auth)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in to see teams"));
  }

  private static Optional<UUID> uuid(String id) {
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
