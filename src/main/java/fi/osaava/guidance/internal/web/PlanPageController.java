package fi.osaava.guidance.internal.web;

import fi.osaava.guidance.internal.ClientReminders;
import fi.osaava.guidance.internal.Organisations;
import fi.osaava.guidance.internal.Plans;
import fi.osaava.guidance.internal.TaskReminders;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.profile.SharedPart;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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

/**
 * {@code /guidance/plan}: the client's plans with their counsellors' organisations. They accept or
 * decline proposed steps, mark accepted ones done, read the notes shared with them (never the
 * private ones) and comment. Every row is the signed-in client's own; ids of anyone else's are not
 * found.
 */
@Controller
class PlanPageController {

  private final ProfileApi profiles;
  private final Plans plans;
  private final CounsellorConsents consents;
  private final ClientReminders reminders;
  private final Organisations organisations;
  private final MessageSource messages;
  private final Clock clock;

  PlanPageController(
      ProfileApi profiles,
      Plans plans,
      CounsellorConsents consents,
      ClientReminders reminders,
      Organisations organisations,
      MessageSource messages,
      Clock clock) {
    this.profiles = profiles;
    this.organisations = organisations;
    this.reminders = reminders;
    this.plans = plans;
    this.consents = consents;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/guidance/plan")
  String plan(Authentication auth, Model model) {
    return render(require(auth), new CommentForm("", ""), Map.of(), model);
  }

  @PostMapping("/guidance/plan/steps/{id}/decision")
  String decide(
      @PathVariable String id,
      @RequestParam(name = "decision", required = false, defaultValue = "") String decision,
      Authentication auth) {
    PersonId client = require(auth);
    if (!decision.equals("accept") && !decision.equals("decline")) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST,
          "decision: accept or decline, not '" + abbreviate(decision) + "'");
    }
    plans.decide(client, SharingPageController.uuid(id), decision.equals("accept"));
    return "redirect:/guidance/plan?decided";
  }

  @PostMapping("/guidance/plan/steps/{id}/done")
  String done(@PathVariable String id, Authentication auth) {
    plans.done(require(auth), SharingPageController.uuid(id));
    return "redirect:/guidance/plan?decided";
  }

  /** The client turns the reminders of their plan on or off. */
  @PostMapping("/guidance/plan/reminders")
  String reminders(
      @RequestParam(name = "reminders", required = false, defaultValue = "") String choice,
      Authentication auth) {
    PersonId client = require(auth);
    if (!choice.equals("on") && !choice.equals("off")) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "reminders: on or off, not '" + abbreviate(choice) + "'");
    }
    reminders.setWantsReminders(client, choice.equals("on"));
    return "redirect:/guidance/plan?reminders#reminders-heading";
  }

  @PostMapping("/guidance/plan/comments")
  String comment(
      @Valid @ModelAttribute("form") CommentForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    PersonId client = require(auth);
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError e : binding.getFieldErrors()) {
      errors.putIfAbsent(
          e.getField(),
          messages.getMessage("guidance.comment.error." + e.getField(), null, locale));
    }
    if (errors.isEmpty() && !plans.comment(client, form.organisation(), form.comment())) {
      errors.put(
          "organisation", messages.getMessage("guidance.comment.error.organisation", null, locale));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return render(
          client,
          new CommentForm(
              form.organisation() == null ? "" : form.organisation(),
              form.comment() == null ? "" : form.comment()),
          errors,
          model);
    }
    return "redirect:/guidance/plan?commented";
  }

  private String render(
      PersonId client, CommentForm form, Map<String, String> errors, Model model) {
    Plans.ClientPlan plan = plans.forClient(client);
    Instant now = clock.instant();
    // The organisations the client can comment to: those they share plans with now.
    List<String> commentable =
        new TreeSet<>(
                consents.grantsOf(client).stream()
                    .filter(g -> g.liveAt(now) && g.parts().contains(SharedPart.PLANS))
                    .map(g -> g.organisation())
                    .toList())
            .stream().toList();
    model.addAttribute("plan", plan);
    model.addAttribute("commentable", commentable);
    java.util.Set<String> shown = new java.util.HashSet<>(commentable);
    plan.steps().forEach(st -> shown.add(st.organisation()));
    plan.sharedNotes().forEach(n -> shown.add(n.organisation()));
    plan.comments().forEach(cm -> shown.add(cm.organisation()));
    model.addAttribute("orgNames", organisations.names(shown));
    model.addAttribute("remindersOn", reminders.wantsReminders(client));
    model.addAttribute("answerDays", ClientReminders.ANSWER_AFTER.toDays());
    model.addAttribute("dueDays", TaskReminders.REMIND_DAYS);
    model.addAttribute("form", form);
    model.addAttribute("errors", errors);
    return "guidance/plan";
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  private PersonId require(Authentication auth) {
    return profiles
        .currentPerson(auth)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in first"));
  }
}
