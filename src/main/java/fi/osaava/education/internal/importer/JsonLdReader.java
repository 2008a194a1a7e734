package fi.osaava.education.internal.importer;

import fi.osaava.education.EducationLevel;
import fi.osaava.education.internal.importer.OfferingRecord.ImplementationRecord;
import fi.osaava.education.internal.importer.OfferingRecord.OfferingKind;
import fi.osaava.platform.Language;
import fi.osaava.platform.StorableText;
import fi.osaava.platform.WebAddress;
import fi.osaava.taxonomy.ConceptUri;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads schema.org JSON-LD from private providers and MOOC platforms: {@code Course} and {@code
 * EducationalOccupationalProgram} nodes (one, an array, or an {@code @graph}) with their {@code
 * CourseInstance}s. The format is written up in {@code docs/education-jsonld.md}. A malformed
 * record is located by the line its object starts on.
 */
public final class JsonLdReader {

  public static final String SOURCE = "jsonld";

  private JsonLdReader() {}

  public static ReadResult read(Path file, Function<String, Optional<String>> municipalityByName) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.getFileName().toString(), municipalityByName);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  public static ReadResult read(
      InputStream in, String name, Function<String, Optional<String>> municipalityByName) {
    ReadResult result = new ReadResult(SOURCE);
    List<Located> nodes;
    try (JsonParser parser = JsonMapper.shared().createParser(in)) {
      nodes = nodes(parser);
      if (nodes == null) {
        result.error(name, 1, "(document)", "empty: a JSON-LD document is expected");
        return result;
      }
    } catch (JacksonException e) {
      long line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
      result.error(name, line, "(document)", "not valid JSON: " + e.getOriginalMessage());
      return result;
    }
    for (Located located : nodes) {
      try {
        Optional<String> unstorable = StorableText.unstorableField(located.node());
        if (unstorable.isPresent()) {
          throw new MalformedRecordException(unstorable.get(), StorableText.PROBLEM);
        }
        result.add(offering(located.node(), municipalityByName), name, located.line());
      } catch (MalformedRecordException e) {
        result.error(name, located.line(), e.field(), e.problem());
      }
    }
    return result;
  }

  /** A node of the document and the line its object starts on. */
  private record Located(JsonNode node, long line) {}

  /**
   * The document's nodes: one object, an array of them, or an object's {@code @graph}; null for an
   * empty document.
   */
  private static @Nullable List<Located> nodes(JsonParser parser) {
    JsonToken first = parser.nextToken();
    if (first == null) {
      return null;
    }
    if (first == JsonToken.START_ARRAY) {
      return elements(parser);
    }
    long line = parser.currentTokenLocation().getLineNr();
    if (first != JsonToken.START_OBJECT) {
      return List.of(new Located(parser.readValueAsTree(), line));
    }
    ObjectNode root = JsonMapper.shared().createObjectNode();
    List<Located> graph = null;
    while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
      String property = parser.currentName();
      if (parser.nextToken() == JsonToken.START_ARRAY && property.equals("@graph")) {
        graph = elements(parser);
      } else {
        root.set(property, (JsonNode) parser.readValueAsTree());
      }
    }
    return graph != null ? graph : List.of(new Located(root, line));
  }

  /** The elements of the array whose start the parser is on, each with its first line. */
  private static List<Located> elements(JsonParser parser) {
    List<Located> nodes = new ArrayList<>();
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      long line = parser.currentTokenLocation().getLineNr();
      nodes.add(new Located(parser.readValueAsTree(), line));
    }
    return nodes;
  }

  private static OfferingRecord offering(
      JsonNode node, Function<String, Optional<String>> municipalityByName) {
    if (!node.isObject()) {
      throw new MalformedRecordException("(record)", "must be a JSON object");
    }
    String type = node.path("@type").asString("");
    OfferingKind kind =
        switch (type) {
          case "Course" -> OfferingKind.COURSE;
          case "EducationalOccupationalProgram" -> OfferingKind.PROGRAMME;
          default ->
              throw new MalformedRecordException(
                  "@type", "expected Course or EducationalOccupationalProgram, got '" + type + "'");
        };
    String id = JsonFields.text(node, "@id");
    if (id == null) {
      id = JsonFields.text(node, "identifier");
    }
    if (id == null || id.length() > 500) {
      throw new MalformedRecordException("@id", "missing (or longer than 500 characters)");
    }
    Language defaultLanguage =
        Language.fromCode(JsonFields.text(node, "inLanguage")).orElse(Language.FI);
    Map<Language, String> name = texts(node.get("name"), defaultLanguage, "name");
    if (name.isEmpty()) {
      throw new MalformedRecordException("name", "missing");
    }
    EducationLevel level = level(node, kind);
    BigDecimal credits = credits(node.get("numberOfCredits"));
    Integer months = months(JsonFields.text(node, "timeRequired"), "timeRequired");
    List<String> teaches = new ArrayList<>();
    for (JsonNode skill : array(node.get("teaches"))) {
      String uri = skill.isString() ? skill.stringValue() : JsonFields.text(skill, "@id");
      if (uri == null || !ConceptUri.isEscoSkill(uri)) {
        throw new MalformedRecordException("teaches", "expected ESCO skill URIs, got " + skill);
      }
      teaches.add(uri);
    }
    List<Map<Language, String>> outcomes = new ArrayList<>();
    for (JsonNode outcome : array(node.get("competencyRequired"))) {
      Map<Language, String> text = texts(outcome, defaultLanguage, "competencyRequired");
      if (!text.isEmpty()) {
        outcomes.add(text);
      }
    }
    JsonNode provider = node.get("provider");
    List<ImplementationRecord> implementations = new ArrayList<>();
    for (JsonNode instance : array(node.get("hasCourseInstance"))) {
      implementations.add(instance(instance, provider, defaultLanguage, municipalityByName));
    }
    return new OfferingRecord(
        SOURCE,
        id,
        kind,
        level,
        null,
        name,
        texts(node.get("description"), defaultLanguage, "description"),
        List.copyOf(texts(node.get("alternateName"), defaultLanguage, "alternateName").values()),
        JsonFields.text(node, "educationalFieldCode"),
        integer(node, "eqfLevel"),
        integer(node, "eqfLevel"),
        null,
        credits,
        credits == null ? null : creditUnit(node.get("numberOfCredits")),
        months,
        webAddress(node, "url"),
        false,
        outcomes,
        implementations,
        teaches);
  }

  private static ImplementationRecord instance(
      JsonNode node,
      @Nullable JsonNode courseProvider,
      Language defaultLanguage,
      Function<String, Optional<String>> municipalityByName) {
    String mode =
        switch (node.path("courseMode").asString("onsite").toLowerCase(Locale.ROOT)) {
          case "online", "distance", "distancelearning" -> "ONLINE";
          case "blended", "mixed", "hybrid" -> "BLENDED";
          case "onsite", "on-site", "inperson", "in-person" -> "ON_SITE";
          default ->
              throw new MalformedRecordException(
                  "hasCourseInstance.courseMode", "expected online, onsite or blended");
        };
    List<String> municipalities = new ArrayList<>();
    for (JsonNode location : array(node.get("location"))) {
      String locality = JsonFields.text(location.path("address"), "addressLocality");
      if (locality == null) {
        continue;
      }
      municipalities.add(
          municipalityByName
              .apply(locality)
              .orElseThrow(
                  () ->
                      new MalformedRecordException(
                          "hasCourseInstance.location.address.addressLocality",
                          "not a Finnish municipality: " + locality)));
    }
    List<String> languages = new ArrayList<>();
    for (JsonNode language : array(node.get("inLanguage"))) {
      languages.add(
          Language.fromCode(language.asString(""))
              .orElseThrow(
                  () ->
                      new MalformedRecordException(
                          "hasCourseInstance.inLanguage", "unknown language " + language))
              .code());
    }
    if (languages.isEmpty()) {
      languages.add(defaultLanguage.code());
    }
    JsonNode provider = node.has("provider") ? node.get("provider") : courseProvider;
    JsonNode offers = node.path("offers");
    BigDecimal cost = null;
    if (offers.has("price")) {
      JsonNode price = offers.get("price");
      try {
        cost = price.isNumber() ? price.decimalValue() : new BigDecimal(price.asString(""));
      } catch (NumberFormatException e) {
        throw new MalformedRecordException("hasCourseInstance.offers.price", "not a number");
      }
      if (cost.signum() < 0) {
        throw new MalformedRecordException(
            "hasCourseInstance.offers.price", "must not be negative");
      }
    } else if (node.path("isAccessibleForFree").asBoolean(false)) {
      cost = BigDecimal.ZERO;
    }
    LocalDate start = date(JsonFields.text(node, "startDate"), "hasCourseInstance.startDate");
    LocalDate end = date(JsonFields.text(node, "endDate"), "hasCourseInstance.endDate");
    if (start != null && end != null && end.isBefore(start)) {
      throw new MalformedRecordException("hasCourseInstance.endDate", "before the startDate");
    }
    return new ImplementationRecord(
        JsonFields.text(node, "@id"),
        texts(node.get("name"), defaultLanguage, "hasCourseInstance.name"),
        provider == null ? null : JsonFields.text(provider, "@id"),
        provider == null ? Map.of() : texts(provider.get("name"), defaultLanguage, "provider.name"),
        null,
        municipalities,
        languages,
        mode,
        JsonFields.text(node, "courseSchedule"),
        cost,
        start,
        end,
        instant(JsonFields.text(offers, "validFrom"), "hasCourseInstance.offers.validFrom"),
        instant(JsonFields.text(offers, "validThrough"), "hasCourseInstance.offers.validThrough"),
        webAddress(node, "hasCourseInstance.url"));
  }

  /** A link shown to citizens: only http(s), never {@code javascript:} and the like. */
  private static @Nullable String webAddress(JsonNode node, String field) {
    String address = JsonFields.text(node, "url");
    if (address != null && !WebAddress.isHttp(address)) {
      throw new MalformedRecordException(field, WebAddress.PROBLEM);
    }
    return address;
  }

  private static EducationLevel level(JsonNode node, OfferingKind kind) {
    String stated = JsonFields.text(node, "educationalLevel");
    if (stated != null) {
      String normalised = stated.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
      try {
        return EducationLevel.valueOf(normalised);
      } catch (IllegalArgumentException e) {
        throw new MalformedRecordException(
            "educationalLevel", "expected one of DEGREE, SHORT_COURSE, MOOC, …, got " + stated);
      }
    }
    return kind == OfferingKind.COURSE ? EducationLevel.SHORT_COURSE : EducationLevel.DEGREE;
  }

  /** A plain string (in the record's language), a language map, or JSON-LD value objects. */
  private static Map<Language, String> texts(
      @Nullable JsonNode node, Language language, String field) {
    Map<Language, String> texts = new EnumMap<>(Language.class);
    if (node == null || node.isNull()) {
      return texts;
    }
    if (node.isString()) {
      texts.put(language, node.stringValue());
    } else if (node.isArray()) {
      for (JsonNode value : node) {
        Language l = Language.fromCode(JsonFields.text(value, "@language")).orElse(language);
        String text = value.isString() ? value.stringValue() : JsonFields.text(value, "@value");
        if (text != null) {
          texts.putIfAbsent(l, text);
        }
      }
    } else if (node.isObject() && node.has("@value")) {
      Language l = Language.fromCode(JsonFields.text(node, "@language")).orElse(language);
      texts.put(l, JsonFields.text(node, "@value"));
    } else if (node.isObject()) {
      texts.putAll(JsonFields.languages(node, false));
    } else {
      throw new MalformedRecordException(field, "expected text");
    }
    texts.values().removeIf(t -> t == null || t.isBlank());
    texts.replaceAll((l, t) -> t.length() > 20_000 ? t.substring(0, 20_000) : t);
    return texts;
  }

  private static List<JsonNode> array(@Nullable JsonNode node) {
    List<JsonNode> nodes = new ArrayList<>();
    if (node == null || node.isNull()) {
      return nodes;
    }
    if (node.isArray()) {
      node.forEach(nodes::add);
    } else {
      nodes.add(node);
    }
    return nodes;
  }

  private static @Nullable BigDecimal credits(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    JsonNode value = node.isObject() ? node.get("value") : node;
    if (value == null || !value.isNumber() || value.decimalValue().signum() < 0) {
      throw new MalformedRecordException("numberOfCredits", "expected a number of credits ≥ 0");
    }
    return value.decimalValue();
  }

  /**
   * The unit of {@code numberOfCredits}: {@code credits} (ECTS, the default) or {@code competence
   * points} (vocational), from {@code {"value": n, "unitText": …}}. Both count as credits in the
   * extent facet, as the national sources do.
   */
  private static String creditUnit(JsonNode node) {
    String unit = node.isObject() ? JsonFields.text(node, "unitText") : null;
    if (unit == null) {
      return "credits";
    }
    return switch (unit.toLowerCase(Locale.ROOT)) {
      case "credits" -> "credits";
      case "competence points" -> "competence points";
      default ->
          throw new MalformedRecordException(
              "numberOfCredits.unitText", "expected credits or competence points");
    };
  }

  private static @Nullable Integer integer(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isInt() || value.intValue() < 1 || value.intValue() > 8) {
      throw new MalformedRecordException(field, "expected a level 1–8");
    }
    return value.intValue();
  }

  private static @Nullable Integer months(@Nullable String duration, String field) {
    if (duration == null) {
      return null;
    }
    try {
      Period period = Period.parse(duration);
      return (int) Math.max(1, Math.round(period.toTotalMonths() + period.getDays() / 30.0));
    } catch (DateTimeParseException e) {
      throw new MalformedRecordException(field, "expected an ISO 8601 period such as P3M");
    }
  }

  private static @Nullable LocalDate date(@Nullable String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new MalformedRecordException(field, "expected a date such as 2026-01-15");
    }
  }

  private static @Nullable Instant instant(@Nullable String text, String field) {
    if (text == null) {
      return null;
    }
    try {
      return text.length() == 10
          ? LocalDate.parse(text).atStartOfDay(java.time.ZoneId.of("Europe/Helsinki")).toInstant()
          : OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new MalformedRecordException(field, "expected a date or date-time with offset");
    }
  }
}
