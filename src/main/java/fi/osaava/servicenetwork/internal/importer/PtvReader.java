package fi.osaava.servicenetwork.internal.importer;

import fi.osaava.platform.Language;
import fi.osaava.platform.StorableText;
import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.ServiceType;
import fi.osaava.servicenetwork.internal.importer.LocatedJson.Located;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the general service descriptions of the national service catalogue (Suomi.fi
 * Palvelutietovaranto) as its data-import tooling exports them: a JSON array of objects with {@code
 * Id}, {@code ReferenceCode}, texts as lists of {@code {Lang, Label}} (the long ones possibly
 * Draft.js JSON), {@code ChargeType}, and classifications as lists of {@code {Key, Value}} with the
 * catalogue's URIs. Type and life situations follow {@link PtvClassification}. General descriptions
 * are templates: no provider, no area, no channels.
 */
public final class PtvReader {

  private PtvReader() {}

  public static List<ServiceRecord> read(byte[] input, String source) {
    List<Located> located = LocatedJson.read(input, source, "services");
    BadField.Collected errors = new BadField.Collected(source);
    List<ServiceRecord> records = new ArrayList<>();
    Set<UUID> seen = new LinkedHashSet<>();
    for (Located record : located) {
      try {
        ServiceRecord read = description(record.node(), record.line());
        if (!seen.add(read.id())) {
          throw new BadField("Id", "the same Id comes twice in the file");
        }
        records.add(read);
      } catch (BadField bad) {
        errors.add(record.line(), bad);
      }
    }
    errors.throwIfAny();
    return records;
  }

  static ServiceRecord description(JsonNode node, long line) {
    if (node == null || !node.isObject()) {
      throw new BadField("(record)", "must be a JSON object");
    }
    Optional<String> unstorable = StorableText.unstorableField(node);
    if (unstorable.isPresent()) {
      throw new BadField(unstorable.get(), StorableText.PROBLEM);
    }
    JsonNode idNode = node.get("Id");
    if (idNode == null || !idNode.isString()) {
      throw new BadField("Id", "is required: the description's id, a UUID");
    }
    UUID id;
    try {
      id = UUID.fromString(idNode.stringValue());
    } catch (IllegalArgumentException e) {
      throw new BadField("Id", "must be a UUID");
    }
    Map<Language, String> name = texts(node, "Name", false);
    if (name.isEmpty()) {
      throw new BadField("Name", "must have a label in at least one of fi, sv, en");
    }
    Map<Language, String> summary = texts(node, "ShortDescription", true);
    Map<Language, String> description = texts(node, "BackgroundDescription", true);
    Map<Language, String> plain = texts(node, "Description", true);
    plain.forEach(description::putIfAbsent);
    List<String> classes = codes(node, "ServiceClass");
    List<String> targetGroups = codes(node, "TargetGroup");
    List<String> lifeEvents = codes(node, "LifeEvent");
    List<String> terms = values(node, "OntologyTerm");
    Set<LifeSituation> situations =
        PtvClassification.situations(classes, lifeEvents, targetGroups, terms);
    ServiceType type = PtvClassification.type(classes, situations);
    List<String> keywords = new ArrayList<>(values(node, "ServiceClass"));
    keywords.addAll(terms);
    String chargeType = chargeType(node.get("ChargeType"));
    @Nullable String reference = optionalString(node, "ReferenceCode");
    if (reference != null && reference.equalsIgnoreCase(id.toString())) {
      // Many descriptions repeat their id as the reference code; that is no code to show.
      reference = null;
    }
    return new ServiceRecord(
        id,
        ServiceRecord.PTV,
        id.toString(),
        true,
        null,
        reference,
        null,
        name,
        summary,
        description,
        type,
        situations,
        values(node, "TargetGroup"),
        Set.of(),
        Set.of(),
        keywords,
        chargeType,
        texts(node, "ChargeTypeAdditionalInfo", true),
        List.of(),
        line);
  }

  private static @Nullable String chargeType(@Nullable JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new BadField("ChargeType", "must be Free, Charged or empty");
    }
    return switch (value.stringValue()) {
      case "Free" -> "FREE";
      case "Charged" -> "CHARGED";
      case "" -> null;
      default -> throw new BadField("ChargeType", "must be Free, Charged or empty");
    };
  }

  private static @Nullable String optionalString(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isString()) {
      throw new BadField(name, "must be a string");
    }
    String text = value.stringValue().strip();
    return text.isEmpty() ? null : text;
  }

  /**
   * A list of {@code {Lang, Label}}: the labels in fi, sv and en (the catalogue's other languages
   * are not served here), Draft.js documents turned into plain paragraphs when {@code rich}.
   */
  private static Map<Language, String> texts(JsonNode node, String name, boolean rich) {
    Map<Language, String> texts = new EnumMap<>(Language.class);
    List<JsonNode> items = list(node, name);
    for (int i = 0; i < items.size(); i++) {
      JsonNode item = items.get(i);
      String field = name + "[" + i + "]";
      if (!item.isObject() || !item.path("Lang").isString()) {
        throw new BadField(field, "must be an object with the strings Lang and Label");
      }
      JsonNode labelNode = item.get("Label");
      if (labelNode == null || labelNode.isNull()) {
        // The export writes empty optional texts as a null label.
        continue;
      }
      if (!labelNode.isString()) {
        throw new BadField(field + ".Label", "must be a string or null");
      }
      Optional<Language> language =
          Language.fromCode(item.get("Lang").stringValue()).filter(l -> l != Language.NO);
      String label = labelNode.stringValue();
      if (rich) {
        label =
            DraftJs.plainText(label)
                .orElseThrow(
                    () -> new BadField(field + ".Label", "is not a valid Draft.js document"));
      }
      label = label.strip();
      if (language.isPresent() && !label.isEmpty()) {
        texts.put(language.get(), label);
      }
    }
    return texts;
  }

  /** The last part of each {@code Key} URI of a classification list. */
  private static List<String> codes(JsonNode node, String name) {
    List<String> codes = new ArrayList<>();
    List<JsonNode> items = list(node, name);
    for (int i = 0; i < items.size(); i++) {
      JsonNode key = items.get(i).path("Key");
      if (!key.isString() || key.stringValue().isBlank()) {
        throw new BadField(name + "[" + i + "].Key", "must be the classification's URI");
      }
      String uri = key.stringValue();
      codes.add(uri.substring(Math.max(uri.lastIndexOf(':'), uri.lastIndexOf('/')) + 1));
    }
    return codes;
  }

  /** The {@code Value} labels (Finnish) of a classification list. */
  private static List<String> values(JsonNode node, String name) {
    List<String> values = new ArrayList<>();
    for (JsonNode item : list(node, name)) {
      JsonNode value = item.path("Value");
      if (value.isString() && !value.stringValue().isBlank()) {
        values.add(value.stringValue().strip());
      }
    }
    return values;
  }

  private static List<JsonNode> list(JsonNode node, String name) {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      return List.of();
    }
    if (!value.isArray()) {
      throw new BadField(name, "must be a list");
    }
    List<JsonNode> items = new ArrayList<>();
    value.forEach(items::add);
    return items;
  }

  /** Draft.js raw content as the catalogue stores long texts: paragraphs of its blocks' text. */
  static final class DraftJs {

    private DraftJs() {}

    /**
     * The text itself when it is not a Draft.js document; empty when it claims to be and is not.
     */
    static Optional<String> plainText(String label) {
      String trimmed = label.strip();
      if (!trimmed.startsWith("{")) {
        return Optional.of(label);
      }
      JsonNode document;
      try {
        document = JsonMapper.shared().readTree(trimmed);
      } catch (JacksonException e) {
        return Optional.empty();
      }
      JsonNode blocks = document.path("blocks");
      if (!blocks.isArray()) {
        return Optional.empty();
      }
      List<String> paragraphs = new ArrayList<>();
      for (JsonNode block : blocks) {
        String text = block.path("text").asString("").strip();
        if (!text.isEmpty()) {
          paragraphs.add(text);
        }
      }
      return Optional.of(String.join("\n\n", paragraphs));
    }
  }
}
