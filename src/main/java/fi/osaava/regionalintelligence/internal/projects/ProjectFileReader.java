package fi.osaava.regionalintelligence.internal.projects;

import fi.osaava.platform.CsvReader;
import fi.osaava.platform.CsvRecord;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.regionalintelligence.internal.projects.ProjectChecks.Bad;
import fi.osaava.regionalintelligence.internal.projects.ProjectChecks.Field;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Actor;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Dataset;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Project;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.RawActor;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.RawPartner;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.RawProject;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads actors and projects from the CSV or JSON import format ({@code
 * docs/regional-intelligence.md}) and checks every record: the whole file or nothing. A refusal
 * names the first bad record's line and field and counts the others.
 *
 * <p>CSV has one row per partner of a project; a project's own columns repeat on its rows (or are
 * left empty after its first row) and must agree, and so must an actor's. JSON is an object with
 * {@code actors} and {@code projects} arrays.
 */
public final class ProjectFileReader {

  /** The CSV columns, in the order the documentation lists them. */
  public static final List<String> CSV_COLUMNS =
      List.of(
          "project_id",
          "project_name",
          "start",
          "end",
          "funding_eur",
          "funding_source",
          "region",
          "themes",
          "actor_id",
          "actor_name",
          "actor_kind",
          "business_id",
          "role");

  private static final Map<Field, String> CSV_NAMES =
      Map.ofEntries(
          Map.entry(Field.KEY, "project_id"),
          Map.entry(Field.NAME, "project_name"),
          Map.entry(Field.START, "start"),
          Map.entry(Field.END, "end"),
          Map.entry(Field.FUNDING, "funding_eur"),
          Map.entry(Field.FUNDING_SOURCE, "funding_source"),
          Map.entry(Field.REGION, "region"),
          Map.entry(Field.THEMES, "themes"),
          Map.entry(Field.PARTNERS, "actor_id"),
          Map.entry(Field.ACTOR, "actor_id"),
          Map.entry(Field.ROLE, "role"),
          Map.entry(Field.ACTOR_KEY, "actor_id"),
          Map.entry(Field.ACTOR_NAME, "actor_name"),
          Map.entry(Field.KIND, "actor_kind"),
          Map.entry(Field.BUSINESS_ID, "business_id"));

  private static final Map<Field, String> JSON_NAMES =
      Map.ofEntries(
          Map.entry(Field.KEY, "id"),
          Map.entry(Field.NAME, "name"),
          Map.entry(Field.START, "start"),
          Map.entry(Field.END, "end"),
          Map.entry(Field.FUNDING, "fundingEur"),
          Map.entry(Field.FUNDING_SOURCE, "fundingSource"),
          Map.entry(Field.REGION, "region"),
          Map.entry(Field.THEMES, "themes"),
          Map.entry(Field.PARTNERS, "partners"),
          Map.entry(Field.ACTOR, "partners.actor"),
          Map.entry(Field.ROLE, "partners.role"),
          Map.entry(Field.ACTOR_KEY, "id"),
          Map.entry(Field.ACTOR_NAME, "name"),
          Map.entry(Field.KIND, "kind"),
          Map.entry(Field.BUSINESS_ID, "businessId"));

  private ProjectFileReader() {}

  /** Whether the content is JSON (it starts with an object or array), else CSV. */
  public static boolean isJson(byte[] input) {
    for (byte b : input) {
      if (b == '{' || b == '[') {
        return true;
      }
      if (!Character.isWhitespace(b) && b != (byte) 0xEF && b != (byte) 0xBB && b != (byte) 0xBF) {
        return false;
      }
    }
    return false;
  }

  /**
   * @param registered whether an actor key is already registered for the importing organisation (a
   *     project may name it without repeating it)
   * @throws InvalidInputException naming the first bad record's line and field
   */
  public static Dataset read(
      byte[] input, String source, ProjectChecks checks, Predicate<String> registered) {
    return isJson(input)
        ? json(input, source, checks, registered)
        : csv(input, source, checks, registered);
  }

  private static Dataset csv(
      byte[] input, String source, ProjectChecks checks, Predicate<String> registered) {
    Errors errors = new Errors(source, CSV_NAMES);
    Map<String, RawActor> actors = new LinkedHashMap<>();
    Map<String, RawProject> projects = new LinkedHashMap<>();
    try (CsvReader reader = CsvReader.open(new ByteArrayInputStream(input), source)) {
      reader.requireColumns(Set.copyOf(CSV_COLUMNS));
      CsvRecord row;
      while ((row = reader.next()) != null) {
        long line = row.line();
        try {
          String actorKey = value(row, "actor_id");
          String actorName = value(row, "actor_name");
          String kind = value(row, "actor_kind");
          String businessId = value(row, "business_id");
          RawActor before = actors.get(actorKey);
          if (before == null) {
            // A row may name an actor registered earlier by its id alone.
            if (!actorKey.isEmpty() && !(actorName.isEmpty() && registered.test(actorKey))) {
              actors.put(actorKey, new RawActor(line, actorKey, actorName, kind, businessId));
            }
          } else {
            agree(Field.ACTOR_NAME, before.name(), actorName);
            agree(Field.KIND, before.kind(), kind);
            agree(Field.BUSINESS_ID, before.businessId(), businessId);
          }
          String projectKey = value(row, "project_id");
          RawPartner partner = new RawPartner(actorKey, value(row, "role"));
          RawProject project = projects.get(projectKey);
          List<String> themes =
              Arrays.stream(value(row, "themes").split("\\|"))
                  .map(String::strip)
                  .filter(t -> !t.isEmpty())
                  .toList();
          if (project == null) {
            List<RawPartner> partners = new ArrayList<>();
            partners.add(partner);
            projects.put(
                projectKey,
                new RawProject(
                    line,
                    projectKey,
                    value(row, "project_name"),
                    value(row, "start"),
                    value(row, "end"),
                    value(row, "funding_eur"),
                    value(row, "funding_source"),
                    value(row, "region"),
                    themes,
                    partners));
          } else {
            agree(Field.NAME, project.name(), value(row, "project_name"));
            agree(Field.START, project.start(), value(row, "start"));
            agree(Field.END, project.end(), value(row, "end"));
            agree(Field.FUNDING, project.funding(), value(row, "funding_eur"));
            agree(Field.FUNDING_SOURCE, project.fundingSource(), value(row, "funding_source"));
            agree(Field.REGION, project.region(), value(row, "region"));
            if (!themes.isEmpty() && !themes.equals(project.themes())) {
              throw new Bad(
                  Field.THEMES,
                  "disagree",
                  "differs from the project's first row (line " + project.line() + ")");
            }
            project.partners().add(partner);
          }
        } catch (Bad bad) {
          errors.add(line, bad);
        }
      }
    }
    return check(actors.values(), projects.values(), checks, registered, errors);
  }

  private static String value(CsvRecord row, String column) {
    String v = row.get(column);
    return v == null ? "" : v.strip();
  }

  /** A repeated column is left empty or repeats the first row's value. */
  private static void agree(Field field, @Nullable String first, String again) {
    if (!again.isEmpty() && !again.equals(first)) {
      throw new Bad(field, "disagree", "differs from the value on the first row of the same id");
    }
  }

  private static Dataset json(
      byte[] input, String source, ProjectChecks checks, Predicate<String> registered) {
    Errors errors = new Errors(source, JSON_NAMES);
    List<RawActor> actors = new ArrayList<>();
    List<RawProject> projects = new ArrayList<>();
    try (JsonParser parser = JsonMapper.shared().createParser(input)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new InvalidInputException(
            source, 1, null, "a JSON object with \"actors\" and \"projects\" arrays is expected");
      }
      while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
        String name = parser.currentName();
        JsonToken value = parser.nextToken();
        long line = parser.currentTokenLocation().getLineNr();
        if (!name.equals("actors") && !name.equals("projects")) {
          throw new InvalidInputException(
              source, line, name, "unknown property: only \"actors\" and \"projects\"");
        }
        if (value != JsonToken.START_ARRAY) {
          throw new InvalidInputException(source, line, name, "must be an array");
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          long at = parser.currentTokenLocation().getLineNr();
          JsonNode node = parser.readValueAsTree();
          if (!node.isObject()) {
            throw new InvalidInputException(source, at, name, "each element must be an object");
          }
          if (name.equals("actors")) {
            actors.add(
                new RawActor(
                    at,
                    string(node, "id"),
                    string(node, "name"),
                    string(node, "kind"),
                    string(node, "businessId")));
          } else {
            List<String> themes = new ArrayList<>();
            node.path("themes").forEach(t -> themes.add(t.isValueNode() ? t.asString() : ""));
            List<RawPartner> partners = new ArrayList<>();
            node.path("partners")
                .forEach(p -> partners.add(new RawPartner(string(p, "actor"), string(p, "role"))));
            projects.add(
                new RawProject(
                    at,
                    string(node, "id"),
                    string(node, "name"),
                    string(node, "start"),
                    string(node, "end"),
                    string(node, "fundingEur"),
                    string(node, "fundingSource"),
                    string(node, "region"),
                    themes,
                    partners));
          }
        }
      }
      if (parser.nextToken() != null) {
        throw new InvalidInputException(
            source,
            parser.currentTokenLocation().getLineNr(),
            null,
            "unexpected content after the end of the JSON document");
      }
    } catch (JacksonException e) {
      long line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
      throw new InvalidInputException(
          source, line, null, "not valid JSON: " + e.getOriginalMessage());
    }
    Map<String, RawActor> byKey = new LinkedHashMap<>();
    for (RawActor a : actors) {
      if (a.key() != null && byKey.putIfAbsent(a.key().strip(), a) != null) {
        errors.add(a.line(), new Bad(Field.ACTOR_KEY, "twice", "the same id comes twice"));
      }
    }
    return check(actors, projects, checks, registered, errors);
  }

  private static @Nullable String string(JsonNode node, String field) {
    JsonNode v = node.get(field);
    return v == null || v.isNull() || !v.isValueNode() ? null : v.asString();
  }

  private static Dataset check(
      Iterable<RawActor> rawActors,
      Iterable<RawProject> rawProjects,
      ProjectChecks checks,
      Predicate<String> registered,
      Errors errors) {
    List<Actor> actors = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    for (RawActor raw : rawActors) {
      try {
        Actor actor = checks.actor(raw);
        actors.add(actor);
        keys.add(actor.key());
      } catch (Bad bad) {
        errors.add(raw.line(), bad);
        if (raw.key() != null) {
          keys.add(raw.key().strip());
        }
      }
    }
    List<Project> projects = new ArrayList<>();
    Set<String> projectKeys = new HashSet<>();
    for (RawProject raw : rawProjects) {
      try {
        Project project = checks.project(raw, k -> keys.contains(k) || registered.test(k));
        if (!projectKeys.add(project.key())) {
          throw new Bad(Field.KEY, "twice", "the same id comes twice");
        }
        projects.add(project);
      } catch (Bad bad) {
        errors.add(raw.line(), bad);
      }
    }
    errors.throwIfAny();
    return new Dataset(actors, projects);
  }

  /**
   * One bad record: its line, the column or property as the file names it, the problem's message
   * key suffix ({@code ri.pr.error.<code>}) and its text in English.
   */
  public record Problem(long line, String field, String code, String text) {}

  /**
   * The refusal of a file whose records were read but did not pass the checks: its message names
   * the first bad record and counts the others (the command line prints it), and {@link
   * #problems()} holds every one, in line order, for the web upload's error summary.
   */
  public static final class ProjectFileException extends InvalidInputException {

    private final transient List<Problem> problems;

    ProjectFileException(String source, List<Problem> problems) {
      super(
          source,
          problems.getFirst().line(),
          problems.getFirst().field(),
          problems.getFirst().text()
              + (problems.size() == 1
                  ? " (nothing was imported)"
                  : " (and " + (problems.size() - 1) + " more bad records; nothing was imported)"));
      this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
      return problems;
    }
  }

  /** Every bad record, so that the refusal names the first and counts the others. */
  private static final class Errors {
    private final String source;
    private final Map<Field, String> names;
    private final List<Problem> all = new ArrayList<>();

    Errors(String source, Map<Field, String> names) {
      this.source = source;
      this.names = names;
    }

    void add(long line, Bad bad) {
      all.add(
          new Problem(
              line, names.getOrDefault(bad.field(), bad.field().name()), bad.code(), bad.text()));
    }

    void throwIfAny() {
      if (all.isEmpty()) {
        return;
      }
      all.sort(Comparator.comparingLong(Problem::line));
      throw new ProjectFileException(source, all);
    }
  }
}
