package fi.osaava.opendata.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;

/**
 * Who may register API clients, decided only by the sign-in provider's claims, as for publishing
 * editors: the role claim ({@code osaava.publishing.role-claim}, {@code osaava_roles}) holding one
 * of {@code osaava.api.admin-roles} (by default {@code administrator}).
 */
@Component
public class ApiAdministrators {

  private final String roleClaim;
  private final Set<String> roles;

  ApiAdministrators(
      @Value("${osaava.publishing.role-claim:osaava_roles}") String roleClaim,
      ApiProperties properties) {
    this.roleClaim = roleClaim;
    this.roles =
        properties.adminRoles().stream()
            .map(String::strip)
            .filter(r -> !r.isEmpty())
            .collect(Collectors.toSet());
  }

  /** The administrator's subject, or empty for anyone else (anonymous included). */
  public Optional<String> administrator(@Nullable Authentication auth) {
    if (auth == null || !(auth.getPrincipal() instanceof OAuth2User user)) {
      return Optional.empty();
    }
    Object claimed = user.getAttribute(roleClaim);
    boolean hasRole =
        claimed instanceof Collection<?> c
            ? c.stream().anyMatch(r -> roles.contains(String.valueOf(r)))
            : claimed instanceof String s
                && Arrays.stream(s.split("\\s+")).anyMatch(roles::contains);
    return hasRole ? Optional.of(user.getName()) : Optional.empty();
  }
}
