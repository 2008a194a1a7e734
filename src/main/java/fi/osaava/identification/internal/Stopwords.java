package fi.osaava.identification.internal;

import fi.osaava.platform.Language;
import java.util.Set;

/**
 * Function words per language. They are not indexed in labels (so "use of" does not need "of"), and
 * they are what the language guesser counts.
 */
final class Stopwords {

  static final Set<String> EN =
      words(
          "a", "an", "and", "are", "as", "at", "be", "been", "but", "by", "can", "for", "from",
          "has", "have", "i", "in", "into", "is", "it", "its", "of", "on", "or", "our", "should",
          "that", "the", "their", "them", "they", "this", "to", "was", "we", "were", "which",
          "will", "with", "you", "your", "who", "would", "also", "such", "other", "these", "etc",
          "e.g", "i.e", "able", "must", "my", "me", "he", "she", "his", "her", "about", "all",
          "any", "not", "more", "new", "well", "within", "both", "than", "do", "does");

  static final Set<String> FI =
      words(
          "ja", "on", "ei", "tai", "sekä", "että", "ovat", "oli", "olla", "olen", "olet", "kanssa",
          "myös", "joka", "jotka", "jonka", "joiden", "jota", "tämä", "tässä", "tähän", "se", "ne",
          "mutta", "kun", "kuten", "hän", "he", "me", "te", "voi", "sinä", "minä", "ovat", "mm",
          "esim", "eri", "sen", "niiden", "sekä", "jne", "tms", "kuin", "vain", "jo", "nyt", "siis",
          "koska", "jos", "niin", "ole", "olemme", "olisi", "heidän", "hyvä", "yms", "eli",
          "mukaan", "lisäksi", "osa", "kaikki", "muut", "muiden", "muun");

  static final Set<String> SV =
      words(
          "och", "att", "är", "för", "som", "med", "på", "av", "en", "ett", "inte", "jag", "det",
          "den", "har", "till", "kan", "vi", "du", "eller", "om", "ska", "i", "de", "var", "vara",
          "samt", "från", "hos", "vid", "dig", "oss", "vår", "våra", "din", "dina", "sig", "även",
          "efter", "inom", "mot", "under", "genom", "så", "men", "när", "där", "då", "bli");

  static final Set<String> NO =
      words(
          "og", "å", "er", "for", "som", "med", "på", "av", "en", "et", "ikke", "jeg", "det", "den",
          "har", "til", "kan", "vi", "du", "eller", "om", "skal", "i", "de", "var", "være", "samt",
          "fra", "hos", "ved", "deg", "oss", "vår", "våre", "din", "dine", "seg", "også", "etter",
          "innen", "mot", "under", "gjennom", "så", "men", "når", "der", "da", "bli", "eller",
          "hvor", "vil");

  private Stopwords() {}

  /** A set that tolerates repeats, which {@code Set.of} rejects at class initialisation. */
  private static Set<String> words(String... words) {
    return Set.copyOf(java.util.Arrays.asList(words));
  }

  static Set<String> of(Language language) {
    return switch (language) {
      case EN -> EN;
      case FI -> FI;
      case SV -> SV;
      case NO -> NO;
    };
  }
}
