package fi.osaava.opportunities.internal.engine;

import fi.osaava.platform.InvalidInputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * RIASEC interest codes per ISCO-08 unit group, from the Finnish career-guidance occupation file
 * (Ammattinetti/AVO, JSON lines with {@code professionCode} and an ordered {@code avo-code} list).
 * The first code of a title weighs 1, the second 1/2, the third 1/3; titles of one unit group (the
 * first four digits of {@code professionCode}) are summed. Minor groups (three digits) get the sum
 * of their unit groups, as a fallback for occupations whose unit group has no title in the file.
 */
public final class RiasecCodes {

  private static final String LETTERS = MatchProfile.RIASEC;

  private final Map<String, double[]> byGroup;

  private RiasecCodes(Map<String, double[]> byGroup) {
    this.byGroup = Map.copyOf(byGroup);
  }

  public static RiasecCodes none() {
    return new RiasecCodes(Map.of());
  }

  public int groups() {
    return byGroup.size();
  }

  /** The codes of an ISCO unit group, else of its minor group, else null. */
  public double @Nullable [] forIscoGroup(@Nullable String iscoGroup) {
    if (iscoGroup == null || iscoGroup.length() < 3) {
      return null;
    }
    double[] exact = byGroup.get(iscoGroup);
    return exact != null ? exact : byGroup.get(iscoGroup.substring(0, 3));
  }

  /**
   * Reads the file whole; any malformed line fails the read naming the line and field, so that a
   * partly read file is never used.
   */
  public static RiasecCodes read(Path file) {
    JsonMapper json = JsonMapper.builder().build();
    Map<String, double[]> groups = new HashMap<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      long number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = json.readTree(line);
        } catch (JacksonException e) {
          throw new InvalidInputException(
              file.toString(), number, "(line)", "not JSON: " + e.getOriginalMessage());
        }
        String code = node.path("professionCode").asString("").strip();
        if (!code.matches("\\d{4,}")) {
          throw new InvalidInputException(
              file.toString(),
              number,
              "professionCode",
              "expected ISCO digits, got '" + code + "'");
        }
        JsonNode letters = node.path("avo-code");
        if (!letters.isArray()) {
          throw new InvalidInputException(
              file.toString(), number, "avo-code", "expected a list of RIASEC letters");
        }
        double[] weights = new double[6];
        int rank = 0;
        for (JsonNode letter : letters) {
          String text = letter.asString("");
          int i = text.length() == 1 ? LETTERS.indexOf(text.charAt(0)) : -1;
          if (i < 0) {
            throw new InvalidInputException(
                file.toString(), number, "avo-code", "not a RIASEC letter: '" + text + "'");
          }
          weights[i] += 1.0 / ++rank;
        }
        add(groups, code.substring(0, 4), weights);
        add(groups, code.substring(0, 3), weights);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return new RiasecCodes(groups);
  }

  private static void add(Map<String, double[]> groups, String key, double[] weights) {
    double[] sum = groups.computeIfAbsent(key, k -> new double[6]);
    for (int i = 0; i < 6; i++) {
      sum[i] += weights[i];
    }
  }
}
