package fi.osaava.guidance.internal.web;

import fi.osaava.guidance.internal.ClientInvitations;
import fi.osaava.guidance.internal.Counsellor;
import fi.osaava.guidance.internal.Counsellors;
import fi.osaava.profile.CounsellorConsents;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.SharedPart;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /guidance/client-invitations}: a counsellor accepts a client's invitation, from the code
 * typed in or from the link the client sent ({@code ?code=}). The page shows what the client offers
 * (their name, the parts, the months) and accepting is a POST, so following a link alone starts
 * nothing. Counsellors only, recognised by the claims as everywhere in guidance.
 */
@Controller
class ClientInvitationPageController {

  private final Counsellors counsellors;
  private final ClientInvitations invitations;
  private final MessageSource messages;

  ClientInvitationPageController(
      Counsellors counsellors, ClientInvitations invitations, MessageSource messages) {
    this.counsellors = counsellors;
    this.invitations = invitations;
    this.messages = messages;
  }

  @GetMapping("/guidance/client-invitations")
  String page(
      @RequestParam(name = "code", required = false, defaultValue = "") String code,
      Authentication auth,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    require(auth);
    Map<String, String> errors = new LinkedHashMap<>();
    Optional<ClientInvitations.ClientInvitation> found = Optional.empty();
    if (!code.isBlank()) {
      found = invitations.find(code);
      if (found.isEmpty()) {
        errors.put("code", message("guidance.accept.error.unknown", locale));
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      }
    }
    return render(code.length() > 40 ? "" : code, found.orElse(null), errors, model);
  }

  @PostMapping("/guidance/client-invitations")
  String accept(
      @Valid @ModelAttribute("accept") AcceptForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    Counsellor counsellor = require(auth);
    Map<String, String> errors = new LinkedHashMap<>();
    if (binding.hasErrors()) {
      errors.put("code", message("guidance.accept.error.code", locale));
    } else {
      Optional<CounsellorGrant> grant = invitations.accept(counsellor, form.code());
      if (grant.isPresent()) {
        return "redirect:/guidance/clients/" + grant.get().id() + "?accepted";
      }
      errors.put("code", message("guidance.accept.error.unknown", locale));
    }
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    String typed = form.code() == null || form.code().length() > 40 ? "" : form.code();
    return render(typed, null, errors, model);
  }

  private String render(
      String code,
      ClientInvitations.@org.jspecify.annotations.Nullable ClientInvitation invitation,
      Map<String, String> errors,
      Model model) {
    model.addAttribute("code", code);
    model.addAttribute("invitation", invitation);
    model.addAttribute("errors", errors);
    model.addAttribute("parts", SharedPart.values());
    model.addAttribute("maxMonths", CounsellorConsents.MAX_MONTHS);
    return "guidance/client-invitation";
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
