package fi.osaava.text;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finland-Swedish words and their Sweden-Swedish counterparts. ESCO's Swedish labels and much of
 * what people type use Sweden's usage (sjuksköterska, undersköterska, förskollärare), while Finnish
 * institutions write Finland-Swedish (sjukskötare, närvårdare, barnträdgårdslärare): one table,
 * read by identification (a Finland-Swedish text matches labels in Sweden's usage) and by the
 * education search (either word finds offerings named with the other). From the standard lists of
 * Finland-Swedish usage, not from any evaluation text.
 */
public final class SwedishVariants {

  /** A Finland-Swedish word and the Sweden-Swedish word for the same thing, in their base form. */
  public record Pair(String finlandSwedish, String swedenSwedish) {}

  /** The pairs; the words are whole words, lower case, so that either side can be searched for. */
  public static final List<Pair> PAIRS =
      List.of(
          new Pair("sjukskötare", "sjuksköterska"),
          new Pair("närvårdare", "undersköterska"),
          new Pair("hälsovårdare", "distriktssköterska"),
          new Pair("tandskötare", "tandsköterska"),
          new Pair("barnträdgårdslärare", "förskollärare"),
          new Pair("barnträdgård", "förskola"),
          new Pair("dagvård", "barnomsorg"),
          new Pair("åldringsvård", "äldreomsorg"),
          new Pair("elmontör", "elektriker"),
          new Pair("affärsbiträde", "butiksbiträde"),
          new Pair("tradenom", "ekonom"),
          new Pair("ergoterapeut", "arbetsterapeut"));

  private SwedishVariants() {}

  /**
   * Finland-Swedish word stems onto their Sweden-Swedish counterparts: each word without a final
   * {@code a} or {@code e}, the part that inflected forms and compounds share ({@code sjukskötar}
   * in {@code sjukskötaren}, {@code sjukskötarutbildning}).
   */
  public static Map<String, String> finlandToSwedenStems() {
    Map<String, String> stems = new LinkedHashMap<>();
    for (Pair pair : PAIRS) {
      stems.put(stem(pair.finlandSwedish()), stem(pair.swedenSwedish()));
    }
    return stems;
  }

  private static String stem(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return lower.endsWith("a") || lower.endsWith("e")
        ? lower.substring(0, lower.length() - 1)
        : lower;
  }
}
