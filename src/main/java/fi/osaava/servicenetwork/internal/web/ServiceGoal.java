package fi.osaava.servicenetwork.internal.web;

import org.jspecify.annotations.Nullable;

/**
 * The third of the recommendation's questions, the person's goal in their own words, as the page
 * and the API take it: optional, stripped, and cut at {@link #MAX_LENGTH} characters (a goal is a
 * sentence, and the text search it feeds should not take a pasted document).
 */
final class ServiceGoal {

  static final int MAX_LENGTH = 300;

  private ServiceGoal() {}

  static String of(@Nullable String goal) {
    if (goal == null) {
      return "";
    }
    String stripped = goal.strip();
    return stripped.length() > MAX_LENGTH ? stripped.substring(0, MAX_LENGTH) : stripped;
  }
}
