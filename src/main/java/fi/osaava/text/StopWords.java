package fi.osaava.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;

/**
 * Stop words per language, in two lists for two uses. The function words ({@link #of}) are kept
 * short and hand-picked for skill identification: they are not indexed in labels (so "use of" does
 * not need "of"), and they are what its language guesser counts. The search stop sets ({@link
 * #search}) are Lucene's, for dropping function words from what a person typed into a search box.
 * Languages are given as locales (ISO 639-1), so that this module needs no other.
 */
public final class StopWords {

  public static final Set<String> EN =
      words(
          "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from",
          "has", "have", "i", "in", "into", "is", "it", "its", "of", "on", "or", "our", "should",
          "that", "the", "their", "them", "they", "this", "to", "was", "we", "were", "which",
          "will", "with", "you", "your", "who", "would", "also", "such", "other", "these", "etc",
          "e.g", "i.e", "able", "must", "my", "me", "he", "she", "his", "her", "about", "all",
          "any", "not", "more", "new", "well", "within", "both", "than", "do", "does");

  public static final Set<String> FI =
      words(
          "ja", "on", "ei", "tai", "sekä", "että", "ovat", "oli", "olla", "olen", "olet", "kanssa",
          "myös", "joka", "jotka", "jonka", "joiden", "jota", "tämä", "tässä", "tähän", "se", "ne",
          "mutta", "kun", "kuten", "hän", "he", "me", "te", "voi", "sinä", "minä", "ovat", "mm",
          "esim", "eri", "sen", "niiden", "sekä", "jne", "tms", "kuin", "vain", "jo", "nyt", "siis",
          "koska", "jos", "niin", "ole", "olemme", "olisi", "heidän", "hyvä", "yms", "eli",
          "mukaan", "lisäksi", "osa", "kaikki", "muut", "muiden", "muun");

  public static final Set<String> SV =
      words(
          "och", "att", "är", "för", "som", "med", "på", "av", "en", "ett", "inte", "jag", "det",
          "den", "har", "till", "kan", "vi", "du", "eller", "om", "ska", "i", "de", "var", "vara",
          "samt", "från", "hos", "vid", "dig", "oss", "vår", "våra", "din", "dina", "sig", "även",
          "efter", "inom", "mot", "under", "genom", "så", "men", "när", "där", "då", "bli");

  public static final Set<String> NO =
      words(
          "og", "å", "er", "for", "som", "med", "på", "av", "en", "et", "ikke", "jeg", "det", "den",
          "har", "til", "kan", "vi", "du", "eller", "om", "skal", "i", "de", "var", "være", "samt",
          "fra", "hos", "ved", "deg", "oss", "vår", "våre", "din", "dine", "seg", "også", "etter",
          "innen", "mot", "under", "gjennom", "så", "men", "når", "der", "da", "bli", "eller",
          "hvor", "vil");

  private StopWords() {}

  /** A set that tolerates repeats, which {@code Set.of} rejects at class initialisation. */
  private static Set<String> words(String... words) {
    return Set.copyOf(Arrays.asList(words));
  }

  /**
   * The function words of a language: Finnish, Swedish, English or Norwegian ({@code no}, {@code
   * nb}, {@code nn}); none for any other.
   */
  public static Set<String> of(Locale language) {
    return switch (language.getLanguage()) {
      case "en" -> EN;
      case "fi" -> FI;
      case "sv" -> SV;
      case "no", "nb", "nn" -> NO;
      default -> Set.of();
    };
  }

  /** Lucene's default stop set for search queries: Finnish, Swedish, else English. */
  public static CharArraySet search(Locale language) {
    return switch (language.getLanguage()) {
      case "fi" -> FinnishAnalyzer.getDefaultStopSet();
      case "sv" -> SwedishAnalyzer.getDefaultStopSet();
      default -> EnglishAnalyzer.ENGLISH_STOP_WORDS_SET;
    };
  }
}
