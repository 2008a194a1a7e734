package fi.osaava.profile.internal.web;

import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.CompetenceSnapshot;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.internal.ConsentGate;
import java.util.Collection;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /counsellor/profiles/{code}}: a guidance counsellor reads the profile of a person who gave
 * them their profile code and consented to sharing with a counsellor. Counsellors are recognised by
 * a role claim from the sign-in provider ({@code osaava.profile.counsellor-claim}, containing
 * {@code osaava.profile.counsellor-role}). The read goes through the consent gate, which audits it;
 * without the consent the profile is not found.
 */
@Controller
class CounsellorPageController {

  private final ConsentGate gate;
  private final SignedInPerson signedIn;
  private final fi.osaava.taxonomy.TaxonomyApi taxonomy;
  private final String claim;
  private final String role;

  CounsellorPageController(
      ConsentGate gate,
      SignedInPerson signedIn,
      fi.osaava.taxonomy.TaxonomyApi taxonomy,
      @Value("${osaava.profile.counsellor-claim:osaava_roles}") String claim,
      @Value("${osaava.profile.counsellor-role:guidance-counsellor}") String role) {
    this.gate = gate;
    this.signedIn = signedIn;
    this.taxonomy = taxonomy;
    this.claim = claim;
    this.role = role;
  }

  @GetMapping("/counsellor/profiles/{code}")
  String profile(
      @PathVariable String code, Authentication auth, java.util.Locale locale, Model model) {
    PersonId counsellor = signedIn.require(auth);
    if (!isCounsellor(auth)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Guidance counsellors only");
    }
    PersonId person;
    try {
      person = PersonId.of(code);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("No shared profile with this code");
    }
    CompetenceSnapshot snapshot =
        gate.forCounsellor(person, counsellor.value().toString())
            .orElseThrow(() -> new NotFoundException("No shared profile with this code"));
    model.addAttribute("snapshot", snapshot);
    java.util.Map<String, String> labels = new java.util.HashMap<>();
    for (fi.osaava.taxonomy.ConceptSummary s :
        taxonomy.summaries(
            snapshot.skills().stream().map(fi.osaava.profile.ProfileSkill::skill).toList(),
            fi.osaava.platform.Language.of(locale))) {
      labels.put(s.uri().value(), s.label().text());
    }
    snapshot.skills().forEach(s -> labels.putIfAbsent(s.skill().value(), s.skill().value()));
    model.addAttribute("labels", labels);
    return "profile/counsellor";
  }

  private boolean isCounsellor(Authentication auth) {
    if (!(auth.getPrincipal() instanceof OAuth2User user)) {
      return false;
    }
    Object roles = user.getAttribute(claim);
    if (roles instanceof Collection<?> c) {
      return c.stream().anyMatch(r -> role.equals(String.valueOf(r)));
    }
    return roles != null && role.equals(roles.toString());
  }
}
