package fi.osaava.regionalintelligence.internal;

import java.util.Arrays;
import java.util.Collection;
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
 * Who may build and own competence-needs surveys for an organisation, decided only by the sign-in
 * provider's claims, as for publishing editors: the role claim ({@code
 * osaava.publishing.role-claim}, {@code osaava_roles}) holding one of {@code
 * osaava.regional.survey-roles} (by default {@code regional-developer} or {@code survey-owner}),
 * and the organisation claim ({@code osaava.publishing.organisation-claim}, {@code
 * osaava_organisation}) naming the organisation the surveys belong to. Without both, a signed-in
 * person owns no surveys.
 */
@Component
public class RegionalDevelopers {

  /** A signed-in survey owner and the organisation whose surveys they work on. */
  public record Developer(String organisation) {}

  private final String roleClaim;
  private final Set<String> roles;
  private final String organisationClaim;

  RegionalDevelopers(
      @Value("${osaava.publishing.role-claim:osaava_roles}") String roleClaim,
      @Value("${osaava.regional.survey-roles:regional-developer,survey-owner}") List<String> roles,
      @Value("${osaava.publishing.organisation-claim:osaava_organisation}")
          String organisationClaim) {
    this.roleClaim = roleClaim;
    this.roles =
        roles.stream().map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
    this.organisationClaim = organisationClaim;
  }

  public Optional<Developer> developer(@Nullable Authentication auth) {
    if (auth == null || !(auth.getPrincipal() instanceof OAuth2User user)) {
      return Optional.empty();
    }
    Object claimed = user.getAttribute(roleClaim);
    boolean hasRole =
        claimed instanceof Collection<?> c
            ? c.stream().anyMatch(r -> roles.contains(String.valueOf(r)))
            : claimed instanceof String s
                && Arrays.stream(s.split("\\s+")).anyMatch(roles::contains);
    Object organisation = user.getAttribute(organisationClaim);
    if (!hasRole || !(organisation instanceof String id) || id.isBlank() || id.length() > 500) {
      return Optional.empty();
    }
    return Optional.of(new Developer(id.strip()));
  }
}
