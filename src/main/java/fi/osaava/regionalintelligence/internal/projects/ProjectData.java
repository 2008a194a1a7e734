package fi.osaava.regionalintelligence.internal.projects;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Actors and projects as an import file or a form gives them, before and after checking: the raw
 * text of each field ({@link RawActor}, {@link RawProject}) and the checked values ({@link Actor},
 * {@link Project}). Keys are the owning organisation's own identifiers.
 */
public final class ProjectData {

  private ProjectData() {}

  /** An actor's fields as text, with the line it starts on (0 for a form). */
  public record RawActor(
      long line,
      @Nullable String key,
      @Nullable String name,
      @Nullable String kind,
      @Nullable String businessId) {}

  /** A partner as written: the actor's key and its role in the project. */
  public record RawPartner(@Nullable String actor, @Nullable String role) {}

  /** A project's fields as text, with the line it starts on (0 for a form). */
  public record RawProject(
      long line,
      @Nullable String key,
      @Nullable String name,
      @Nullable String start,
      @Nullable String end,
      @Nullable String funding,
      @Nullable String fundingSource,
      @Nullable String region,
      List<String> themes,
      List<RawPartner> partners) {}

  /** A checked actor. */
  public record Actor(String key, String name, ActorKind kind, @Nullable String businessId) {}

  /** A checked partner. */
  public record Partner(String actor, String role) {}

  /**
   * A checked project. Themes are ESCO concept URIs, {@code isco:} occupation-group codes or {@code
   * tag:} free tags.
   */
  public record Project(
      String key,
      String name,
      LocalDate start,
      LocalDate end,
      long fundingEur,
      String fundingSource,
      String region,
      List<String> themes,
      List<Partner> partners) {}

  /** What an import stores: every actor and project of the file, all checked. */
  public record Dataset(List<Actor> actors, List<Project> projects) {}
}
