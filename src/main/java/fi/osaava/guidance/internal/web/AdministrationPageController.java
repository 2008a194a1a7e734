package fi.osaava.guidance.internal.web;

import fi.osaava.guidance.internal.Counsellors;
import fi.osaava.guidance.internal.Members;
import fi.osaava.guidance.internal.OrganisationAdministrator;
import fi.osaava.guidance.internal.Organisations;
import fi.osaava.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /guidance/admin}: an organisation administrator lists the organisation's counsellors, adds
 * one by e-mail and removes one (their access to the organisation's clients ends with their next
 * request), and reads the organisation's audit log. Only the sign-in provider's claims make an
 * administrator, and only of the organisation they name; nothing typed here makes anyone one.
 */
@Controller
class AdministrationPageController {

  private final Counsellors counsellors;
  private final Members members;
  private final Organisations organisations;
  private final MessageSource messages;

  AdministrationPageController(
      Counsellors counsellors,
      Members members,
      Organisations organisations,
      MessageSource messages) {
    this.counsellors = counsellors;
    this.organisations = organisations;
    this.members = members;
    this.messages = messages;
  }

  @GetMapping("/guidance/admin")
  String page(Authentication auth, Model model) {
    return render(require(auth), "", Map.of(), model);
  }

  @PostMapping("/guidance/admin/counsellors")
  String add(
      @Valid @ModelAttribute("member") MemberForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    OrganisationAdministrator admin = require(auth);
    if (binding.hasErrors() || !Members.isEmail(form.email())) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      Map<String, String> errors = new LinkedHashMap<>();
      errors.put("email", message("guidance.admin.error.email", locale));
      String typed = form.email() == null || form.email().length() > 254 ? "" : form.email();
      return render(admin, typed, errors, model);
    }
    members.add(admin, form.email());
    return "redirect:/guidance/admin?added";
  }

  @PostMapping("/guidance/admin/counsellors/{id}/remove")
  String remove(@PathVariable String id, Authentication auth) {
    OrganisationAdministrator admin = require(auth);
    if (!members.remove(admin, SharingPageController.uuid(id))) {
      throw new NotFoundException("No such counsellor in your organisation");
    }
    return "redirect:/guidance/admin?removed";
  }

  @PostMapping("/guidance/admin/pending/{id}/remove")
  String cancel(@PathVariable String id, Authentication auth) {
    OrganisationAdministrator admin = require(auth);
    if (!members.cancel(admin, SharingPageController.uuid(id))) {
      throw new NotFoundException("No such addition in your organisation");
    }
    return "redirect:/guidance/admin?removed";
  }

  private String render(
      OrganisationAdministrator admin, String email, Map<String, String> errors, Model model) {
    model.addAttribute("admin", admin);
    model.addAttribute("organisationName", organisations.name(admin.organisation()));
    model.addAttribute("members", members.list(admin));
    model.addAttribute("audit", members.audit(admin));
    model.addAttribute("email", email);
    model.addAttribute("errors", errors);
    return "guidance/admin";
  }

  private String message(String key, Locale locale) {
    return Objects.requireNonNullElse(messages.getMessage(key, null, key, locale), key);
  }

  private OrganisationAdministrator require(Authentication auth) {
    return counsellors
        .administrator(auth)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.FORBIDDEN, "Guidance organisation administrators only"));
  }
}
