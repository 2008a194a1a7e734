package fi.osaava.web;

import java.util.Objects;

/**
 * A path that anyone may POST to without a session and without a CSRF token, because the request
 * carries its own unguessable token and a forged request could do nothing the token's holder could
 * not: RFC 8058 one-click unsubscribe, where the mail program posts {@code
 * List-Unsubscribe=One-Click} to the link in the mail. Declared as a bean by the module that owns
 * it.
 *
 * @param path the exact path
 */
public record OneClickForm(String path) {

  public OneClickForm {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/") || path.contains("*")) {
      throw new IllegalArgumentException("A one-click form is one exact path: " + path);
    }
  }
}
