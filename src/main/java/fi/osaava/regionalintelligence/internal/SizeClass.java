package fi.osaava.regionalintelligence.internal;

import java.util.Optional;

/** The company size classes of the respondent background, by personnel (as Statistics Finland). */
public enum SizeClass {
  MICRO("1-9"),
  SMALL("10-49"),
  MEDIUM("50-249"),
  LARGE("250+");

  private final String personnel;

  SizeClass(String personnel) {
    this.personnel = personnel;
  }

  public String personnel() {
    return personnel;
  }

  public static Optional<SizeClass> of(String name) {
    for (SizeClass s : values()) {
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
