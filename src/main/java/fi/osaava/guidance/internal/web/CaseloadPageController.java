package fi.osaava.guidance.internal.web;

import fi.osaava.guidance.internal.ClientOutlooks;
import fi.osaava.guidance.internal.Counsellor;
import fi.osaava.guidance.internal.Counsellors;
import fi.osaava.guidance.internal.GuidanceSummary;
import fi.osaava.guidance.internal.Invitations;
import fi.osaava.guidance.internal.Organisations;
import fi.osaava.guidance.internal.Plans;
import fi.osaava.guidance.internal.Plans.StepKind;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.SharedPart;
import fi.osaava.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The counsellor's side: {@code /guidance/caseload} lists the clients whose consent to this
 * counsellor in their current organisation is live, with search and filters, and makes invitation
 * codes; {@code /guidance/clients/{id}} shows one client's shared parts and, when plans are shared,
 * the plan with its steps, tasks, notes and the client's comments. Each part is read through {@link
 * CounsellorConsents}, which checks the consent for that part and logs the read for the client;
 * parts not shared are never read. Someone without the counsellor claims gets 403; a consent that
 * is not theirs, revoked or expired is not found.
 */
@Controller
class CaseloadPageController {

  /** How the caseload is ordered. */
  enum Sort {
    NAME,
    DUE,
    ACTIVITY,
    MEETING
  }

  /** The next-meeting filter: any client, a meeting within a week or a month, or none booked. */
  enum MeetingFilter {
    ANY,
    WEEK,
    MONTH,
    NONE
  }

  /** The latest-activity filter: any client, active within so many days, or quiet for 90 days. */
  enum ActivityFilter {
    ANY(0),
    DAYS_7(7),
    DAYS_30(30),
    QUIET_90(90);

    final int days;

    ActivityFilter(int days) {
      this.days = days;
    }
  }

  /**
   * One line of the caseload; {@code summary} and {@code goal} are null when the client does not
   * share plans (the goal also when they have saved none).
   */
  record CaseRow(CounsellorGrant grant, Plans.@Nullable Summary summary, @Nullable String goal) {

    public @Nullable LocalDate nextMeeting() {
      return summary == null ? null : summary.nextMeeting();
    }

    public int openTasks() {
      return summary == null ? 0 : summary.openTasks();
    }

    public @Nullable LocalDate nextDue() {
      return summary == null ? null : summary.nextDue();
    }

    public @Nullable Instant lastActivity() {
      return summary == null ? null : summary.lastActivity();
    }

    /** The parts the client shares, in the order the sharing form lists them. */
    public List<SharedPart> sharedParts() {
      return java.util.Arrays.stream(SharedPart.values()).filter(grant.parts()::contains).toList();
    }
  }

  private final Counsellors counsellors;
  private final CounsellorConsents consents;
  private final Invitations invitations;
  private final Plans plans;
  private final GuidanceSummary summaries;
  private final ClientOutlooks outlooks;
  private final Organisations organisations;
  private final MessageSource messages;
  private final Clock clock;

  /** The counsellors meet clients in Finland: "today" and "within a week" are days there. */
  private static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  /** A task due within this many days, or overdue, is a reminder on the caseload. */
  static final int REMIND_DAYS = fi.osaava.guidance.internal.TaskReminders.REMIND_DAYS;

  CaseloadPageController(
      Counsellors counsellors,
      CounsellorConsents consents,
      Invitations invitations,
      Plans plans,
      GuidanceSummary summaries,
      ClientOutlooks outlooks,
      Organisations organisations,
      MessageSource messages,
      Clock clock) {
    this.counsellors = counsellors;
    this.consents = consents;
    this.invitations = invitations;
    this.plans = plans;
    this.summaries = summaries;
    this.outlooks = outlooks;
    this.organisations = organisations;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/guidance/caseload")
  String caseload(
      @RequestParam(name = "q", required = false, defaultValue = "") String query,
      @RequestParam(name = "open", required = false, defaultValue = "false") String open,
      @RequestParam(name = "sort", required = false, defaultValue = "NAME") String sortParam,
      @RequestParam(name = "goal", required = false, defaultValue = "") String goalQuery,
      @RequestParam(name = "meeting", required = false, defaultValue = "ANY") String meetingParam,
      @RequestParam(name = "active", required = false, defaultValue = "ANY") String activeParam,
      @RequestParam(name = "page", required = false, defaultValue = "1") String pageParam,
      Authentication auth,
      Model model) {
    Counsellor counsellor = require(auth);
    String q = query.strip();
    if (q.length() > 200) {
      q = q.substring(0, 200);
    }
    String needle = q.toLowerCase(Locale.ROOT);
    boolean onlyOpen = "true".equals(open);
    Sort sort = choice(Sort.values(), sortParam, Sort.NAME);
    // Unknown filter values fall back to "any", like an unknown order: a filter narrows, so a bad
    // link shows more, never an error page.
    MeetingFilter meeting = choice(MeetingFilter.values(), meetingParam, MeetingFilter.ANY);
    ActivityFilter active = choice(ActivityFilter.values(), activeParam, ActivityFilter.ANY);
    String goalText = goalQuery.strip();
    if (goalText.length() > 200) {
      goalText = goalText.substring(0, 200);
    }
    String goalNeedle = goalText.toLowerCase(Locale.ROOT);
    LocalDate today = LocalDate.now(clock.withZone(HELSINKI));
    Instant now = clock.instant();
    List<CounsellorGrant> grants =
        consents.caseload(counsellor.person(), counsellor.organisation());
    // The plans part of every plan-sharing client in a few queries, not a few per client: each
    // client's access log still shows the reads of this view (summary and goal).
    List<CounsellorGrant> sharingPlans =
        grants.stream().filter(g -> g.parts().contains(SharedPart.PLANS)).toList();
    Map<UUID, Plans.Summary> summaries = plans.summaries(sharingPlans, counsellor);
    Map<UUID, String> goals = outlooks.goalTitles(sharingPlans, counsellor);
    List<CaseRow> all =
        grants.stream().map(g -> new CaseRow(g, summaries.get(g.id()), goals.get(g.id()))).toList();
    // Reminders cover the whole caseload, whatever the filters show: an open task due within a
    // week, or overdue (the same window TaskReminders mails once per task).
    List<CaseRow> reminders =
        all.stream()
            .filter(r -> r.nextDue() != null && !r.nextDue().isAfter(today.plusDays(REMIND_DAYS)))
            .sorted(order(Sort.DUE))
            .toList();
    List<CaseRow> rows =
        all.stream()
            .filter(
                r ->
                    needle.isEmpty()
                        || r.grant().clientName().toLowerCase(Locale.ROOT).contains(needle))
            .filter(r -> !onlyOpen || r.openTasks() > 0)
            .filter(
                r ->
                    goalNeedle.isEmpty()
                        || (r.goal() != null
                            && r.goal().toLowerCase(Locale.ROOT).contains(goalNeedle)))
            .filter(r -> meets(r.nextMeeting(), meeting, today))
            .filter(r -> active(r.lastActivity(), active, now))
            .sorted(order(sort))
            .toList();
    CaseloadPage page =
        CaseloadPage.of(
            rows,
            pageNumber(pageParam),
            new CaseloadPage.Filters(q, onlyOpen, goalText, meeting, active, sort));
    model.addAttribute("counsellor", counsellor);
    model.addAttribute("organisationName", organisations.name(counsellor.organisation()));
    model.addAttribute("clients", page.rows());
    model.addAttribute("page", page);
    model.addAttribute("reminders", reminders);
    model.addAttribute("today", today);
    model.addAttribute("q", q);
    model.addAttribute("open", onlyOpen);
    model.addAttribute("sort", sort);
    model.addAttribute("sorts", Sort.values());
    model.addAttribute("goal", goalText);
    model.addAttribute("meeting", meeting);
    model.addAttribute("meetings", MeetingFilter.values());
    model.addAttribute("active", active);
    model.addAttribute("activities", ActivityFilter.values());
    model.addAttribute(
        "filtered",
        !q.isEmpty()
            || onlyOpen
            || !goalText.isEmpty()
            || meeting != MeetingFilter.ANY
            || active != ActivityFilter.ANY);
    model.addAttribute("parts", SharedPart.values());
    return "guidance/caseload";
  }

  /** The page asked for; anything but a positive number is the first page. */
  private static int pageNumber(String given) {
    try {
      return Math.max(1, Integer.parseInt(given.strip()));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  static <E extends Enum<E>> E choice(E[] values, String given, E fallback) {
    return java.util.Arrays.stream(values)
        .filter(v -> v.name().equalsIgnoreCase(given.strip()))
        .findFirst()
        .orElse(fallback);
  }

  private static boolean meets(@Nullable LocalDate next, MeetingFilter filter, LocalDate today) {
    return switch (filter) {
      case ANY -> true;
      case WEEK -> next != null && !next.isAfter(today.plusDays(7));
      case MONTH -> next != null && !next.isAfter(today.plusDays(30));
      case NONE -> next == null;
    };
  }

  private static boolean active(@Nullable Instant last, ActivityFilter filter, Instant now) {
    Instant since = now.minus(java.time.Duration.ofDays(filter.days));
    return switch (filter) {
      case ANY -> true;
      case DAYS_7, DAYS_30 -> last != null && !last.isBefore(since);
      case QUIET_90 -> last == null || last.isBefore(since);
    };
  }

  private static Comparator<CaseRow> order(Sort sort) {
    // Ties end on the consent's id, so that every page of a paged caseload has one order and no
    // client shows on two pages or none.
    Comparator<CaseRow> byName =
        Comparator.<CaseRow, String>comparing(r -> r.grant().clientName().toLowerCase(Locale.ROOT))
            .thenComparing(r -> r.grant().id());
    return switch (sort) {
      case NAME -> byName;
      case DUE ->
          Comparator.comparing(
                  CaseRow::nextDue, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
              .thenComparing(byName);
      case ACTIVITY ->
          Comparator.comparing(
                  CaseRow::lastActivity, Comparator.nullsLast(Comparator.<Instant>reverseOrder()))
              .thenComparing(byName);
      case MEETING ->
          Comparator.comparing(
                  CaseRow::nextMeeting, Comparator.nullsLast(Comparator.<LocalDate>naturalOrder()))
              .thenComparing(byName);
    };
  }

  @PostMapping("/guidance/invitations")
  String invite(Authentication auth, RedirectAttributes redirect) {
    Counsellor counsellor = require(auth);
    redirect.addFlashAttribute("invitationCode", invitations.create(counsellor));
    return "redirect:/guidance/caseload";
  }

  @GetMapping("/guidance/clients/{id}")
  String client(@PathVariable String id, Authentication auth, Locale locale, Model model) {
    Counsellor c = require(auth);
    return render(c, SharingPageController.uuid(id), locale, model, Map.of());
  }

  /** The guidance summary for the client, as a PDF in the client's language. */
  @GetMapping("/guidance/clients/{id}/summary.pdf")
  ResponseEntity<byte[]> summary(@PathVariable String id, Authentication auth) {
    Counsellor c = require(auth);
    byte[] pdf =
        summaries
            .pdf(SharingPageController.uuid(id), c)
            .orElseThrow(() -> new NotFoundException("No client shares with you under this id"));
    return Downloads.pdf(pdf, "guidance-summary.pdf");
  }

  @PostMapping("/guidance/clients/{id}/steps")
  String propose(
      @PathVariable String id,
      @Valid @ModelAttribute("step") StepForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    Counsellor c = require(auth);
    UUID grant = SharingPageController.uuid(id);
    Map<String, String> errors = errors(binding, "step", locale);
    Optional<LocalDate> due = form.dueDate();
    if (form.hasDue() && due.isEmpty()) {
      // A day that is no date (31.2.2027), named as the field whose label the counsellor sees.
      errors.putIfAbsent("due", message("guidance.step.error.dueInvalid", locale));
    }
    if (!errors.containsKey("kind") && form.kind() == StepKind.TASK && !form.hasDue()) {
      errors.putIfAbsent("due", message("guidance.step.error.due", locale));
    }
    if (!errors.containsKey("kind") && form.kind() == StepKind.MEETING && !form.hasDue()) {
      errors.putIfAbsent("due", message("guidance.step.error.meetingDay", locale));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("step", form);
      return render(c, grant, locale, model, errors);
    }
    if (!plans.propose(grant, c, form.kind(), form.title(), form.detail(), due.orElse(null))) {
      throw new NotFoundException("No client shares plans with you under this id");
    }
    return "redirect:/guidance/clients/" + grant + "?proposed#plan-heading";
  }

  @PostMapping("/guidance/clients/{id}/notes")
  String note(
      @PathVariable String id,
      @Valid @ModelAttribute("note") NoteForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    Counsellor c = require(auth);
    UUID grant = SharingPageController.uuid(id);
    Map<String, String> errors = errors(binding, "note", locale);
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("note", form);
      return render(c, grant, locale, model, errors);
    }
    if (!plans.note(grant, c, form.body(), form.isShared())) {
      throw new NotFoundException("No client shares plans with you under this id");
    }
    return "redirect:/guidance/clients/" + grant + "?noted#notes-heading";
  }

  private String render(
      Counsellor c, UUID grantId, Locale locale, Model model, Map<String, String> errors) {
    CounsellorGrant grant =
        consents.caseload(c.person(), c.organisation()).stream()
            .filter(g -> g.id().equals(grantId))
            .findFirst()
            .orElseThrow(() -> new NotFoundException("No client shares with you under this id"));
    model.addAttribute("grant", grant);
    model.addAttribute("counsellor", c);
    model.addAttribute("errors", errors);
    if (!model.containsAttribute("step")) {
      model.addAttribute("step", StepForm.empty());
    }
    if (!model.containsAttribute("note")) {
      model.addAttribute("note", NoteForm.empty());
    }
    model.addAttribute("stepKinds", StepKind.values());
    Language language = Language.of(locale);
    Map<String, Object> shared = summaries.sharedParts(grant, c, language);
    model.addAllAttributes(shared);
    model.addAllAttributes(outlooks.forClient(grant, c, shared, language));
    if (grant.parts().contains(SharedPart.PLANS)) {
      Optional<Plans.Workspace> workspace = plans.workspace(grantId, c);
      workspace.ifPresent(w -> model.addAttribute("workspace", w));
    }
    return "guidance/client";
  }

  private Map<String, String> errors(BindingResult binding, String form, Locale locale) {
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError e : binding.getFieldErrors()) {
      errors.putIfAbsent(
          e.getField(), message("guidance." + form + ".error." + e.getField(), locale));
    }
    return errors;
  }

  private String message(String key, Locale locale) {
    return Objects.requireNonNullElse(messages.getMessage(key, null, key, locale), key);
  }

  private Counsellor require(Authentication auth) {
    return counsellors
        .current(auth)
        .orElseThrow(
            () -> new ResponseStatusException(HttpStatus.FORBIDDEN, "Guidance counsellors only"));
  }
}
