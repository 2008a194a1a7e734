package fi.osaava.community.internal;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;

/**
 * Who moderates the groups and comments, decided only by the sign-in provider's claims, as for
 * publishing editors: the role claim ({@code osaava.publishing.role-claim}, {@code osaava_roles})
 * holding one of {@code osaava.community.moderator-roles} (by default {@code community-moderator}).
 * Moderation is service-wide, so no organisation claim is needed.
 */
@Component
public class Moderators {

  private final String roleClaim;
  private final Set<String> roles;

  Moderators(
      @Value("${osaava.publishing.role-claim:osaava_roles}") String roleClaim,
      @Value("${osaava.community.moderator-roles:community-moderator}") List<String> roles) {
    this.roleClaim = roleClaim;
    this.roles =
        roles.stream().map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
  }

  public boolean isModerator(@Nullable Authentication auth) {
    if (auth == null || !(auth.getPrincipal() instanceof OAuth2User user)) {
      return false;
    }
    Object claimed = user.getAttribute(roleClaim);
    return claimed instanceof Collection<?> c
        ? c.stream().anyMatch(r -> roles.contains(String.valueOf(r)))
        : claimed instanceof String s && Arrays.stream(s.split("\\s+")).anyMatch(roles::contains);
  }
}
