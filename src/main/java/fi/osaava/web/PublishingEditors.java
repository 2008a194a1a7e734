package fi.osaava.web;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who may publish for an organisation on the editor pages ({@code /publish/**}), decided only by
 * the sign-in provider's claims, never by anything the person types: a role claim ({@code
 * osaava.publishing.role-claim}, as for guidance counsellors) holding one of {@code
 * osaava.publishing.editor-roles}, and an organisation claim ({@code
 * osaava.publishing.organisation-claim}) holding the organisation's id as the push APIs record it
 * (the provider {@code @id} of offerings, the {@code hiringOrganization.@id} of job ads). Without
 * both, a signed-in person is no editor. Offerings and job ads have roles of their own ({@code
 * osaava.publishing.editor-roles}, {@code osaava.publishing.job-ad-editor-roles}), since an
 * employer that publishes ads is seldom an education provider; an organisation's administrator
 * holds both.
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
  private final Set<String> jobAdEditorRoles;
  private final String organisationClaim;
  private final String organisationNameClaim;

  PublishingEditors(
      @Value("${osaava.publishing.role-claim:osaava_roles}") String roleClaim,
      @Value("${osaava.publishing.editor-roles:editor,organisation-admin}") List<String> roles,
      @Value("${osaava.publishing.job-ad-editor-roles:job-ad-editor,organisation-admin}")
          List<String> jobAdRoles,
      @Value("${osaava.publishing.organisation-claim:osaava_organisation}")
          String organisationClaim,
      @Value("${osaava.publishing.organisation-name-claim:osaava_organisation_name}")
          String organisationNameClaim) {
    this.roleClaim = roleClaim;
    this.editorRoles = roles(roles);
    this.jobAdEditorRoles = roles(jobAdRoles);
    this.organisationClaim = organisationClaim;
    this.organisationNameClaim = organisationNameClaim;
  }

  /**
   * The name of the organisation of {@code auth}'s sign-in, from the organisation-name claim, for
   * pages that would otherwise show the organisation's opaque id; empty when there is none or it is
   * longer than 200 characters.
   */
  public String organisationName(@Nullable Authentication auth) {
    if (auth == null || !(auth.getPrincipal() instanceof OAuth2User user)) {
      return "";
    }
    Object name = user.getAttribute(organisationNameClaim);
    return name instanceof String n && !n.isBlank() && n.strip().length() <= 200 ? n.strip() : "";
  }

  private static Set<String> roles(List<String> roles) {
    return roles.stream().map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
  }

  /**
   * The offerings' editor signed in as {@code auth}, or empty for anyone else (anonymous included).
   */
  public Optional<Editor> editor(@Nullable Authentication auth) {
    return editor(auth, editorRoles);
  }

  /** The job ads' editor signed in as {@code auth}, or empty for anyone else. */
  public Optional<Editor> jobAdEditor(@Nullable Authentication auth) {
    return editor(auth, jobAdEditorRoles);
  }

  /**
   * The offerings' editor signed in as {@code auth}; anyone else is refused with 403.
   *
   * @param refusal what the 403 says, such as who may publish on the page
   */
  public Editor requireEditor(Authentication auth, String refusal) {
    return editor(auth).orElseThrow(() -> forbidden(refusal));
  }

  /** The job ads' editor signed in as {@code auth}; anyone else is refused with 403. */
  public Editor requireJobAdEditor(Authentication auth, String refusal) {
    return jobAdEditor(auth).orElseThrow(() -> forbidden(refusal));
  }

  private static ResponseStatusException forbidden(String refusal) {
    return new ResponseStatusException(HttpStatus.FORBIDDEN, refusal);
  }

  /**
   * Where the navigation's link to the publishing pages leads {@code auth}: the offerings for their
   * editors, else the job ads for theirs, else nowhere (empty).
   */
  public Optional<String> home(@Nullable Authentication auth) {
    if (editor(auth).isPresent()) {
      return Optional.of("/publish/offerings");
    }
    return jobAdEditor(auth).map(e -> "/publish/job-ads");
  }

  /**
   * The person signed in as {@code auth} in the organisation their organisation claim names, when
   * the role claim holds one of {@code roles}; empty for anyone else. For other modules' roles of
   * an organisation (such as the managers of workplace teams), read from the same claims as
   * editors.
   */
  public Optional<Editor> withRole(@Nullable Authentication auth, Set<String> roles) {
    return editor(auth, roles);
  }

  private Optional<Editor> editor(@Nullable Authentication auth, Set<String> roles) {
    if (auth == null || !(auth.getPrincipal() instanceof OAuth2User user)) {
      return Optional.empty();
    }
    if (!hasRole(user.getAttribute(roleClaim), roles)) {
      return Optional.empty();
    }
    Object organisation = user.getAttribute(organisationClaim);
    if (!(organisation instanceof String id) || id.isBlank() || id.length() > 500) {
      return Optional.empty();
    }
    return Optional.of(new Editor(id.strip()));
  }

  private static boolean hasRole(@Nullable Object roles, Set<String> wanted) {
    if (roles instanceof Collection<?> c) {
      return c.stream().anyMatch(r -> wanted.contains(String.valueOf(r)));
    }
    // Some providers send a single role, or several separated by spaces as in OAuth2 scopes.
    return roles instanceof String s
        && java.util.Arrays.stream(s.split("\\s+")).anyMatch(wanted::contains);
  }
}
