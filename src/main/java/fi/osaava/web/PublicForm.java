package fi.osaava.web;

import java.util.Objects;

/**
 * A page's form that anyone may submit without signing in, declared as a bean by the module that
 * owns the page (for example the identification page, {@code /identify}). The shell's security then
 * lets POSTs to that path through, still with CSRF protection: the form must carry the token, which
 * Thymeleaf's {@code th:action} adds.
 *
 * @param path the exact path the form posts to, such as {@code /identify}
 */
public record PublicForm(String path) {

  public PublicForm {
    Objects.requireNonNull(path, "path");
    if (!path.startsWith("/") || path.contains("*")) {
      throw new IllegalArgumentException("A public form is one exact path: " + path);
    }
  }
}
