package fi.osaava.servicenetwork.internal.publishing;

import fi.osaava.platform.BusinessId;
import fi.osaava.web.PublishingEditors;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who edits an organisation's services, decided only by the sign-in provider's claims, read as the
 * other editors' are ({@link PublishingEditors}): the role claim holding one of {@code
 * osaava.servicenetwork.editor-roles} (by default {@code service-editor}, and {@code
 * organisation-admin}, whose holder the organisation's administrator is) and the organisation
 * claim. The organisation claim must name the organisation's Finnish business ID, since that is
 * what identifies a provider in the service directory (and in the national catalogue it follows): a
 * service belongs to the organisation whose business ID it carries, however it was published. The
 * offerings' editors are identified by the claim as it is, often an organisation's URL (their
 * provider {@code @id}), so a claim that is an address naming exactly one business ID (such as
 * {@code https://tietopalvelu.ytj.fi/yritys/0211675-2}) is read as that business ID; an address
 * naming none or several makes no service editor. Nothing a person types makes them an editor or
 * changes their organisation.
 */
@Component
public class ServiceEditors {

  /**
   * A signed-in editor of services.
   *
   * @param businessId the organisation's business ID, from the organisation claim
   * @param organisationName the organisation-name claim, or empty when the provider sends none
   */
  public record Editor(String businessId, String organisationName) {}

  private final PublishingEditors claims;
  private final Set<String> roles;

  ServiceEditors(
      PublishingEditors claims,
      @Value("${osaava.servicenetwork.editor-roles:service-editor,organisation-admin}")
          List<String> roles) {
    this.claims = claims;
    this.roles =
        roles.stream().map(String::strip).filter(r -> !r.isEmpty()).collect(Collectors.toSet());
  }

  /** The services' editor signed in as {@code auth}, or empty for anyone else. */
  public Optional<Editor> editor(@Nullable Authentication auth) {
    return claims
        .withRole(auth, roles)
        .flatMap(e -> businessIdOf(e.organisation()))
        .map(id -> new Editor(id, claims.organisationName(auth)));
  }

  private static final Pattern BUSINESS_ID_IN_ADDRESS =
      Pattern.compile("(?<![0-9])[0-9]{7}-[0-9](?![0-9])");

  /**
   * The business ID an organisation claim names: the claim itself when it is one, else the one
   * valid business ID in an address ({@code http}, {@code https} or {@code urn}) such as an
   * organisation's page in the trade register; empty for anything else, or an address naming
   * several.
   */
  static Optional<String> businessIdOf(String claim) {
    if (BusinessId.isValid(claim)) {
      return Optional.of(claim);
    }
    String scheme = claim.contains(":") ? claim.substring(0, claim.indexOf(':')) : "";
    if (!Set.of("http", "https", "urn").contains(scheme.toLowerCase(java.util.Locale.ROOT))) {
      return Optional.empty();
    }
    Set<String> named =
        BUSINESS_ID_IN_ADDRESS
            .matcher(claim)
            .results()
            .map(MatchResult::group)
            .filter(BusinessId::isValid)
            .collect(Collectors.toSet());
    return named.size() == 1 ? Optional.of(named.iterator().next()) : Optional.empty();
  }

  /** The services' editor signed in as {@code auth}; anyone else is refused with 403. */
  public Editor require(Authentication auth) {
    return editor(auth)
        .orElseThrow(
            () ->
                new ResponseStatusException(
                    HttpStatus.FORBIDDEN,
                    "Only an organisation's service editors, whose organisation claim names its"
                        + " business ID, publish services here"));
  }
}
