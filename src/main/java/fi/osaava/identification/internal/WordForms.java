package fi.osaava.identification.internal;

import fi.osaava.platform.Language;
import fi.osaava.text.FinnishMorphology;
import fi.osaava.text.StopWords;
import fi.osaava.text.SwedishVariants;
import fi.osaava.text.WordAnalysis;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.NorwegianStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * The forms under which words of one language match: a label word is indexed under one key (its
 * lemma or stem), and a word of the text is looked up under all of its forms (every lemma, the
 * stem, and the parts of a compound). Finnish uses Voikko lemmas and compound parts (or Lucene's
 * stemmer when Voikko is missing); Swedish and Norwegian use Snowball stems and split compounds
 * against the vocabulary of the labels; English uses the Snowball (Porter 2) stemmer.
 */
abstract class WordForms {

  final Language language;
  private final Set<String> stopwords;

  WordForms(Language language) {
    this.language = language;
    this.stopwords = StopWords.of(language.locale());
  }

  static WordForms of(Language language, FinnishMorphology morphology) {
    return switch (language) {
      case FI -> new Finnish(morphology);
      case EN -> new Stemmed(language, EnglishStemmer::new, false);
      case SV -> new Stemmed(language, SwedishStemmer::new, true, FINLAND_SWEDISH);
      case NO -> new Stemmed(language, NorwegianStemmer::new, true);
    };
  }

  boolean isStopword(String word) {
    return stopwords.contains(word);
  }

  /** The key a label word is indexed under. */
  abstract String key(String word);

  /** The keys of the parts of a compound word, or an empty list when it is not one. */
  abstract List<String> parts(String word);

  /** Every key a word of the text can match: its own key(s) first, then compound parts. */
  abstract List<String> textForms(String word);

  /** The keys a word of the text matches as a whole word, without its compound parts. */
  List<String> wholeWordForms(String word) {
    List<String> forms = new ArrayList<>(textForms(word));
    forms.removeAll(parts(word));
    forms.add(key(word));
    return forms;
  }

  /** Learns the vocabulary that compounds are split against; a no-op where a lexicon does it. */
  void learnVocabulary(Set<String> words) {}

  /** Whether lemmas come from a real lexicon (Voikko) rather than a stemmer. */
  boolean lexical() {
    return false;
  }

  static final class Finnish extends WordForms {
    private final FinnishMorphology morphology;

    Finnish(FinnishMorphology morphology) {
      super(Language.FI);
      this.morphology = morphology;
    }

    @Override
    String key(String word) {
      WordAnalysis analysis = morphology.analyze(word);
      return analysis.lemmas().isEmpty() ? word : analysis.lemmas().getFirst();
    }

    @Override
    List<String> parts(String word) {
      List<String> parts = morphology.analyze(word).compoundParts();
      return parts.size() >= 2 ? parts : List.of();
    }

    @Override
    List<String> textForms(String word) {
      WordAnalysis analysis = morphology.analyze(word);
      Set<String> forms = new LinkedHashSet<>(analysis.lemmas());
      forms.add(word);
      forms.addAll(analysis.compoundParts());
      return new ArrayList<>(forms);
    }

    @Override
    boolean lexical() {
      return morphology.isVoikkoAvailable();
    }
  }

  static final class Stemmed extends WordForms {
    private final ThreadLocal<SnowballStemmer> stemmer;
    private final boolean splitCompounds;
    private volatile Set<String> vocabulary = Set.of();

    private final Map<String, String> variants;

    Stemmed(Language language, Supplier<SnowballStemmer> stemmer, boolean splitCompounds) {
      this(language, stemmer, splitCompounds, Map.of());
    }

    Stemmed(
        Language language,
        Supplier<SnowballStemmer> stemmer,
        boolean splitCompounds,
        Map<String, String> variants) {
      super(language);
      this.variants = variants;
      this.stemmer = ThreadLocal.withInitial(stemmer);
      this.splitCompounds = splitCompounds;
    }

    @Override
    String key(String word) {
      if (word.length() < 3 || !Character.isLetter(word.charAt(0))) {
        return word;
      }
      SnowballStemmer s = stemmer.get();
      s.setCurrent(word);
      s.stem();
      return s.getCurrent();
    }

    @Override
    void learnVocabulary(Set<String> words) {
      if (splitCompounds) {
        Set<String> keys = new java.util.HashSet<>();
        for (String word : words) {
          if (word.length() >= 3 && !isStopword(word)) {
            keys.add(word);
            keys.add(key(word));
          }
        }
        vocabulary = keys;
      }
    }

    /**
     * Splits a compound in two where both halves are words of the labels (the first one possibly
     * with the linking {@code s} of Swedish and Norwegian compounds), preferring the longest last
     * part: {@code systemutvecklare} → {@code system} + {@code utvecklare}. Failing that, a known
     * last part of at least five letters is split off on its own, because these compounds are
     * right-headed: a {@code länsbibliotekarie} is a {@code bibliotekarie}.
     */
    @Override
    List<String> parts(String word) {
      if (!splitCompounds || word.length() < 7) {
        return List.of();
      }
      Set<String> vocabulary = this.vocabulary;
      String knownTail = null;
      int knownTailAt = -1;
      for (int i = 3; i <= word.length() - 4; i++) {
        String tail = word.substring(i);
        if (!vocabulary.contains(tail) && !vocabulary.contains(key(tail))) {
          continue;
        }
        String head = word.substring(0, i);
        if (vocabulary.contains(head)) {
          return List.of(key(head), key(tail));
        }
        if (head.length() > 3
            && (head.endsWith("s") || head.endsWith("e"))
            && vocabulary.contains(head.substring(0, i - 1))) {
          return List.of(key(head.substring(0, i - 1)), key(tail));
        }
        if (knownTail == null && tail.length() >= 5) {
          knownTail = tail;
          knownTailAt = i;
        }
      }
      if (knownTail != null) {
        return List.of(word.substring(0, knownTailAt), key(knownTail));
      }
      return List.of();
    }

    @Override
    List<String> textForms(String word) {
      List<String> forms = ownForms(word);
      for (Map.Entry<String, String> v : variants.entrySet()) {
        if (word.contains(v.getKey())) {
          List<String> more = new ArrayList<>(forms);
          for (String form : ownForms(word.replace(v.getKey(), v.getValue()))) {
            if (!more.contains(form)) {
              more.add(form);
            }
          }
          forms = more;
        }
      }
      return forms;
    }

    private List<String> ownForms(String word) {
      String key = key(word);
      List<String> parts = parts(word);
      if (parts.isEmpty()) {
        return key.equals(word) ? List.of(key) : List.of(key, word);
      }
      List<String> forms = new ArrayList<>(2 + parts.size());
      forms.add(key);
      forms.addAll(parts);
      return forms;
    }
  }

  /**
   * Finland-Swedish word stems and their Sweden-Swedish counterparts, which ESCO's Swedish labels
   * use: a Finland-Swedish text (sjukskötare, närvårdare, barnträdgårdslärare) also matches the
   * labels written in Sweden's usage (sjuksköterska, undersköterska, förskollärare). Parts of
   * words, so that compounds follow: barnträdgårdsgrupp → förskolegrupp. The table is shared with
   * the education search.
   */
  static final Map<String, String> FINLAND_SWEDISH = SwedishVariants.finlandToSwedenStems();
}
