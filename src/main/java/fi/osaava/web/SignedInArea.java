package fi.osaava.web;

import java.util.Objects;

/**
 * Paths that hold someone's own data and so need a signed-in user even for GET, declared as a bean
 * by the module that owns them (for example the profile, {@code /profile/**}). Pages redirect an
 * anonymous visitor to the sign-in page; paths under {@code /api/} answer 401 instead.
 *
 * @param pattern a Spring path pattern, such as {@code /profile/**}
 */
public record SignedInArea(String pattern) {

  public SignedInArea {
    Objects.requireNonNull(pattern, "pattern");
    if (!pattern.startsWith("/")) {
      throw new IllegalArgumentException("A signed-in area is a path pattern: " + pattern);
    }
  }
}
