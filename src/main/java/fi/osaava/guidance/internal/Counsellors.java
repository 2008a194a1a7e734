package fi.osaava.guidance.internal;

import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
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
  private final Set<String> adminRoles;
  private final String organisationNameClaim;
  private final Organisations organisations;

  Counsellors(
      ProfileApi profiles,
      JdbcClient jdbc,
      Organisations organisations,
      @Value("${osaava.guidance.role-claim:osaava_roles}") String roleClaim,
      @Value("${osaava.guidance.counsellor-roles:guidance-counsellor}") List<String> roles,
      @Value("${osaava.guidance.organisation-claim:osaava_organisation}") String organisationClaim,
      @Value("${osaava.guidance.admin-roles:guidance-admin}") List<String> adminRoles,
      @Value("${osaava.guidance.organisation-name-claim:osaava_organisation_name}")
          String organisationNameClaim) {
    this.profiles = profiles;
    this.jdbc = jdbc;
    this.roleClaim = roleClaim;
    this.roles = roleSet(roles);
    this.organisationClaim = organisationClaim;
    this.adminRoles = roleSet(adminRoles);
    this.organisationNameClaim = organisationNameClaim;
    this.organisations = organisations;
  }

  private static Set<String> roleSet(List<String> roles) {
    return roles.stream().map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
  }

  /**
   * The counsellor signed in as {@code auth}, or empty for anyone else. A counsellor is one whom
   * the claims make one (the role and organisation claims) or whom an organisation's administrator
   * added by the e-mail address the provider vouches for; one whom an administrator removed is
   * none, whatever the claims say, from their very next request.
   */
  @Transactional
  public Optional<Counsellor> current(Authentication auth) {
    if (auth == null || !(auth.getPrincipal() instanceof OAuth2User user)) {
      return Optional.empty();
    }
    @Nullable String claimed = organisation(user);
    @Nullable String email = verifiedEmail(user);
    @Nullable String organisation =
        claimed != null && hasRole(user.getAttribute(roleClaim), roles)
            ? claimed
            : addedBy(email, claimed);
    if (organisation == null) {
      return Optional.empty();
    }
    Optional<PersonId> person = profiles.currentPerson(auth);
    if (person.isEmpty() || removed(person.get(), organisation)) {
      return Optional.empty();
    }
    Counsellor counsellor = new Counsellor(person.get(), organisation, name(user));
    // The name claim names the claimed organisation only: a counsellor added by an administrator
    // of another organisation does not rename that one.
    remember(counsellor, email, organisation.equals(claimed) ? organisationName(user) : "");
    return Optional.of(counsellor);
  }

  /**
   * The organisation administrator signed in as {@code auth}, of the organisation their claims
   * name, or empty for anyone else. Only the claims make an administrator.
   */
  @Transactional
  public Optional<OrganisationAdministrator> administrator(Authentication auth) {
    if (auth == null || !(auth.getPrincipal() instanceof OAuth2User user)) {
      return Optional.empty();
    }
    @Nullable String organisation = organisation(user);
    if (organisation == null || !hasRole(user.getAttribute(roleClaim), adminRoles)) {
      return Optional.empty();
    }
    Optional<PersonId> person = profiles.currentPerson(auth);
    if (person.isEmpty()) {
      return Optional.empty();
    }
    organisations.remember(organisation, organisationName(user));
    return Optional.of(new OrganisationAdministrator(person.get(), organisation, name(user)));
  }

  /**
   * Whether {@code auth} could be a counsellor, for the navigation only: the claims, or an
   * administrator's addition of their verified address. Reads, writes nothing and skips the check
   * for a removed counsellor, whose caseload page then says they are none; the pages decide access
   * with {@link #current}.
   */
  @Transactional(readOnly = true)
  public boolean mayBeCounsellor(@Nullable Authentication auth) {
    if (auth == null || !(auth.getPrincipal() instanceof OAuth2User user)) {
      return false;
    }
    @Nullable String claimed = organisation(user);
    return (claimed != null && hasRole(user.getAttribute(roleClaim), roles))
        || addedBy(verifiedEmail(user), claimed) != null;
  }

  /** Whether the claims make {@code auth} an organisation administrator, for the navigation. */
  public boolean isAdministrator(@Nullable Authentication auth) {
    return auth != null
        && auth.getPrincipal() instanceof OAuth2User user
        && organisation(user) != null
        && hasRole(user.getAttribute(roleClaim), adminRoles);
  }

  /** The organisation's name from the name claim, or empty when there is none or it is too long. */
  private String organisationName(OAuth2User user) {
    Object nameClaim = user.getAttribute(organisationNameClaim);
    return nameClaim instanceof String n && !n.isBlank() && n.strip().length() <= 200
        ? n.strip()
        : "";
  }

  private static String name(OAuth2User user) {
    Object nameClaim = user.getAttribute("name");
    return nameClaim instanceof String n && n.length() <= 200 ? n.strip() : "";
  }

  private @Nullable String organisation(OAuth2User user) {
    Object organisation = user.getAttribute(organisationClaim);
    return organisation instanceof String id && !id.isBlank() && id.length() <= 500
        ? id.strip()
        : null;
  }

  /**
   * The e-mail address the provider vouches for ({@code email} with {@code email_verified} true, as
   * OpenID Connect names them), in lower case; null otherwise. An unverified address could be
   * anyone's, so it never makes a counsellor.
   */
  static @Nullable String verifiedEmail(OAuth2User user) {
    Object email = user.getAttribute("email");
    Object verified = user.getAttribute("email_verified");
    boolean isVerified =
        Boolean.TRUE.equals(verified) || (verified instanceof String v && v.equals("true"));
    return isVerified && email instanceof String e && Members.isEmail(e)
        ? e.strip().toLowerCase(Locale.ROOT)
        : null;
  }

  /**
   * The organisation whose administrator added this address: the one the organisation claim names
   * when it names one, else the latest to add it.
   */
  private @Nullable String addedBy(@Nullable String email, @Nullable String claimed) {
    if (email == null) {
      return null;
    }
    String latest =
        "SELECT organisation_id FROM guidance_member WHERE email = ?"
            + " ORDER BY added_at DESC, organisation_id LIMIT 1";
    var query =
        claimed == null
            ? jdbc.sql(latest).param(email)
            : jdbc.sql(
                    "SELECT organisation_id FROM guidance_member WHERE email = ?"
                        + " AND organisation_id = ?")
                .params(email, claimed);
    return query.query(String.class).optional().orElse(null);
  }

  private boolean removed(PersonId person, String organisation) {
    return jdbc.sql(
                "SELECT count(*) FROM guidance_counsellor WHERE person_id = ? AND organisation_id = ?"
                    + " AND removed_at IS NOT NULL")
            .params(person.value(), organisation)
            .query(Long.class)
            .single()
        > 0;
  }

  private void remember(Counsellor c, @Nullable String email, String organisationName) {
    organisations.remember(c.organisation(), organisationName);
    jdbc.sql(
            "INSERT INTO guidance_counsellor (person_id, organisation_id, display_name, email)"
                + " VALUES (?, ?, ?, NULLIF(?, '')) ON CONFLICT (person_id, organisation_id)"
                + " DO UPDATE SET display_name = excluded.display_name,"
                + " email = coalesce(excluded.email, guidance_counsellor.email), last_seen = now()")
        .params(c.person().value(), c.organisation(), c.name(), email == null ? "" : email)
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

  private static boolean hasRole(@Nullable Object claim, Set<String> roles) {
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
