package fi.osaava;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Tests that need a Debian package (Voikko, Chromium): on a developer's machine a missing one skips
 * the test, but under CI ({@code CI=true}, as {@code .ci/run} runs) it fails it, so a green CI
 * cannot hide tests that never ran.
 */
public final class SystemPackages {

  private SystemPackages() {}

  /** Whether this run is CI's. */
  public static boolean underCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /**
   * Skips the calling test when {@code present} is false, or fails it under CI.
   *
   * @param what the missing piece and the package that brings it, for the message
   */
  public static void require(boolean present, String what) {
    require(present, what, underCi());
  }

  static void require(boolean present, String what, boolean ci) {
    if (present) {
      return;
    }
    if (ci) {
      fail(what + " is missing, and under CI=true that fails the test instead of skipping it");
    }
    Assumptions.abort(what + " is missing; test skipped");
  }
}
