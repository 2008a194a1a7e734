package fi.osaava.guidance.internal.web;

import fi.osaava.guidance.internal.ClientInvitations;
import fi.osaava.guidance.internal.Counsellors;
import fi.osaava.guidance.internal.Invitations;
import fi.osaava.guidance.internal.Organisations;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.AccessRecord;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.profile.SharedPart;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code /guidance/sharing}: the client's side. They accept a counsellor's invitation code, or
 * invite a counsellor with a code of their own, choosing the parts shared and for how long; see
 * their consents and every access to them; and revoke a consent, which stops the counsellor's very
 * next read. The owner of every consent comes from the session, never from the request.
 */
@Controller
class SharingPageController {

  private final ProfileApi profiles;
  private final CounsellorConsents consents;
  private final Invitations invitations;
  private final ClientInvitations clientInvitations;
  private final Counsellors counsellors;
  private final Organisations organisations;
  private final MessageSource messages;
  private final Clock clock;

  SharingPageController(
      ProfileApi profiles,
      CounsellorConsents consents,
      Invitations invitations,
      ClientInvitations clientInvitations,
      Counsellors counsellors,
      Organisations organisations,
      MessageSource messages,
      Clock clock) {
    this.organisations = organisations;
    this.clientInvitations = clientInvitations;
    this.profiles = profiles;
    this.consents = consents;
    this.invitations = invitations;
    this.counsellors = counsellors;
    this.messages = messages;
    this.clock = clock;
  }

  /** One of the client's consents as the page shows it. */
  record SharingRow(CounsellorGrant grant, String counsellorName, boolean live) {}

  @GetMapping("/guidance/sharing")
  String page(Authentication auth, Model model) {
    PersonId client = require(auth);
    return render(client, ShareForm.empty(), InviteForm.empty(), Map.of(), model);
  }

  @PostMapping("/guidance/sharing")
  String share(
      @Valid @ModelAttribute("form") ShareForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    PersonId client = require(auth);
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError e : binding.getFieldErrors()) {
      errors.putIfAbsent(e.getField(), message("guidance.sharing.error." + e.getField(), locale));
    }
    if (errors.isEmpty()
        && invitations
            .accept(
                client, form.code(), form.name(), form.parts(), form.months(), Language.of(locale))
            .isEmpty()) {
      errors.put("code", message("guidance.sharing.error.codeUnknown", locale));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return render(client, sanitised(form), InviteForm.empty(), errors, model);
    }
    return "redirect:/guidance/sharing?shared";
  }

  /**
   * The client invites a counsellor: a code (and a link with it) that a counsellor of a guidance
   * organisation accepts. Errors are keyed by the form's field ids ({@code invite-name}...), as the
   * page has two forms with fields of the same names.
   */
  @PostMapping("/guidance/sharing/invitations")
  String invite(
      @Valid @ModelAttribute("invite") InviteForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      HttpServletResponse response,
      RedirectAttributes redirect,
      Model model) {
    PersonId client = require(auth);
    Map<String, String> errors = new LinkedHashMap<>();
    for (FieldError e : binding.getFieldErrors()) {
      errors.putIfAbsent(
          "invite-" + e.getField(), message("guidance.sharing.error." + e.getField(), locale));
    }
    if (!errors.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      InviteForm shown =
          new InviteForm(
              form.name() == null ? "" : form.name(),
              form.parts() == null ? Set.of() : form.parts(),
              validMonths(form.months()));
      return render(client, ShareForm.empty(), shown, errors, model);
    }
    ClientInvitations.ClientInvitation made =
        clientInvitations.create(
            client, form.name(), form.parts(), form.months(), Language.of(locale));
    // A string: flash attributes live in the session, which is stored in PostgreSQL.
    redirect.addFlashAttribute("madeInvitationCode", made.code());
    return "redirect:/guidance/sharing?invited#invitations-heading";
  }

  /** The client withdraws an invitation no counsellor has accepted yet. */
  @PostMapping("/guidance/sharing/invitations/{id}/withdraw")
  String withdraw(@PathVariable String id, Authentication auth) {
    PersonId client = require(auth);
    if (!clientInvitations.withdraw(client, uuid(id))) {
      throw new NotFoundException("No such invitation");
    }
    return "redirect:/guidance/sharing?withdrawn#invitations-heading";
  }

  @PostMapping("/guidance/sharing/{id}/revoke")
  String revoke(@PathVariable String id, Authentication auth) {
    PersonId client = require(auth);
    consents.revoke(client, uuid(id));
    return "redirect:/guidance/sharing?revoked";
  }

  private String render(
      PersonId client, ShareForm form, InviteForm invite, Map<String, String> errors, Model model) {
    Instant now = clock.instant();
    List<CounsellorGrant> grants = consents.grantsOf(client);
    Map<UUID, CounsellorGrant> byId = new HashMap<>();
    grants.forEach(g -> byId.put(g.id(), g));
    model.addAttribute(
        "sharings",
        grants.stream()
            .map(
                g ->
                    new SharingRow(
                        g,
                        counsellors.displayName(g.counsellor(), g.organisation()),
                        g.liveAt(now)))
            .toList());
    List<AccessRecord> log = consents.accessLog(client);
    model.addAttribute("log", log);
    model.addAttribute("grantsById", byId);
    model.addAttribute(
        "orgNames",
        organisations.names(grants.stream().map(CounsellorGrant::organisation).toList()));
    model.addAttribute("form", form);
    model.addAttribute("invite", invite);
    model.addAttribute("pendingInvitations", clientInvitations.pending(client));
    // The link is given to the counsellor outside Osaava (an e-mail, a message), so it is absolute.
    model.addAttribute(
        "acceptBase",
        ServletUriComponentsBuilder.fromCurrentContextPath()
            .path("/guidance/client-invitations")
            .toUriString());
    model.addAttribute("errors", errors);
    model.addAttribute("parts", SharedPart.values());
    model.addAttribute("maxMonths", CounsellorConsents.MAX_MONTHS);
    return "guidance/sharing";
  }

  /** What the form shows again after an error: the fields as typed, never null. */
  private static ShareForm sanitised(ShareForm form) {
    return new ShareForm(
        form.code() == null ? "" : form.code(),
        form.name() == null ? "" : form.name(),
        form.parts() == null ? java.util.Set.of() : form.parts(),
        validMonths(form.months()));
  }

  private static int validMonths(@Nullable Integer months) {
    return months == null || months < 1 || months > CounsellorConsents.MAX_MONTHS ? 3 : months;
  }

  private PersonId require(Authentication auth) {
    return profiles
        .currentPerson(auth)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in first"));
  }

  private String message(String key, Locale locale) {
    return Objects.requireNonNullElse(messages.getMessage(key, null, key, locale), key);
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No such consent");
    }
  }
}
