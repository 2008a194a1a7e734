package fi.osaava.guidance.internal.selfassessment;

import fi.osaava.platform.Language;
import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.ServiceType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The self-assessment's content, read once at start from {@code
 * fi/osaava/guidance/self-assessment.json}: six areas, their statements (one of each marked for the
 * quick version), exercises, feedback by score band and what to suggest for a weak area. Checked
 * when read, so that a missing translation or a duplicate id stops the start rather than showing a
 * person an empty line: every text has fi, sv and en. Norwegian pages show the English texts.
 */
@Component
public class SelfAssessmentCatalogue {

  static final String RESOURCE = "/fi/osaava/guidance/self-assessment.json";

  private static final List<String> LANGUAGES = List.of("fi", "sv", "en");

  /** A text in fi, sv and en. */
  public record Text(Map<String, String> byLanguage) {

    /** The text in the language; English for a language the content is not written in. */
    public String in(Language language) {
      String text = byLanguage.get(language.code());
      return text != null ? text : byLanguage.getOrDefault("en", "");
    }
  }

  /** One statement, answered on a scale from 1 to 5. */
  public record Statement(String id, String area, boolean quick, Text text) {}

  /**
   * One area of career-management skills.
   *
   * @param feedback by band: {@code low}, {@code mid} and {@code high}
   * @param educationSearch words to search education offerings with
   */
  public record Area(
      String id,
      Text title,
      Text description,
      List<Statement> statements,
      List<Text> exercises,
      Map<String, Text> feedback,
      ServiceType serviceType,
      LifeSituation lifeSituation,
      Text educationSearch) {

    /** The feedback for a band; the catalogue checks at start that all three are there. */
    public Text feedbackFor(String band) {
      return java.util.Objects.requireNonNull(feedback.get(band), band);
    }
  }

  private final List<Area> areas;
  private final Map<String, Statement> statements;

  SelfAssessmentCatalogue(ObjectMapper json) {
    JsonNode root;
    try (InputStream in = SelfAssessmentCatalogue.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing from the class path");
      }
      root = json.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.areas = root.path("areas").valueStream().map(SelfAssessmentCatalogue::area).toList();
    Map<String, Statement> byId = new LinkedHashMap<>();
    Set<String> areaIds = new HashSet<>();
    for (Area a : areas) {
      check(areaIds.add(a.id()), "area " + a.id() + " twice");
      check(
          a.statements().stream().filter(Statement::quick).count() == 1,
          "area " + a.id() + " needs exactly one quick statement");
      check(!a.exercises().isEmpty(), "area " + a.id() + " has no exercises");
      for (Statement s : a.statements()) {
        check(byId.put(s.id(), s) == null, "statement " + s.id() + " twice");
      }
    }
    check(areas.size() == 6, "six areas expected, found " + areas.size());
    this.statements = Map.copyOf(byId);
  }

  /** The six areas, in order. */
  public List<Area> areas() {
    return areas;
  }

  /** The statements of a version, in order. */
  public List<Statement> statements(Version version) {
    return areas.stream()
        .flatMap(a -> a.statements().stream())
        .filter(s -> version == Version.FULL || s.quick())
        .toList();
  }

  /** A statement by its id, of any version. */
  public Optional<Statement> statement(String id) {
    return Optional.ofNullable(statements.get(id));
  }

  /** An area by its id. */
  public Optional<Area> area(String id) {
    return areas.stream().filter(a -> a.id().equals(id)).findFirst();
  }

  /** Scores the answers: each area's mean over its answered statements, in area order. */
  public Result score(Answers answers) {
    List<Result.AreaScore> scores = new java.util.ArrayList<>();
    for (Area a : areas) {
      a.statements().stream()
          .map(s -> answers.values().get(s.id()))
          .filter(java.util.Objects::nonNull)
          .mapToInt(Integer::intValue)
          .average()
          .ifPresent(mean -> scores.add(new Result.AreaScore(a, mean, Result.band(mean))));
    }
    return Result.of(answers.version(), answers.completedAt(), scores);
  }

  private static Area area(JsonNode a) {
    String id = required(a, "id");
    JsonNode feedback = a.path("feedback");
    Map<String, Text> bands = new LinkedHashMap<>();
    for (String band : List.of("low", "mid", "high")) {
      bands.put(band, text(feedback.path(band), id + ".feedback." + band));
    }
    return new Area(
        id,
        text(a.path("title"), id + ".title"),
        text(a.path("description"), id + ".description"),
        a.path("statements")
            .valueStream()
            .map(
                s ->
                    new Statement(
                        required(s, "id"),
                        id,
                        s.path("quick").asBoolean(false),
                        text(s.path("text"), id + "." + required(s, "id"))))
            .toList(),
        a.path("exercises").valueStream().map(e -> text(e, id + ".exercise")).toList(),
        Map.copyOf(bands),
        ServiceType.valueOf(required(a, "serviceType")),
        LifeSituation.valueOf(required(a, "lifeSituation")),
        text(a.path("educationSearch"), id + ".educationSearch"));
  }

  private static Text text(JsonNode node, String where) {
    Map<String, String> texts = new LinkedHashMap<>();
    for (String language : LANGUAGES) {
      String value = node.path(language).asString("").strip();
      check(!value.isEmpty(), where + " lacks the " + language + " text");
      texts.put(language, value);
    }
    return new Text(Map.copyOf(texts));
  }

  private static String required(JsonNode node, String field) {
    String value = node.path(field).asString("").strip();
    check(!value.isEmpty(), "a value for '" + field + "' is missing");
    return value;
  }

  private static void check(boolean ok, String problem) {
    if (!ok) {
      throw new IllegalStateException(RESOURCE + ": " + problem);
    }
  }
}
