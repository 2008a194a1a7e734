package fi.osaava.guidance.internal;

import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who is a guidance counsellor, and of which organisation, decided only by the sign-in provider's
 * claims (as {@code web.PublishingEditors} decides editors): a role claim holding one of {@code
 * osaava.guidance.counsellor-roles} and an organisation claim. Nothing a client types can make
 * anyone a counsellor. Each counsellor request records the organisation and the membership, so that
 * clients see whom they share with.
 */
@Service
public class Counsellors {

  private final ProfileApi profiles;
  private final JdbcClient jdbc;
  private final String roleClaim;
  private final Set<String> roles;
  private final String organisationClaim;

  Counsellors(
      ProfileApi profiles,
      JdbcClient jdbc,
      @Value("${osaava.guidance.role-claim:osaava_roles}") String roleClaim,
      @Value("${osaava.guidance.counsellor-roles:guidance-counsellor}") List<String> roles,
      @Value("${osaava.guidance.organisation-claim:osaava_organisation}")
          String organisationClaim) {
    this.profiles = profiles;
    this.jdbc = jdbc;
    this.roleClaim = roleClaim;
    this.roles =
        roles.stream().map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
    this.organisationClaim = organisationClaim;
  }

  /** The counsellor signed in as {@code auth}, or empty for anyone else. */
  @Transactional
  public Optional<Counsellor> current(Authentication auth) {
    if (auth == null || !(auth.getPrincipal() instanceof OAuth2User user)) {
      return Optional.empty();
    }
    if (!hasRole(user.getAttribute(roleClaim))) {
      return Optional.empty();
    }
    Object organisation = user.getAttribute(organisationClaim);
    if (!(organisation instanceof String id) || id.isBlank() || id.length() > 500) {
      return Optional.empty();
    }
    Optional<PersonId> person = profiles.currentPerson(auth);
    if (person.isEmpty()) {
      return Optional.empty();
    }
    Object nameClaim = user.getAttribute("name");
    String name = nameClaim instanceof String n && n.length() <= 200 ? n.strip() : "";
    Counsellor counsellor = new Counsellor(person.get(), id.strip(), name);
    remember(counsellor);
    return Optional.of(counsellor);
  }

  private void remember(Counsellor c) {
    jdbc.sql("INSERT INTO guidance_organisation (id) VALUES (?) ON CONFLICT DO NOTHING")
        .param(c.organisation())
        .update();
    jdbc.sql(
            "INSERT INTO guidance_counsellor (person_id, organisation_id, display_name)"
                + " VALUES (?, ?, ?) ON CONFLICT (person_id, organisation_id)"
                + " DO UPDATE SET display_name = excluded.display_name, last_seen = now()")
        .params(c.person().value(), c.organisation(), c.name())
        .update();
  }

  /** The name a counsellor showed in an organisation, for their clients; empty when unknown. */
  @Transactional(readOnly = true)
  public String displayName(PersonId counsellor, String organisation) {
    return jdbc.sql(
            "SELECT display_name FROM guidance_counsellor WHERE person_id = ?"
                + " AND organisation_id = ?")
        .params(counsellor.value(), organisation)
        .query(String.class)
        .optional()
        .orElse("");
  }

  private boolean hasRole(@Nullable Object claim) {
    if (claim instanceof Collection<?> c) {
      return c.stream().anyMatch(r -> roles.contains(String.valueOf(r)));
    }
    // Some providers send a single role, or several separated by spaces as in OAuth2 scopes.
    return claim instanceof String s && Arrays.stream(s.split("\\s+")).anyMatch(roles::contains);
  }

  /** Deletes what is held about a counsellor (the memberships and their names). */
  void forget(PersonId person) {
    jdbc.sql("DELETE FROM guidance_counsellor WHERE person_id = ?").param(person.value()).update();
  }
}
