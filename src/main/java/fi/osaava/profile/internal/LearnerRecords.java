package fi.osaava.profile.internal;

import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifiedConcept;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.platform.Directories;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.PersonId;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Imports learner records: Open Badges 3.0 credentials (JSON, or as a VC-JWT), European Learning
 * Model / Europass digital credentials (JSON-LD) and Finnish national competence badges
 * (osaamismerkit, recognised through their code URI or ePerusteet id against the national
 * definitions in the reference data). Each skill in a credential becomes a verified profile skill
 * with the credential's issuer: ESCO skills the credential names (alignments, {@code
 * relatedESCOSkill}) directly; for a national badge the skills the engine finds in its official
 * competence objectives, assessment criteria and the credential's own description; otherwise the
 * skills the engine finds in the achievement's own description. Skills found by the engine are
 * marked {@code identified}, and their evidence is the words they were found in. The signature
 * status is stored honestly: checked only for a VC-JWT whose key is embedded or a {@code did:jwk};
 * a Data Integrity proof is reported as not checked.
 */
@Service
public class LearnerRecords {

  public static final int MAX_BYTES = 1_000_000;

  private static final Pattern ESCO_SKILL =
      Pattern.compile("http://data\\.europa\\.eu/esco/skill/[0-9a-f]{8}-[0-9a-f-]{27}");
  private static final Pattern BADGE_CODE = Pattern.compile("osaamismerkit_\\d+");

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final TaxonomyApi taxonomy;
  private final IdentificationApi identification;
  private final Directories directories;
  private final AuditLog audit;
  private volatile @Nullable List<NationalBadge> nationalBadges;

  LearnerRecords(
      JdbcClient jdbc,
      ObjectMapper json,
      TaxonomyApi taxonomy,
      IdentificationApi identification,
      Directories directories,
      AuditLog audit) {
    this.jdbc = jdbc;
    this.json = json;
    this.taxonomy = taxonomy;
    this.identification = identification;
    this.directories = directories;
    this.audit = audit;
  }

  /** An imported credential as the page shows it. */
  public record Credential(
      @Schema(example = "c2e7a9d4-1b3f-4e6a-8d5c-7f0b2a9e4d13") UUID id,
      @Schema(allowableValues = {"national-badge", "open-badge-3", "elm"}) String format,
      @Schema(example = "Python-ohjelmoinnin perusteet") String title,
      @Schema(example = "Tampereen yliopisto") String issuer,
      @Schema(example = "2025-06-12") LocalDate issuedOn,
      boolean signatureChecked,
      @Schema(example = "unsigned") String verificationNote,
      @Schema(example = "2026-12-01T09:30:00Z") OffsetDateTime importedAt) {}

  /**
   * A national badge definition, in Finnish: its code, name, category, competence objectives and
   * assessment criteria.
   */
  record NationalBadge(
      long id,
      String code,
      String name,
      String category,
      List<String> objectives,
      List<String> criteria) {

    /** Everything the definition says about the competence, for identification. */
    String description() {
      List<String> parts = new ArrayList<>();
      parts.add(name);
      if (!category.isBlank()) {
        parts.add(category);
      }
      parts.addAll(objectives);
      parts.addAll(criteria);
      return String.join(".\n", parts);
    }
  }

  /** A skill found in a credential, with the words it was found in (empty when named). */
  private record Found(String label, String evidence) {}

  @Transactional(readOnly = true)
  public List<Credential> credentials(PersonId person) {
    return jdbc.sql(
            "SELECT id, format, title, issuer, issued_on, signature_checked, verification_note,"
                + " imported_at FROM profile_credential WHERE person_id = ? ORDER BY imported_at"
                + " DESC, id")
        .param(person.value())
        .query(
            (rs, row) ->
                new Credential(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, LocalDate.class),
                    rs.getBoolean(6),
                    rs.getString(7),
                    rs.getObject(8, OffsetDateTime.class)))
        .list();
  }

  @Transactional
  public void delete(PersonId person, UUID id) {
    int deleted =
        jdbc.sql("DELETE FROM profile_credential WHERE person_id = ? AND id = ?")
            .params(person.value(), id)
            .update();
    if (deleted == 0) {
      throw new NotFoundException("No such credential in your profile: " + id);
    }
    audit.record(person, "self", "credential-deleted");
  }

  /**
   * Imports one credential file.
   *
   * @param fileName for error messages
   * @return the stored credential
   * @throws ProfileInputException naming the file and what is wrong; nothing is stored then
   */
  @Transactional
  public Credential importCredential(PersonId person, String fileName, byte[] content) {
    Opened opened = open(fileName, content);
    JsonNode document = opened.document();
    String rawText = document.toString();
    Optional<NationalBadge> badge = nationalBadge(rawText);
    String format = format(fileName, document, badge);
    Described described = describe(fileName, document, badge);
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO profile_credential (id, person_id, format, title, issuer, issued_on,"
                + " signature_checked, verification_note, document) VALUES (?, ?, ?, ?, ?, ?, ?, ?,"
                + " ?)")
        // One by one: param(Object) takes a null (SQL NULL), params(Object...) is typed as not.
        .param(id)
        .param(person.value())
        .param(format)
        .param(described.title())
        .param(described.issuer())
        .param(described.issuedOn())
        .param(opened.signatureChecked())
        .param(opened.note())
        .param(opened.text())
        .update();
    storeSkills(person, id, described, skills(rawText, document, described, badge));
    audit.record(person, "self", "credential-imported");
    return credentials(person).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
  }

  /**
   * A credential file read: its text, the credential document (a signed one's payload), and what
   * its signature check found.
   */
  private record Opened(String text, JsonNode document, boolean signatureChecked, String note) {}

  /** Reads the file as a compact JWS (checking its signature) or as a JSON credential. */
  private Opened open(String fileName, byte[] content) {
    if (content.length == 0) {
      throw new ProfileInputException("file", fileName + " is empty");
    }
    if (content.length > MAX_BYTES) {
      throw new ProfileInputException("file", fileName + " is larger than " + MAX_BYTES + " bytes");
    }
    String text = new String(content, java.nio.charset.StandardCharsets.UTF_8).strip();
    if (CredentialSignature.isCompactJws(text)) {
      CredentialSignature.Outcome outcome = CredentialSignature.verify(text, json);
      if (outcome.checked() && !outcome.valid()) {
        throw new ProfileInputException(
            "file", fileName + ": the signature does not match the content; not imported");
      }
      JsonNode payload = outcome.payload();
      return new Opened(
          text, payload.has("vc") ? payload.get("vc") : payload, outcome.checked(), outcome.note());
    }
    JsonNode document;
    try {
      document = json.readTree(text);
    } catch (RuntimeException e) {
      throw new ProfileInputException(
          "file", fileName + " is neither JSON nor a compact JWS: " + firstLine(e.getMessage()));
    }
    if (!document.isObject()) {
      throw new ProfileInputException("file", fileName + ": the top level is not a JSON object");
    }
    String note = document.get("proof") == null ? "unsigned" : "data-integrity-not-checked";
    return new Opened(text, document, false, note);
  }

  /** The credential's format: a national badge, Open Badges 3.0 or the European Learning Model. */
  private static String format(String fileName, JsonNode document, Optional<NationalBadge> badge) {
    Set<String> types = types(document);
    if (badge.isPresent()) {
      return "national-badge";
    } else if (types.contains("OpenBadgeCredential") || types.contains("AchievementCredential")) {
      return "open-badge-3";
    } else if (types.stream().anyMatch(t -> t.contains("EuropeanDigitalCredential"))
        || document.path("@context").toString().contains("europa.eu")) {
      return "elm";
    }
    throw new ProfileInputException(
        "file",
        fileName
            + ": not a recognised credential (expected an Open Badges 3.0, European Learning"
            + " Model or national competence badge credential; type was "
            + types
            + ")");
  }

  /** What a credential says of itself, wherever its format keeps it. */
  private record Described(String title, String issuer, @Nullable LocalDate issuedOn) {}

  private static Described describe(
      String fileName, JsonNode document, Optional<NationalBadge> badge) {
    JsonNode subject = document.path("credentialSubject");
    String title =
        firstText(
                subject.path("achievement").path("name"),
                subject.path("hasClaim").path(0).path("title"),
                subject.path("hasClaim").path("title"),
                document.path("displayParameter").path("title"),
                document.path("title"),
                document.path("name"))
            .or(() -> badge.map(NationalBadge::name))
            .orElseThrow(
                () -> new ProfileInputException("file", fileName + ": the credential has no name"));
    String issuer =
        firstText(
                document.path("issuer").path("name"),
                document.path("issuer").path("legalName"),
                document.path("issuer"))
            .orElseThrow(
                () ->
                    new ProfileInputException("file", fileName + ": the credential has no issuer"));
    LocalDate issuedOn =
        firstText(
                document.path("validFrom"),
                document.path("issuanceDate"),
                document.path("issued"),
                document.path("awardedDate"))
            .map(LearnerRecords::date)
            .orElse(null);
    return new Described(title, issuer, issuedOn);
  }

  /**
   * A credential's skills.
   *
   * @param identified whether they were identified from its descriptions rather than named
   */
  private record CredentialSkills(Map<ConceptUri, Found> skills, boolean identified) {}

  /**
   * The ESCO skills the credential names; when it names none, those identified from its own
   * description and, for a national badge, the badge's definition.
   */
  private CredentialSkills skills(
      String rawText, JsonNode document, Described described, Optional<NationalBadge> badge) {
    Set<ConceptUri> named = new LinkedHashSet<>();
    Matcher m = ESCO_SKILL.matcher(rawText);
    while (m.find()) {
      named.add(ConceptUri.of(m.group()));
    }
    Map<ConceptUri, Found> skills = new LinkedHashMap<>();
    if (!named.isEmpty()) {
      for (ConceptSummary s : taxonomy.summaries(List.copyOf(named), Language.FI)) {
        if (s.type() == ConceptType.SKILL) {
          skills.put(s.uri(), new Found(s.label().text(), ""));
        }
      }
      return new CredentialSkills(skills, false);
    }
    JsonNode achievement = document.path("credentialSubject").path("achievement");
    String ownDescription =
        String.join(
            ".\n",
            described.title(),
            firstText(achievement.path("description"), document.path("description")).orElse(""),
            firstText(achievement.path("criteria").path("narrative")).orElse(""));
    // A national badge has no ESCO alignment: its skills come from what its national
    // definition and the credential itself say, through the identification engine.
    skills.putAll(
        identify(badge.map(b -> b.description() + ".\n" + ownDescription).orElse(ownDescription)));
    return new CredentialSkills(skills, true);
  }

  private void storeSkills(
      PersonId person, UUID credential, Described described, CredentialSkills found) {
    for (Map.Entry<ConceptUri, Found> skill : found.skills().entrySet()) {
      jdbc.sql(
              "INSERT INTO profile_skill (id, person_id, skill_uri, label, source_kind,"
                  + " credential_id, source_label, evidence, proficiency, last_used, verified,"
                  + " issuer, identified) VALUES (?, ?, ?, ?, 'CREDENTIAL', ?, ?, ?, 'INTERMEDIATE',"
                  + " ?, true, ?, ?) ON CONFLICT DO NOTHING")
          // One by one: param(Object) takes a null (SQL NULL), params(Object...) is typed as not.
          .param(UUID.randomUUID())
          .param(person.value())
          .param(skill.getKey().value())
          .param(skill.getValue().label())
          .param(credential)
          .param(described.title())
          .param(skill.getValue().evidence())
          .param(described.issuedOn())
          .param(described.issuer())
          .param(found.identified())
          .update();
    }
  }

  /**
   * The skills the engine finds in a credential's description: those above the threshold, and at
   * least a few best guesses, since a badge always stands for some competence; the page marks them
   * all as identified from the description.
   */
  private Map<ConceptUri, Found> identify(String text) {
    Map<ConceptUri, Found> skills = new LinkedHashMap<>();
    if (text.isBlank()) {
      return skills;
    }
    for (IdentifiedConcept c :
        identification
            .identify(
                text,
                null,
                new IdentifyOptions(
                    8, IdentifyOptions.DEFAULT_THRESHOLD, true, false, Language.FI, 3))
            .skills()) {
      skills.put(c.uri(), new Found(c.label().text(), CompetenceProfile.evidence(c)));
    }
    return skills;
  }

  private Optional<NationalBadge> nationalBadge(String rawText) {
    List<NationalBadge> badges = nationalBadges();
    Matcher code = BADGE_CODE.matcher(rawText);
    while (code.find()) {
      String found = code.group();
      for (NationalBadge b : badges) {
        if (b.code().equals(found)) {
          return Optional.of(b);
        }
      }
    }
    for (NationalBadge b : badges) {
      if (rawText.contains("osaamismerkki/" + b.id())
          || rawText.contains("osaamismerkit/" + b.id())) {
        return Optional.of(b);
      }
    }
    return Optional.empty();
  }

  /** The national badge definitions, read once from the reference data; none when absent. */
  List<NationalBadge> nationalBadges() {
    List<NationalBadge> loaded = nationalBadges;
    if (loaded != null) {
      return loaded;
    }
    Optional<Path> file =
        directories
            .referenceData()
            .map(d -> d.resolve("education/eperusteet/osaamismerkit.json"))
            .filter(Files::isRegularFile);
    if (file.isEmpty()) {
      nationalBadges = List.of();
      return nationalBadges;
    }
    List<NationalBadge> badges = new ArrayList<>();
    try {
      JsonNode root = json.readTree(Files.readString(file.get()));
      int index = 0;
      for (JsonNode b : root) {
        String code = b.path("koodiUri").asString("");
        String name = b.path("nimi").path("fi").asString("");
        if (code.isBlank() || name.isBlank()) {
          throw new IllegalStateException(
              file.get() + ": badge #" + index + " has no koodiUri or Finnish nimi");
        }
        List<String> objectives = new ArrayList<>();
        for (JsonNode o : b.path("osaamistavoitteet")) {
          String objective = o.path("osaamistavoite").path("fi").asString("");
          if (!objective.isBlank()) {
            objectives.add(objective);
          }
        }
        List<String> criteria = new ArrayList<>();
        for (JsonNode c : b.path("arviointikriteerit")) {
          String criterion = c.path("arviointikriteeri").path("fi").asString("");
          if (!criterion.isBlank()) {
            criteria.add(criterion);
          }
        }
        badges.add(
            new NationalBadge(
                b.path("id").asLong(),
                code,
                name,
                b.path("kategoria").path("nimi").path("fi").asString(""),
                List.copyOf(objectives),
                List.copyOf(criteria)));
        index++;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file.get(), e);
    }
    nationalBadges = List.copyOf(badges);
    return nationalBadges;
  }

  private static Set<String> types(JsonNode document) {
    Set<String> types = new LinkedHashSet<>();
    JsonNode type = document.has("type") ? document.get("type") : document.path("@type");
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asString("")));
    } else if (!type.isMissingNode()) {
      types.add(type.asString(""));
    }
    return types;
  }

  /** The first non-blank text: a string, a language map (fi, sv, en first) or a JSON-LD value. */
  private static Optional<String> firstText(JsonNode... candidates) {
    for (JsonNode node : candidates) {
      Optional<String> text = text(node);
      if (text.isPresent()) {
        return text;
      }
    }
    return Optional.empty();
  }

  private static Optional<String> text(JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return Optional.empty();
    }
    if (node.isString()) {
      String s = node.asString().strip();
      return s.isEmpty()
          ? Optional.empty()
          : Optional.of(s.length() > 300 ? s.substring(0, 300) : s);
    }
    if (node.isArray()) {
      for (JsonNode item : node) {
        Optional<String> t = text(item);
        if (t.isPresent()) {
          return t;
        }
      }
      return Optional.empty();
    }
    if (node.isObject()) {
      if (node.has("@value")) {
        return text(node.get("@value"));
      }
      for (String language : List.of("fi", "sv", "en")) {
        if (node.has(language)) {
          return text(node.get(language));
        }
      }
      // A language map in another language: its first value. Objects such as an issuer without
      // a name give nothing here.
      var names = node.propertyNames().iterator();
      if (names.hasNext()) {
        String first = names.next();
        if (first.matches("[a-z]{2,3}(-[A-Za-z]+)?")) {
          return text(node.get(first));
        }
      }
    }
    return Optional.empty();
  }

  private static @Nullable LocalDate date(String value) {
    try {
      return value.length() >= 10 ? LocalDate.parse(value.substring(0, 10)) : null;
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  private static String firstLine(@Nullable String message) {
    if (message == null) {
      return "";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
