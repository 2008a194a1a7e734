package fi.osaava.programmes.internal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The forms of the workplace-learning pages, each checked with {@code @Valid}. */
final class TeamForms {

  private TeamForms() {}

  /** A new team's name. */
  record CreateTeam(@NotBlank @Size(max = 200) String name) {}

  /** Addresses to invite, one a line. */
  record Invite(@NotBlank @Size(max = 20_000) String emails) {}

  /** A package assigned with its target date (the design system's three date fields) and reason. */
  record Assign(
      @NotBlank @Size(max = 80) String pkg,
      @Size(max = 2) String day,
      @Size(max = 2) String month,
      @Size(max = 4) String year,
      @NotBlank @Size(max = 1000) String reason) {}

  /** An invitation's token, typed or from its link. */
  record Join(@NotBlank @Size(max = 100) String token) {}
}
