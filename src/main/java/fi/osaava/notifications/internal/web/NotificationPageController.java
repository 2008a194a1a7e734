package fi.osaava.notifications.internal.web;

import fi.osaava.notifications.internal.NotificationsPages;
import fi.osaava.notifications.internal.Recipients.Frequency;
import fi.osaava.notifications.internal.SearchToSave;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A signed-in person's saved searches (with their e-mail choice) and inbox. Every route acts on the
 * signed-in person's own rows only: no route takes a person, and another person's search id is not
 * found.
 */
@Controller
class NotificationPageController {

  static final String SEARCHES = "/notifications/searches";
  static final String INBOX = "/notifications/inbox";

  private final NotificationsPages pages;
  private final ProfileApi profile;

  NotificationPageController(NotificationsPages pages, ProfileApi profile) {
    this.pages = pages;
    this.profile = profile;
  }

  @GetMapping(SEARCHES)
  String searches(Authentication auth, Locale locale, Model model) {
    PersonId person = signedIn(auth);
    NotificationsPages.Settings settings = pages.settings(person);
    if (!model.containsAttribute("mailSettingsForm")) {
      model.addAttribute(
          "mailSettingsForm", new MailSettingsForm(settings.email(), settings.frequency()));
    }
    model.addAttribute("searches", pages.searches(person, locale));
    model.addAttribute("frequencies", Frequency.values());
    model.addAttribute("unread", pages.unread(person));
    return "notifications/searches";
  }

  @PostMapping(SEARCHES)
  String save(
      @RequestParam MultiValueMap<String, String> params, Authentication auth, Locale locale) {
    PersonId person = signedIn(auth);
    SearchToSave search =
        SearchToSave.of("form", params.getFirst("kind"), params.getFirst("q"), params::get);
    pages.save(person, search.kind(), search.words(), search.facets(), Language.of(locale));
    return "redirect:" + SEARCHES + "?saved";
  }

  @PostMapping(SEARCHES + "/{id}/delete")
  String delete(@PathVariable String id, Authentication auth) {
    PersonId person = signedIn(auth);
    UUID uuid;
    try {
      uuid = UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("path", 0, "id", "not a saved search id");
    }
    if (!pages.delete(person, uuid)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such saved search");
    }
    return "redirect:" + SEARCHES + "?deleted";
  }

  @PostMapping("/notifications/settings")
  String settings(
      @Valid @ModelAttribute("mailSettingsForm") MailSettingsForm form,
      BindingResult errors,
      Authentication auth,
      Locale locale,
      Model model) {
    PersonId person = signedIn(auth);
    String email = form.email() == null || form.email().isBlank() ? null : form.email().strip();
    if (form.frequency() != null && form.frequency() != Frequency.OFF && email == null) {
      errors.rejectValue("email", "notifications.settings.email.required");
    }
    if (errors.hasErrors() || form.frequency() == null) {
      return searches(auth, locale, model);
    }
    pages.saveSettings(person, email, form.frequency(), Language.of(locale));
    return "redirect:" + SEARCHES + "?settings";
  }

  @GetMapping(INBOX)
  String inbox(Authentication auth, Locale locale, Model model) {
    PersonId person = signedIn(auth);
    model.addAttribute("entries", pages.inbox(person, Language.of(locale)));
    model.addAttribute("unread", pages.unread(person));
    return "notifications/inbox";
  }

  @PostMapping(INBOX + "/read")
  String read(Authentication auth) {
    pages.markAllRead(signedIn(auth));
    return "redirect:" + INBOX;
  }

  private PersonId signedIn(Authentication auth) {
    return profile
        .currentPerson(auth)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in"));
  }
}
