package fi.osaava.education.internal.importer;

import fi.osaava.education.EducationLevel;
import fi.osaava.education.internal.importer.OfferingRecord.OfferingKind;
import fi.osaava.platform.Language;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Reads an ePerusteet export of one vocational qualification: the qualification and each of its
 * units, whose professional skill requirements ({@code ammattitaitovaatimukset}, fi/sv lists)
 * become the unit's learning outcomes. Records are numbered by their position: the qualification is
 * 1, its units 2, 3, …
 */
final class EperusteetReader {

  static final String SOURCE = "eperusteet";

  /**
   * The 2002 fields of education (koulutusalaoph2002) onto the broad fields of the 2016 national
   * classification (ISCED-F 2013), with study fields (opintoalaoph2002) that moved elsewhere.
   */
  private static final Map<String, String> FIELD_2002 =
      Map.of(
          "1", "01", "2", "02", "3", "04", "4", "06", "5", "07", "6", "08", "7", "09", "8", "10");

  private static final Map<String, String> STUDY_FIELD_2002 =
      Map.of("710", "10", "720", "10", "799", "10", "705", "10");

  private EperusteetReader() {}

  static boolean accepts(Path file) {
    String name = file.getFileName().toString();
    return name.endsWith(".json") && !OsaamismerkitReader.accepts(file);
  }

  static void read(Path file, JsonNode root, ReadResult result) {
    String name = file.getFileName().toString();
    String id = root.path("id").asString("");
    if (id.isBlank()) {
      result.error(name, 1, "id", "missing: the qualification and its units are skipped");
      return;
    }
    Map<Language, String> title = JsonFields.languages(root.get("nimi"), false);
    JsonNode education = root.path("koulutukset").path(0);
    Map<Language, String> englishName = JsonFields.languages(education.get("nimi"), false);
    if (!title.containsKey(Language.EN) && englishName.containsKey(Language.EN)) {
      title.put(Language.EN, englishName.get(Language.EN));
    }
    if (title.isEmpty()) {
      result.error(name, 1, "nimi", "no name in fi, sv or en: the qualification is skipped");
      return;
    }
    String type = root.path("koulutustyyppi").asString("");
    int nqf = type.equals("koulutustyyppi_12") ? 5 : 4;
    String field = field(education);
    List<String> titles = new ArrayList<>();
    for (JsonNode qualificationTitle : root.path("tutkintonimikkeet")) {
      titles.addAll(JsonFields.languages(qualificationTitle.get("nimi"), false).values());
    }
    BigDecimal extent = null;
    String unit = null;
    Map<String, BigDecimal> unitExtents = new HashMap<>();
    for (JsonNode way : root.path("suoritustavat")) {
      JsonNode rule = way.path("rakenne").path("muodostumisSaanto").path("laajuus").path("minimi");
      if (extent == null && rule.isNumber()) {
        extent = rule.decimalValue();
        unit = "competence points";
      }
      for (JsonNode reference : way.path("tutkinnonOsaViitteet")) {
        if (reference.path("laajuus").isNumber()) {
          unitExtents.putIfAbsent(
              reference.path("_tutkinnonOsa").asString(""),
              reference.path("laajuus").decimalValue());
        }
      }
    }
    String qualificationId = "peruste/" + id;
    String url = "https://eperusteet.opintopolku.fi/#/fi/ammatillinenperustutkinto/" + id;
    result.add(
        new OfferingRecord(
            SOURCE,
            qualificationId,
            OfferingKind.QUALIFICATION,
            EducationLevel.VOCATIONAL_QUALIFICATION,
            null,
            title,
            JsonFields.languages(root.get("kuvaus"), true),
            titles,
            field,
            nqf,
            nqf,
            type,
            extent,
            unit,
            null,
            url,
            false,
            List.of(),
            List.of(),
            List.of()),
        name,
        1);
    int position = 1;
    for (JsonNode unitNode : root.path("tutkinnonOsat")) {
      position++;
      try {
        result.add(unit(unitNode, qualificationId, field, nqf, unitExtents, url), name, position);
      } catch (MalformedRecordException e) {
        result.error(name, position, "tutkinnonOsat." + e.field(), e.problem());
      }
    }
  }

  private static OfferingRecord unit(
      JsonNode node,
      String qualificationId,
      @Nullable String field,
      int nqf,
      Map<String, BigDecimal> extents,
      String url) {
    String unitId = node.path("id").asString("");
    if (unitId.isBlank()) {
      throw new MalformedRecordException("id", "missing");
    }
    Map<Language, String> title = JsonFields.languages(node.get("nimi"), false);
    if (title.isEmpty()) {
      throw new MalformedRecordException("nimi", "no name in fi, sv or en");
    }
    BigDecimal extent =
        node.path("laajuus").isNumber() ? node.path("laajuus").decimalValue() : extents.get(unitId);
    JsonNode requirements = node.path("ammattitaitovaatimukset");
    List<String> fi = HtmlText.listItems(JsonFields.text(requirements, "fi"));
    List<String> sv = HtmlText.listItems(JsonFields.text(requirements, "sv"));
    List<Map<Language, String>> outcomes = new ArrayList<>();
    for (int i = 0; i < Math.max(fi.size(), sv.size()); i++) {
      Map<Language, String> outcome = new EnumMap<>(Language.class);
      if (i < fi.size()) {
        outcome.put(Language.FI, fi.get(i));
      }
      if (i < sv.size()) {
        outcome.put(Language.SV, sv.get(i));
      }
      outcomes.add(outcome);
    }
    Map<Language, String> description = JsonFields.languages(node.get("kuvaus"), true);
    String code = JsonFields.text(node, "koodiArvo");
    return new OfferingRecord(
        SOURCE,
        qualificationId + "/osa/" + unitId,
        OfferingKind.QUALIFICATION_UNIT,
        EducationLevel.QUALIFICATION_UNIT,
        qualificationId,
        title,
        description,
        code == null ? List.of() : List.of(code),
        field,
        nqf,
        nqf,
        null,
        extent,
        extent == null ? null : "competence points",
        null,
        url,
        false,
        outcomes,
        List.of(),
        List.of());
  }

  private static @Nullable String field(JsonNode education) {
    String study = JsonFields.codeValueOrNull(JsonFields.text(education, "opintoalakoodi"));
    if (study != null && STUDY_FIELD_2002.containsKey(study)) {
      return STUDY_FIELD_2002.get(study);
    }
    String broad = JsonFields.codeValueOrNull(JsonFields.text(education, "koulutusalakoodi"));
    return broad == null ? null : FIELD_2002.get(broad);
  }
}
