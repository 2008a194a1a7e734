package fi.osaava.programmes.internal;

import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.web.PublishingEditors;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;

/**
 * Who manages workplace teams, and for which organisation, decided only by the sign-in provider's
 * claims, read as editors' are ({@link PublishingEditors}): the role claim holding one of {@code
 * osaava.programmes.manager-roles} (by default {@code team-manager}, and {@code
 * organisation-admin}, whose holder the organisation's administrator is) and the organisation
 * claim. Nothing a person types makes them a manager.
 */
@Component
public class TeamManagers {

  /**
   * A signed-in manager.
   *
   * @param name the provider's {@code name} claim, shown to members beside what they assign; empty
   *     when the provider sends none
   */
  public record Manager(PersonId person, String organisation, String name) {}

  private final PublishingEditors claims;
  private final ProfileApi profile;
  private final Set<String> roles;

  TeamManagers(
      PublishingEditors claims,
      ProfileApi profile,
      @Value("${osaava.programmes.manager-roles:team-manager,organisation-admin}")
          List<String> roles) {
    this.claims = claims;
    this.profile = profile;
    this.roles =
        roles.stream().map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
  }

  /** The manager signed in as {@code auth}, or empty for anyone else (anonymous included). */
  public Optional<Manager> manager(@Nullable Authentication auth) {
    if (auth == null) {
      return Optional.empty();
    }
    return claims
        .withRole(auth, roles)
        .flatMap(
            editor ->
                profile
                    .currentPerson(auth)
                    .map(person -> new Manager(person, editor.organisation(), name(auth))));
  }

  private static String name(Authentication auth) {
    Object name = auth.getPrincipal() instanceof OAuth2User user ? user.getAttribute("name") : null;
    return name instanceof String n && n.strip().length() <= 200 ? n.strip() : "";
  }
}
