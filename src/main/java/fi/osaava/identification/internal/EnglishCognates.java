package fi.osaava.identification.internal;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * English words that a Finnish, Swedish or Norwegian word borrows or shares (ekologi and ekologia
 * are ecology, biomekanik is biomechanics, analysoida and analysera are analyse). Both sides are
 * reduced to a rough common spelling: Latin and Greek spellings folded (ph, ch, c, y, z, th),
 * doubled letters single, the languages' loan-verb and noun endings (-era, -oida, -aatio) mapped to
 * the English ones, and final vowels and plural s dropped. A word matches when its reduced form is
 * the reduced form of an English label word. Only words the learnt translations do not know are
 * looked up here, and only reduced forms of five letters or more, where chance matches are rare.
 */
final class EnglishCognates {

  private static final int MIN_LENGTH = 5;

  private final Map<String, String> byForm = new HashMap<>();

  EnglishCognates(Set<String> englishWords) {
    for (String word : englishWords) {
      if (!word.chars().allMatch(Character::isLetter)) {
        continue;
      }
      String form = reduce(word, true);
      if (form.length() >= MIN_LENGTH) {
        // The shortest English word of a form is its base (ecology before ecologies).
        byForm.merge(form, word, (a, b) -> b.length() < a.length() ? b : a);
      }
    }
  }

  /** The English word this one shares its form with, or null. */
  @Nullable String find(String word) {
    String form = reduce(word, false);
    return form.length() >= MIN_LENGTH ? byForm.get(form) : null;
  }

  static String reduce(String word, boolean english) {
    String w = word.toLowerCase(Locale.ROOT);
    if (english) {
      w = w.replace("ph", "f").replace("th", "t").replace("ch", "k");
      w = w.replace("c", "k").replace("q", "k").replace("z", "s").replace("w", "v");
      if (w.endsWith("ize") || w.endsWith("ise")) {
        w = w.substring(0, w.length() - 3) + "is";
      }
    } else {
      w = w.replace('ä', 'a').replace('ö', 'o').replace('å', 'o').replace('é', 'e');
      w = w.replace("c", "k").replace("z", "s").replace("w", "v").replace("ph", "f");
      w = w.replace("ch", "k");
      // Loan verbs: analysera, analysoida, analysere → analys(e); organisaatio → organisation.
      for (String ending : new String[] {"oida", "eerata", "era", "ere"}) {
        if (w.endsWith(ending) && w.length() > ending.length() + 3) {
          w = w.substring(0, w.length() - ending.length());
          break;
        }
      }
      if (w.endsWith("aatio")) {
        w = w.substring(0, w.length() - 5) + "ation";
      }
    }
    // English plurals (biomechanics, logistics); not a double s (process), not the other side.
    if (english && w.endsWith("s") && !w.endsWith("ss") && w.length() > MIN_LENGTH) {
      w = w.substring(0, w.length() - 1);
    }
    w = w.replace('y', 'i');
    StringBuilder single = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      if (i == 0 || w.charAt(i) != w.charAt(i - 1)) {
        single.append(w.charAt(i));
      }
    }
    w = single.toString();
    int end = w.length();
    while (end > 0 && "aeiou".indexOf(w.charAt(end - 1)) >= 0) {
      end--;
    }
    return w.substring(0, end);
  }
}
