package fi.osaava.identification.internal;

import fi.osaava.platform.Language;
import fi.osaava.text.StopWords;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Guesses the language of a sentence from its function words, letters that only some of the
 * languages use (å, æ, ø, ä, ö) and Finnish case endings. Good enough to choose analysers for
 * sentences of a few words; for a bare term or title it gives up ({@code null}), and the caller
 * then matches in every language.
 */
final class LanguageGuesser {

  private static final Language[] LANGUAGES = Language.values();

  @SuppressWarnings("unchecked")
  private static final Set<String>[] FUNCTION_WORDS =
      Arrays.stream(LANGUAGES).map(l -> StopWords.of(l.locale())).toArray(Set[]::new);

  private LanguageGuesser() {}

  /** The most likely language, or null when nothing speaks for one over the others. */
  static @Nullable Language guess(List<Token> tokens) {
    double[] score = new double[LANGUAGES.length];
    for (Token token : tokens) {
      String w = token.word();
      for (int i = 0; i < LANGUAGES.length; i++) {
        if (FUNCTION_WORDS[i].contains(w)) {
          score[i] += 1.0;
        }
      }
      score[Language.FI.ordinal()] += finnishness(w);
      if (w.indexOf('å') >= 0) {
        score[Language.SV.ordinal()] += 0.5;
        score[Language.NO.ordinal()] += 0.5;
      }
      if (w.indexOf('æ') >= 0 || w.indexOf('ø') >= 0) {
        score[Language.NO.ordinal()] += 1.0;
      }
      if (w.indexOf('ä') >= 0 || w.indexOf('ö') >= 0) {
        score[Language.FI.ordinal()] += 0.4;
        score[Language.SV.ordinal()] += 0.3;
      }
    }
    int best = -1;
    double bestScore = 0;
    double second = 0;
    for (int i = 0; i < score.length; i++) {
      if (score[i] > bestScore) {
        second = bestScore;
        bestScore = score[i];
        best = i;
      } else if (score[i] > second) {
        second = score[i];
      }
    }
    if (best < 0 || bestScore < 0.9 || bestScore - second < 0.25) {
      return null;
    }
    return LANGUAGES[best];
  }

  /** Endings of Finnish inflection and derivation that the other languages rarely have. */
  private static double finnishness(String w) {
    if (w.length() < 5) {
      return 0;
    }
    for (String ending : FINNISH_ENDINGS) {
      if (w.endsWith(ending)) {
        return 0.6;
      }
    }
    return w.contains("uu") || w.contains("yy") || w.contains("ää") || w.contains("ii") ? 0.3 : 0;
  }

  private static final String[] FINNISH_ENDINGS = {
    "ssa", "ssä", "sta", "stä", "lla", "llä", "lta", "ltä", "seen", "minen", "misen", "mista",
    "mistä", "maan", "mään", "nen", "ista", "istä", "ksi", "tään", "taan", "ttava", "ttävä", "uus",
    "yys", "ntä", "nta", "oida", "öidä", "jaa", "jää", "aan", "ään", "iin", "ja", "jä", "ssaan"
  };
}
