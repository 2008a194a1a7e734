package fi.osaava.web;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;

/**
 * Who may publish for an organisation on the editor pages ({@code /publish/**}), decided only by
 * the sign-in provider's claims, never by anything the person types: a role claim ({@code
 * osaava.publishing.role-claim}, as for guidance counsellors) holding one of {@code
 * osaava.publishing.editor-roles}, and an organisation claim ({@code
 * osaava.publishing.organisation-claim}) holding the organisation's id as the push APIs record it
 * (the provider {@code @id} of offerings). Without both, a signed-in person is no editor.
 */
@Component
public class PublishingEditors {

  /**
   * A signed-in editor.
   *
   * @param organisation the organisation's id from the organisation claim
   */
  public record Editor(String organisation) {}

  private final String roleClaim;
  private final Set<String> editorRoles;
  private final String organisationClaim;

  PublishingEditors(
      @Value("${osaava.publishing.role-claim:osaava_roles}") String roleClaim,
      @Value("${osaava.publishing.editor-roles:editor,organisation-admin}") List<String> roles,
      @Value("${osaava.publishing.organisation-claim:osaava_organisation}")
          String organisationClaim) {
    this.roleClaim = roleClaim;
    this.editorRoles =
        roles.stream().map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
    this.organisationClaim = organisationClaim;
  }

  /** The editor signed in as {@code auth}, or empty for anyone else (anonymous included). */
  public Optional<Editor> editor(Authentication auth) {
    if (auth == null || !(auth.getPrincipal() instanceof OAuth2User user)) {
      return Optional.empty();
    }
    if (!hasEditorRole(user.getAttribute(roleClaim))) {
      return Optional.empty();
    }
    Object organisation = user.getAttribute(organisationClaim);
    if (!(organisation instanceof String id) || id.isBlank() || id.length() > 500) {
      return Optional.empty();
    }
    return Optional.of(new Editor(id.strip()));
  }

  private boolean hasEditorRole(Object roles) {
    if (roles instanceof Collection<?> c) {
      return c.stream().anyMatch(r -> editorRoles.contains(String.valueOf(r)));
    }
    // Some providers send a single role, or several separated by spaces as in OAuth2 scopes.
    return roles instanceof String s
        && java.util.Arrays.stream(s.split("\\s+")).anyMatch(editorRoles::contains);
  }
}
