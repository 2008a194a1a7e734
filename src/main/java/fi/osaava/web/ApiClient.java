package fi.osaava.web;

import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The OAuth client behind a bearer-token request (an organisation's system), as every module that
 * counts or owns something per client reads it: RFC 9068's {@code client_id}, else OpenID Connect's
 * {@code azp}, else the subject (which a client-credentials token gives the client). A browser
 * session is never a client.
 *
 * @param id the client's id, stripped and at most {@link #MAX_LENGTH} characters
 */
public record ApiClient(String id) {

  /** Longer ids are cut: a token's claim is not ours, and the id is stored and shown. */
  public static final int MAX_LENGTH = 200;

  public ApiClient {
    Objects.requireNonNull(id, "id");
  }

  /** The client of a bearer-token authentication; empty for a person or no authentication. */
  public static Optional<ApiClient> of(@Nullable Authentication auth) {
    if (!(auth instanceof JwtAuthenticationToken token)) {
      return Optional.empty();
    }
    Jwt jwt = token.getToken();
    for (String claim : new String[] {"client_id", "azp", "sub"}) {
      String value = jwt.getClaimAsString(claim);
      if (value != null && !value.isBlank()) {
        String id = value.strip();
        return Optional.of(
            new ApiClient(id.length() > MAX_LENGTH ? id.substring(0, MAX_LENGTH) : id));
      }
    }
    return Optional.empty();
  }
}
