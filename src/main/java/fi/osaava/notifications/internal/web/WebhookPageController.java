package fi.osaava.notifications.internal.web;

import fi.osaava.notifications.internal.NotificationsPages;
import fi.osaava.notifications.internal.Owner;
import fi.osaava.notifications.internal.Webhooks;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A signed-in person's webhook subscriptions: create one on a saved search, test-send, rotate the
 * secret, turn it on again, delete it, and read its delivery log. Every route acts on the person's
 * own subscriptions only; another person's is not found. A secret is shown once, on the page that
 * follows its making or rotation (a flash attribute, not a URL parameter).
 */
@Controller
class WebhookPageController {

  static final String WEBHOOKS = "/notifications/webhooks";
  private static final int LOG_SIZE = 50;

  private final NotificationsPages pages;
  private final ProfileApi profile;

  WebhookPageController(NotificationsPages pages, ProfileApi profile) {
    this.pages = pages;
    this.profile = profile;
  }

  @GetMapping(WEBHOOKS)
  String list(Authentication auth, Locale locale, Model model) {
    PersonId person = signedIn(auth);
    if (!model.containsAttribute("webhookForm")) {
      model.addAttribute("webhookForm", new WebhookForm(null, null));
    }
    model.addAttribute("webhooks", pages.webhooks(person, locale));
    // Every kind of saved search can have a webhook: each kind has its own event type.
    model.addAttribute("searches", pages.searches(person, locale));
    return "notifications/webhooks";
  }

  @PostMapping(WEBHOOKS)
  String create(
      @Valid @ModelAttribute("webhookForm") WebhookForm form,
      BindingResult errors,
      Authentication auth,
      Locale locale,
      Model model,
      RedirectAttributes redirect) {
    PersonId person = signedIn(auth);
    Optional<UUID> search = uuid(form.savedSearch());
    if (!errors.hasFieldErrors("savedSearch")
        && (search.isEmpty() || !pages.ownsSearch(person, search.get()))) {
      errors.rejectValue("savedSearch", "notifications.webhooks.search.invalid");
    }
    if (!errors.hasFieldErrors("url")) {
      pages
          .refusal(Objects.requireNonNull(form.url()))
          .ifPresent(why -> errors.rejectValue("url", "notifications.webhooks.url." + why));
    }
    if (errors.hasErrors() || search.isEmpty()) {
      return list(auth, locale, model);
    }
    Webhooks.Secret secret =
        pages.createWebhook(person, search.get(), Objects.requireNonNull(form.url()).strip());
    redirect.addFlashAttribute("secret", secret.secret());
    return "redirect:" + WEBHOOKS + "/" + secret.subscription() + "?created";
  }

  @GetMapping(WEBHOOKS + "/{id}")
  String show(@PathVariable String id, Authentication auth, Locale locale, Model model) {
    PersonId person = signedIn(auth);
    UUID uuid = path(id);
    Webhooks.Subscription subscription =
        pages.webhook(Owner.of(person), uuid).orElseThrow(WebhookPageController::notFound);
    model.addAttribute("webhook", subscription);
    model.addAttribute(
        "search", pages.searchDescription(person, subscription.savedSearch(), locale));
    model.addAttribute("deliveries", pages.deliveries(Owner.of(person), uuid, LOG_SIZE));
    return "notifications/webhook";
  }

  @PostMapping(WEBHOOKS + "/{id}/test")
  String test(@PathVariable String id, Authentication auth) {
    UUID uuid = path(id);
    if (!pages.testWebhook(Owner.of(signedIn(auth)), uuid)) {
      throw notFound();
    }
    return "redirect:" + WEBHOOKS + "/" + uuid + "?tested";
  }

  @PostMapping(WEBHOOKS + "/{id}/rotate")
  String rotate(@PathVariable String id, Authentication auth, RedirectAttributes redirect) {
    UUID uuid = path(id);
    Webhooks.Secret secret =
        pages
            .rotateWebhook(Owner.of(signedIn(auth)), uuid)
            .orElseThrow(WebhookPageController::notFound);
    redirect.addFlashAttribute("secret", secret.secret());
    return "redirect:" + WEBHOOKS + "/" + uuid + "?rotated";
  }

  @PostMapping(WEBHOOKS + "/{id}/enable")
  String enable(@PathVariable String id, Authentication auth) {
    UUID uuid = path(id);
    if (!pages.enableWebhook(Owner.of(signedIn(auth)), uuid)) {
      throw notFound();
    }
    return "redirect:" + WEBHOOKS + "/" + uuid + "?enabled";
  }

  @PostMapping(WEBHOOKS + "/{id}/delete")
  String delete(@PathVariable String id, Authentication auth) {
    if (!pages.deleteWebhook(Owner.of(signedIn(auth)), path(id))) {
      throw notFound();
    }
    return "redirect:" + WEBHOOKS + "?deleted";
  }

  private static Optional<UUID> uuid(@org.jspecify.annotations.Nullable String value) {
    try {
      return value == null ? Optional.empty() : Optional.of(UUID.fromString(value.strip()));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static UUID path(String id) {
    return uuid(id)
        .orElseThrow(
            () -> new InvalidInputException("path", 0, "id", "not a webhook subscription id"));
  }

  private static ResponseStatusException notFound() {
    return new ResponseStatusException(HttpStatus.NOT_FOUND, "No such webhook subscription");
  }

  private PersonId signedIn(Authentication auth) {
    return profile
        .currentPerson(auth)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in"));
  }
}
