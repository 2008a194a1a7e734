package fi.osaava.education.internal.importer;

import fi.osaava.education.EducationLevel;
import fi.osaava.education.internal.importer.OfferingRecord.ImplementationRecord;
import fi.osaava.education.internal.importer.OfferingRecord.OfferingKind;
import fi.osaava.platform.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the national education search export ({@code konfo-*.jsonl}, one degree programme per line)
 * into offerings with one implementation per institution. Konfo gives no teaching language, so the
 * languages the programme is described in ({@code kielivalinta}) stand in for it.
 */
final class KonfoReader {

  static final String SOURCE = "konfo";
  private static final String FIELD_PREFIX = "kansallinenkoulutusluokitus2016koulutusalataso1_";
  private static final String LEVEL_PREFIX = "kansallinenkoulutusluokitus2016koulutusastetaso2_";

  private KonfoReader() {}

  static boolean accepts(Path file) {
    String name = file.getFileName().toString();
    return name.startsWith("konfo") && name.endsWith(".jsonl");
  }

  static ReadResult read(Path file) {
    ReadResult result = new ReadResult(SOURCE);
    String name = file.getFileName().toString();
    JsonMapper json = JsonMapper.shared();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        try {
          result.add(record(json.readTree(line), result), name, number);
        } catch (JacksonException e) {
          result.error(name, number, "(line)", "not valid JSON: " + e.getOriginalMessage());
        } catch (MalformedRecordException e) {
          result.error(name, number, e.field(), e.problem());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
    }
    return result;
  }

  private static OfferingRecord record(JsonNode node, ReadResult result) {
    if (!node.isObject()) {
      throw new MalformedRecordException("(line)", "a record must be a JSON object");
    }
    String oid = JsonFields.text(node, "oid");
    if (oid == null) {
      throw new MalformedRecordException("oid", "missing");
    }
    Map<Language, String> title = JsonFields.languages(node.get("nimi"), false);
    if (title.isEmpty()) {
      throw new MalformedRecordException("nimi", "no name in fi, sv or en");
    }
    Set<String> alternativeNames = new LinkedHashSet<>();
    for (String array : List.of("koulutukset", "tutkintonimikkeet")) {
      for (JsonNode item : node.path(array)) {
        alternativeNames.addAll(JsonFields.languages(item.get("nimi"), false).values());
      }
    }
    alternativeNames.removeAll(title.values());
    String fieldCode = null;
    for (JsonNode code : node.path("koulutusalaKoodiUrit")) {
      if (code.isString() && code.stringValue().startsWith(FIELD_PREFIX)) {
        fieldCode = code.stringValue().substring(FIELD_PREFIX.length());
        break;
      }
    }
    String nationalLevel = null;
    for (JsonNode code : node.path("koulutusasteKoodiUrit")) {
      if (code.isString() && code.stringValue().startsWith(LEVEL_PREFIX)) {
        nationalLevel = code.stringValue().substring(LEVEL_PREFIX.length());
      }
    }
    Integer nqf = nqf(JsonFields.text(node, "nqf"));
    BigDecimal extent = null;
    JsonNode extentNode = node.get("opintojenLaajuusNumero");
    if (extentNode != null && extentNode.isNumber()) {
      extent = extentNode.decimalValue();
    } else if (extentNode != null && !extentNode.isNull()) {
      throw new MalformedRecordException("opintojenLaajuusNumero", "not a number");
    }
    List<String> languages = new ArrayList<>();
    for (JsonNode language : node.path("kielivalinta")) {
      Language.fromCode(language.asString("")).ifPresent(l -> languages.add(l.code()));
    }
    List<ImplementationRecord> implementations = new ArrayList<>();
    for (JsonNode implementation : node.path("toteutukset")) {
      List<String> municipalities = new ArrayList<>();
      for (JsonNode municipality : implementation.path("kunnat")) {
        String code = JsonFields.codeValueOrNull(JsonFields.text(municipality, "koodiUri"));
        if (code == null || !code.matches("\\d{1,3}")) {
          throw new MalformedRecordException(
              "toteutukset.kunnat.koodiUri", "not a municipality code: " + code);
        }
        String padded = "%03d".formatted(Integer.parseInt(code));
        municipalities.add(padded);
        Map<Language, String> names = JsonFields.languages(municipality.get("nimi"), false);
        if (!names.isEmpty()) {
          result.municipalityNames.putIfAbsent(
              padded,
              Map.of(
                  "fi", names.getOrDefault(Language.FI, ""),
                  "sv", names.getOrDefault(Language.SV, "")));
        }
      }
      implementations.add(
          new ImplementationRecord(
              JsonFields.text(implementation, "toteutusOid"),
              JsonFields.languages(implementation.get("toteutusNimi"), false),
              JsonFields.text(implementation, "oppilaitosOid"),
              JsonFields.languages(implementation.get("oppilaitosNimi"), false),
              null,
              municipalities,
              languages,
              "ON_SITE",
              null,
              null,
              null,
              null,
              null,
              null,
              null));
    }
    String unit =
        JsonFields.text(node.path("opintojenLaajuusyksikko").path("nimi"), Language.EN.code());
    return new OfferingRecord(
        SOURCE,
        oid,
        OfferingKind.PROGRAMME,
        EducationLevel.DEGREE,
        null,
        title,
        JsonFields.languages(node.get("kuvaus"), true),
        List.copyOf(alternativeNames),
        fieldCode,
        nqf,
        nqf,
        nationalLevel,
        extent,
        unit,
        null,
        "https://opintopolku.fi/konfo/fi/koulutus/" + oid,
        false,
        List.of(),
        implementations,
        List.of());
  }

  /** {@code nqf_6} → 6. The Finnish NQF levels are the EQF levels. */
  private static @Nullable Integer nqf(@Nullable String code) {
    if (code == null) {
      return null;
    }
    String value = JsonFields.codeValue(code);
    if (!value.matches("[1-8]")) {
      throw new MalformedRecordException("nqf", "not an NQF level 1–8: " + code);
    }
    return Integer.valueOf(value);
  }
}
