package fi.osaava.labourmarket.internal.ads;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.StorableText;
import fi.osaava.platform.WebAddress;
import fi.osaava.taxonomy.ConceptUri;
import java.io.Closeable;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Streams schema.org {@code JobPosting} objects from JSON-LD: JSON lines (one object per line) or
 * one JSON array. The format is documented in {@code docs/job-ads-jsonld.md}. Every problem names
 * the source, the line where the ad starts and the field.
 */
final class JobPostingReader implements Closeable, Iterator<JobPosting> {

  /** The JSON-LD term of Osaava's synthetic marker. */
  static final String SYNTHETIC = "osaava:synthetic";

  private static final Pattern TAG = Pattern.compile("<[^>]*>");
  private static final Pattern ISCO = Pattern.compile("\\d{4}");

  /** At most this many chosen skills per ad, as for an offering's taught skills in a form. */
  static final int MAX_SKILLS = 100;

  private final String source;
  private final MappingIterator<JsonNode> values;

  JobPostingReader(JsonMapper json, InputStream in, String source) {
    this.source = source;
    try {
      this.values = json.readerFor(JsonNode.class).readValues(in);
    } catch (JacksonException e) {
      throw new InvalidInputException(source, 1, null, "not JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public boolean hasNext() {
    try {
      return values.hasNextValue();
    } catch (JacksonException e) {
      throw new InvalidInputException(
          source, line(e), null, "not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public JobPosting next() {
    JsonNode node;
    long line;
    try {
      node = values.nextValue();
      line = values.currentLocation() == null ? 0 : values.currentLocation().getLineNr();
    } catch (JacksonException e) {
      throw new InvalidInputException(
          source, line(e), null, "not valid JSON: " + e.getOriginalMessage(), e);
    }
    return parse(node, source, line);
  }

  private static long line(JacksonException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  static JobPosting parse(JsonNode node, String source, long line) {
    if (!node.isObject()) {
      throw new InvalidInputException(source, line, null, "a JobPosting object is expected");
    }
    Optional<String> unstorable = StorableText.unstorableField(node);
    if (unstorable.isPresent()) {
      throw new InvalidInputException(source, line, unstorable.get(), StorableText.PROBLEM);
    }
    String type = node.path("@type").asString("");
    if (!type.equals("JobPosting")) {
      throw new InvalidInputException(
          source, line, "@type", "must be \"JobPosting\", was \"" + type + "\"");
    }
    String identifier = identifier(node.get("identifier"));
    if (identifier == null) {
      throw new InvalidInputException(
          source, line, "identifier", "the ad's identifier at its source is required");
    }
    if (identifier.length() > 500) {
      throw new InvalidInputException(source, line, "identifier", "longer than 500 characters");
    }
    String title = text(node.get("title"));
    if (title == null) {
      throw new InvalidInputException(source, line, "title", "a title is required");
    }
    String description = text(node.get("description"));
    if (description == null) {
      throw new InvalidInputException(source, line, "description", "a description is required");
    }
    description = TAG.matcher(description).replaceAll(" ").replaceAll("[ \\t]+", " ").strip();
    LocalDate posted = date(node.get("datePosted"), source, line, "datePosted");
    if (posted == null) {
      throw new InvalidInputException(source, line, "datePosted", "the posting date is required");
    }
    LocalDate validThrough = date(node.get("validThrough"), source, line, "validThrough");
    if (validThrough != null && validThrough.isBefore(posted)) {
      throw new InvalidInputException(
          source, line, "validThrough", "before datePosted (" + posted + ")");
    }
    Language language = null;
    String inLanguage = text(node.get("inLanguage"));
    if (inLanguage != null) {
      language =
          Language.fromCode(inLanguage)
              .orElseThrow(
                  () ->
                      new InvalidInputException(
                          source,
                          line,
                          "inLanguage",
                          "use fi, sv, en or no, was \"" + inLanguage + "\""));
    }
    String occupation = occupationalCategory(node.get("occupationalCategory"));
    if (occupation != null
        && !ISCO.matcher(occupation).matches()
        && !ConceptUri.isEsco(occupation)) {
      // A free-text category is still a useful hint for identification, but no code.
      occupation = null;
    }
    JsonNode location = node.get("jobLocation");
    if (location != null && location.isArray()) {
      location = location.isEmpty() ? null : location.get(0);
    }
    JsonNode address = location == null ? null : location.path("address");
    String locality = address == null ? null : text(address.get("addressLocality"));
    String region = address == null ? null : text(address.get("addressRegion"));
    boolean remote =
        "TELECOMMUTE".equalsIgnoreCase(node.path("jobLocationType").asString(""))
            || node.path("applicantLocationRequirements").isObject();
    JsonNode employer = node.get("hiringOrganization");
    String employerName =
        employer == null ? null : employer.isObject() ? text(employer.get("name")) : text(employer);
    // The organisation's id, as an offering's provider.@id: the organisation whose editors may
    // edit the ad on the publishing pages.
    String organisation =
        employer != null && employer.isObject() ? text(employer.get("@id")) : null;
    if (organisation != null && organisation.length() > 500) {
      throw new InvalidInputException(
          source, line, "hiringOrganization.@id", "longer than 500 characters");
    }
    String url = text(node.get("url"));
    if (url != null && (url.length() > 2000 || !WebAddress.isHttp(url))) {
      throw new InvalidInputException(
          source, line, "url", WebAddress.PROBLEM + ", was \"" + shorten(url) + "\"");
    }
    java.util.List<String> skills = skills(node.get("skills"), source, line);
    JsonNode synthetic = node.get(SYNTHETIC);
    if (synthetic != null && !synthetic.isBoolean()) {
      throw new InvalidInputException(source, line, SYNTHETIC, "true or false expected");
    }
    return new JobPosting(
        line,
        identifier,
        title,
        description,
        language,
        employerName,
        occupation,
        locality,
        region,
        remote,
        posted,
        validThrough,
        synthetic != null && synthetic.booleanValue(),
        organisation,
        url,
        skills);
  }

  /**
   * The ESCO skills the publisher chose: schema.org {@code skills} as {@code DefinedTerm}s with an
   * ESCO skill {@code @id}, or as the URIs themselves. Free text (schema.org also allows "Java,
   * SQL") is no choice of a skill and is ignored, as the description is read for skills anyway; an
   * address that is no ESCO skill is refused.
   */
  private static java.util.List<String> skills(@Nullable JsonNode node, String source, long line) {
    java.util.Set<String> uris = new java.util.LinkedHashSet<>();
    if (node == null || node.isNull()) {
      return java.util.List.of();
    }
    Iterable<JsonNode> values = node.isArray() ? node : java.util.List.of(node);
    for (JsonNode value : values) {
      String uri = value.isObject() ? text(value.get("@id")) : text(value);
      if (uri == null || (!value.isObject() && !uri.startsWith("http"))) {
        continue;
      }
      if (!ConceptUri.isEscoSkill(uri) || uri.length() > 200) {
        throw new InvalidInputException(
            source, line, "skills", "an ESCO skill URI is expected, was \"" + shorten(uri) + "\"");
      }
      uris.add(uri);
    }
    if (uris.size() > MAX_SKILLS) {
      throw new InvalidInputException(
          source, line, "skills", "at most " + MAX_SKILLS + " skills, were " + uris.size());
    }
    return java.util.List.copyOf(uris);
  }

  private static String shorten(String text) {
    return text.length() > 80 ? text.substring(0, 80) + "…" : text;
  }

  private static @Nullable String identifier(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isObject()) {
      return text(node.get("value"));
    }
    return text(node);
  }

  private static @Nullable String occupationalCategory(@Nullable JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      return node.isEmpty() ? null : occupationalCategory(node.get(0));
    }
    if (node.isObject()) {
      String code = text(node.get("codeValue"));
      return code != null ? code : text(node.get("@id"));
    }
    return text(node);
  }

  private static @Nullable String text(@Nullable JsonNode node) {
    if (node == null || node.isNull() || node.isContainer()) {
      return null;
    }
    String value = node.asString().strip();
    return value.isEmpty() ? null : value;
  }

  private static @Nullable LocalDate date(
      @Nullable JsonNode node, String source, long line, String field) {
    String value = text(node);
    if (value == null) {
      return null;
    }
    try {
      if (value.length() == 10) {
        return LocalDate.parse(value);
      }
      return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toLocalDate();
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(
          source, line, field, "an ISO 8601 date or date-time is expected, was \"" + value + "\"");
    }
  }

  @Override
  public void close() {
    values.close();
  }
}
