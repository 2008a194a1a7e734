package fi.osaava.web;

import java.util.Objects;
import org.springframework.http.HttpMethod;

/**
 * A machine-to-machine write endpoint under {@code /api/v1}, declared as a bean by the module that
 * owns it (for example the education providers' push API). The shell's security admits such a
 * request only with an OAuth2 bearer token (client-credentials grant from the configured OpenID
 * Connect provider) that carries {@code scope}; CSRF does not apply to bearer-token requests, and
 * without this declaration every non-GET API request stays refused. A GET declared here is a
 * client's own data (such as its webhook subscriptions): it then needs the scope too, and a browser
 * session never reaches it.
 *
 * @param method the HTTP method, such as POST
 * @param path an exact path or a Spring path pattern, such as {@code /api/v1/job-ads}
 * @param scope the OAuth2 scope the token must carry, such as {@code job-ads.publish}
 */
public record ApiWriteAccess(HttpMethod method, String path, String scope) {

  public ApiWriteAccess {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(scope, "scope");
    if (!path.startsWith("/api/")) {
      throw new IllegalArgumentException("Machine write access is for /api/ paths: " + path);
    }
    if (scope.isBlank() || scope.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("A scope is one word: '" + scope + "'");
    }
  }
}
