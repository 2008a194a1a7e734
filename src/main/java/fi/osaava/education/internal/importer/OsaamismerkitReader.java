package fi.osaava.education.internal.importer;

import fi.osaava.education.EducationLevel;
import fi.osaava.education.internal.importer.OfferingRecord.OfferingKind;
import fi.osaava.platform.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Reads the national competence badges ({@code osaamismerkit.json}): micro-credentials whose
 * competence goals ({@code osaamistavoitteet}) become learning outcomes. Records are numbered by
 * their position in the array, from 1.
 */
final class OsaamismerkitReader {

  static final String SOURCE = "osaamismerkit";

  private OsaamismerkitReader() {}

  static boolean accepts(Path file) {
    return file.getFileName().toString().startsWith("osaamismerkit");
  }

  static void read(Path file, JsonNode root, ReadResult result) {
    String name = file.getFileName().toString();
    if (!root.isArray()) {
      result.error(name, 1, "(file)", "expected a JSON array of badges");
      return;
    }
    int position = 0;
    for (JsonNode badge : root) {
      position++;
      try {
        result.add(badge(badge), name, position);
      } catch (MalformedRecordException e) {
        result.error(name, position, e.field(), e.problem());
      }
    }
  }

  private static OfferingRecord badge(JsonNode node) {
    String id = JsonFields.text(node, "koodiUri");
    if (id == null) {
      id = node.path("id").asString("");
    }
    if (id.isBlank()) {
      throw new MalformedRecordException("id", "missing");
    }
    Map<Language, String> title = JsonFields.languages(node.get("nimi"), false);
    if (title.isEmpty()) {
      throw new MalformedRecordException("nimi", "no name in fi, sv or en");
    }
    List<Map<Language, String>> outcomes = new ArrayList<>();
    for (JsonNode goal : node.path("osaamistavoitteet")) {
      Map<Language, String> outcome = JsonFields.languages(goal.get("osaamistavoite"), false);
      if (!outcome.isEmpty()) {
        outcomes.add(outcome);
      }
    }
    List<String> category =
        List.copyOf(JsonFields.languages(node.path("kategoria").get("nimi"), false).values());
    return new OfferingRecord(
        SOURCE,
        id,
        OfferingKind.BADGE,
        EducationLevel.COMPETENCE_BADGE,
        null,
        title,
        JsonFields.languages(node.get("kuvaus"), true),
        category,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        "https://eperusteet.opintopolku.fi/#/fi/osaamismerkit/osaamismerkki/" + node.path("id"),
        false,
        outcomes,
        List.of(),
        List.of());
  }
}
