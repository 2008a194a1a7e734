package fi.osaava.education.internal.search;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.EscoImported;
import fi.osaava.taxonomy.LabelKind;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.text.FinnishMorphology;
import fi.osaava.text.SwedishVariants;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.SwedishStemmer;

/**
 * Query-time synonyms of the education search: other names for what a person typed, each searched
 * in the fields of its own language. Two sources:
 *
 * <ul>
 *   <li>Finland-Swedish and Sweden-Swedish variants ({@link SwedishVariants}), both ways and inside
 *       compounds: {@code sjuksköterska} also looks for {@code sjukskötare}, the word in the names
 *       of Finnish nursing degrees, and {@code sjukskötare} for {@code sjuksköterska};
 *   <li>ESCO's occupation labels in Swedish and Finnish: a query that is (or contains) a label of
 *       an occupation also looks for that occupation's other labels in the same language, and for
 *       its preferred labels in the other languages of the catalogue ({@code programmerare} →
 *       {@code mjukvaruutvecklare}, {@code ohjelmistokehittäjä}, {@code software developer}).
 * </ul>
 *
 * <p>Query words and labels are compared in a normal form per language (Voikko lemma for Finnish,
 * Snowball stem for Swedish, accents folded), so inflected and unaccented queries find their
 * labels. The expansion runs in the application, before the query reaches the index, rather than as
 * a synonym filter inside the backend's analysers: the same code then serves the Lucene and the
 * OpenSearch backend, and a new ESCO import takes effect without re-creating or re-indexing the
 * index. The dictionary is built from the imported ESCO labels on first use and again after each
 * ESCO import.
 */
@Component
public class QuerySynonyms {

  private static final Logger log = LoggerFactory.getLogger(QuerySynonyms.class);

  /** Languages whose ESCO occupation labels are read as synonyms. */
  static final List<Language> LABEL_LANGUAGES = List.of(Language.SV, Language.FI);

  /** Languages of the catalogue's fields, where alternatives are searched. */
  static final List<Language> FIELD_LANGUAGES = List.of(Language.FI, Language.SV, Language.EN);

  /** Longest label, in words, matched against the query: longer labels are descriptions. */
  static final int MAX_SPAN = 3;

  /**
   * A label that names more occupations than this is too general to stand for any one of them
   * ({@code kontrollant}, the head of dozens of labels): it is not expanded.
   */
  static final int MAX_CONCEPTS = 3;

  /** Alternatives searched for one span of the query, the shortest first. */
  static final int MAX_ALTERNATIVES = 6;

  /**
   * Alternatives searched for one whole query, the earliest spans first: each is a phrase in four
   * fields of every word it covers, and a query of twelve occupation names must stay well inside
   * Lucene's limit of 1,024 clauses.
   */
  static final int MAX_QUERY_ALTERNATIVES = 16;

  private static final Pattern PARENTHESES = Pattern.compile("\\([^)]*\\)");
  private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
  private static final Pattern MARKS = Pattern.compile("\\p{M}+");

  /** Another name to search for, in the fields of {@code language}. */
  public record Alternative(Language language, String text) {}

  /** A span of query words (start inclusive, end exclusive) and what else to search for it. */
  record Expansion(int start, int end, List<Alternative> alternatives) {}

  private final TaxonomyApi taxonomy;
  private final FinnishMorphology morphology;
  private final ThreadLocal<SnowballStemmer> swedish = ThreadLocal.withInitial(SwedishStemmer::new);
  private final ThreadLocal<SnowballStemmer> english = ThreadLocal.withInitial(EnglishStemmer::new);
  private volatile @Nullable Dictionary dictionary;

  /** Counts ESCO imports, so a dictionary built from the labels before one is not kept. */
  private final AtomicLong generation = new AtomicLong();

  QuerySynonyms(TaxonomyApi taxonomy, FinnishMorphology morphology) {
    this.taxonomy = taxonomy;
    this.morphology = morphology;
  }

  @ApplicationModuleListener
  void escoImported(EscoImported event) {
    generation.incrementAndGet();
    dictionary = null;
  }

  /** ESCO imported by another process (beside the service, another node): as after our own. */
  @EventListener
  void dataChanged(fi.osaava.platform.DataChanged event) {
    if (event.elsewhere() && event.concerns(EscoImported.DATASET)) {
      generation.incrementAndGet();
      dictionary = null;
    }
  }

  /**
   * In the service, builds the dictionary in the background once the application is ready, so the
   * first person to search does not wait for it (seconds: every Finnish label goes through Voikko).
   */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp(ApplicationReadyEvent event) {
    // Even the check for ESCO runs in the background: asked here, a database restarting while the
    // node started made the question throw and stopped the node (the topology's fault run).
    if (event.getApplicationContext() instanceof WebServerApplicationContext) {
      Thread.ofVirtual()
          .name("education-synonyms")
          .start(
              () -> {
                try {
                  if (taxonomy.imported()) {
                    dictionary();
                  }
                } catch (RuntimeException e) {
                  log.warn(
                      "Education search synonyms not built yet; the first query builds them", e);
                }
              });
    }
  }

  /**
   * The expansions of the query words, in order of their start: spans of up to {@link #MAX_SPAN}
   * words that are an occupation's label (longest first, never overlapping within one language),
   * and single words with a Finland-Swedish or Sweden-Swedish variant.
   */
  List<Expansion> expand(List<String> words) {
    List<Expansion> expansions = new ArrayList<>();
    if (words.isEmpty()) {
      return expansions;
    }
    Dictionary current = dictionary();
    List<List<Alternative>> variants = words.stream().map(this::variants).toList();
    for (Language language : LABEL_LANGUAGES) {
      List<String> keys = words.stream().map(w -> key(language, w)).toList();
      // build() fills every label language.
      Map<String, List<Alternative>> labels =
          Objects.requireNonNull(current.labels().get(language));
      int i = 0;
      while (i < keys.size()) {
        int matched = 0;
        for (int n = Math.min(MAX_SPAN, keys.size() - i); n >= 1 && matched == 0; n--) {
          List<Alternative> alternatives = labels.get(String.join(" ", keys.subList(i, i + n)));
          if (alternatives != null) {
            expansions.add(new Expansion(i, i + n, alternatives));
            matched = n;
          }
        }
        if (matched == 0 && language == Language.SV) {
          // A Finland-Swedish word stands for its Sweden-Swedish counterpart in ESCO's labels,
          // so both find the same offerings.
          for (Alternative variant : variants.get(i)) {
            List<Alternative> alternatives = labels.get(key(language, variant.text()));
            if (alternatives != null) {
              expansions.add(new Expansion(i, i + 1, alternatives));
              break;
            }
          }
        }
        i += Math.max(matched, 1);
      }
    }
    for (int i = 0; i < words.size(); i++) {
      if (!variants.get(i).isEmpty()) {
        expansions.add(new Expansion(i, i + 1, variants.get(i)));
      }
    }
    expansions.sort(Comparator.comparingInt(Expansion::start));
    List<Expansion> bounded = new ArrayList<>();
    int budget = MAX_QUERY_ALTERNATIVES;
    for (Expansion expansion : expansions) {
      List<Alternative> alternatives = expansion.alternatives();
      if (alternatives.size() > budget) {
        alternatives = alternatives.subList(0, budget);
      }
      if (!alternatives.isEmpty()) {
        bounded.add(new Expansion(expansion.start(), expansion.end(), List.copyOf(alternatives)));
        budget -= alternatives.size();
      }
    }
    return bounded;
  }

  /**
   * The other-country variants of a Swedish word: the word with a variant (or the last part of a
   * compound that is one) replaced by its counterpart, in base form, which the Swedish analyser
   * stems like any other word: {@code sjuksköterskor} → {@code sjukskötare}, {@code
   * operationssjukskötare} → {@code operationssjuksköterska}.
   */
  List<Alternative> variants(String word) {
    String key = key(Language.SV, word);
    List<Alternative> alternatives = new ArrayList<>();
    for (SwedishVariants.Pair pair : SwedishVariants.PAIRS) {
      addVariant(alternatives, key, pair.finlandSwedish(), pair.swedenSwedish());
      addVariant(alternatives, key, pair.swedenSwedish(), pair.finlandSwedish());
    }
    return alternatives;
  }

  private void addVariant(List<Alternative> alternatives, String key, String from, String to) {
    String fromKey = key(Language.SV, from);
    if (key.endsWith(fromKey)) {
      String prefix = key.substring(0, key.length() - fromKey.length());
      // A compound's first part is whole (a word of at least three letters): "underskötersk"
      // ends with "skötersk" but is no sjuksköterska.
      if (prefix.isEmpty() || prefix.length() >= 3) {
        Alternative alternative = new Alternative(Language.SV, prefix + to);
        if (!alternatives.contains(alternative)) {
          alternatives.add(alternative);
        }
      }
    }
  }

  /** The number of distinct label keys, per language: for the log and for tests. */
  Map<Language, Integer> size() {
    Map<Language, Integer> sizes = new EnumMap<>(Language.class);
    dictionary().labels().forEach((language, labels) -> sizes.put(language, labels.size()));
    return sizes;
  }

  private Dictionary dictionary() {
    Dictionary current = dictionary;
    if (current == null) {
      synchronized (this) {
        current = dictionary;
        if (current == null) {
          long built = generation.get();
          current = build();
          if (generation.get() == built) {
            dictionary = current;
          }
        }
      }
    }
    return current;
  }

  private record Dictionary(Map<Language, Map<String, List<Alternative>>> labels) {}

  /** The occupations' labels by normal form, each with the alternatives its occupations offer. */
  private Dictionary build() {
    long started = System.nanoTime();
    Map<Language, Map<String, Set<Integer>>> conceptsByKey = new EnumMap<>(Language.class);
    List<Map<Language, List<String>>> names = new ArrayList<>();
    for (Language language : LABEL_LANGUAGES) {
      conceptsByKey.put(language, new HashMap<>());
    }
    taxonomy.forEachConcept(
        Set.of(ConceptType.OCCUPATION),
        concept -> {
          int index = names.size();
          Map<Language, List<String>> byLanguage = new EnumMap<>(Language.class);
          for (ConceptRecord.Label label : concept.labels()) {
            if (label.kind() == LabelKind.HIDDEN || !FIELD_LANGUAGES.contains(label.language())) {
              continue;
            }
            String name = name(label.text());
            if (name.isEmpty() || name.split(" ").length > MAX_SPAN) {
              continue;
            }
            List<String> list =
                byLanguage.computeIfAbsent(label.language(), l -> new ArrayList<>());
            // The preferred label first: it is the alternative other languages get.
            if (label.kind() == LabelKind.PREFERRED) {
              list.remove(name);
              list.addFirst(name);
            } else if (!list.contains(name)) {
              list.add(name);
            }
            if (conceptsByKey.containsKey(label.language())) {
              conceptsByKey
                  .get(label.language())
                  .computeIfAbsent(key(label.language(), name), k -> new LinkedHashSet<>())
                  .add(index);
            }
          }
          names.add(byLanguage);
        });
    Map<Language, Map<String, List<Alternative>>> labels = new EnumMap<>(Language.class);
    for (Language language : LABEL_LANGUAGES) {
      Map<String, List<Alternative>> byKey = new HashMap<>();
      Objects.requireNonNull(conceptsByKey.get(language))
          .forEach(
              (key, concepts) -> {
                if (concepts.size() <= MAX_CONCEPTS) {
                  List<Alternative> alternatives = alternatives(language, key, concepts, names);
                  if (!alternatives.isEmpty()) {
                    byKey.put(key, alternatives);
                  }
                }
              });
      labels.put(language, Map.copyOf(byKey));
    }
    Dictionary built = new Dictionary(labels);
    if (!names.isEmpty()) {
      log.info(
          "Education search synonyms: {} Swedish and {} Finnish occupation labels in {} ms",
          Objects.requireNonNull(labels.get(Language.SV)).size(),
          Objects.requireNonNull(labels.get(Language.FI)).size(),
          (System.nanoTime() - started) / 1_000_000);
    }
    return built;
  }

  /**
   * The alternatives of a label: the other labels of its occupations in the same language, then
   * their preferred labels in the other languages, the shortest first, without the label itself.
   */
  private List<Alternative> alternatives(
      Language language,
      String key,
      Set<Integer> concepts,
      List<Map<Language, List<String>>> names) {
    List<Alternative> same = new ArrayList<>();
    List<Alternative> other = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    seen.add(language + ":" + key);
    for (int concept : concepts) {
      Map<Language, List<String>> byLanguage = names.get(concept);
      for (String name : byLanguage.getOrDefault(language, List.of())) {
        if (seen.add(language + ":" + key(language, name))) {
          same.add(new Alternative(language, name));
        }
      }
      for (Language target : FIELD_LANGUAGES) {
        List<String> targetNames = byLanguage.getOrDefault(target, List.of());
        if (target != language
            && !targetNames.isEmpty()
            && seen.add(target + ":" + targetNames.getFirst())) {
          other.add(new Alternative(target, targetNames.getFirst()));
        }
      }
    }
    Comparator<Alternative> shortest = Comparator.comparingInt(a -> a.text().length());
    same.sort(shortest);
    List<Alternative> all = new ArrayList<>(other);
    all.addAll(same);
    return all.size() > MAX_ALTERNATIVES ? List.copyOf(all.subList(0, MAX_ALTERNATIVES)) : all;
  }

  /**
   * A label as words to search for: the head before ESCO's qualifier ({@code sjuksköterska,
   * grundutbildad} → {@code sjuksköterska}), without parentheses, lower case, words separated by
   * one space.
   */
  static String name(String label) {
    String head = label.contains(",") ? label.substring(0, label.indexOf(',')) : label;
    head = PARENTHESES.matcher(head).replaceAll(" ");
    return NON_WORD.matcher(head.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
  }

  /** The normal form of a text in one language: each word's lemma or stem, accents folded. */
  String key(Language language, String text) {
    List<String> keys = new ArrayList<>();
    for (String word : text.toLowerCase(Locale.ROOT).split(" ")) {
      if (!word.isEmpty()) {
        keys.add(fold(wordKey(language, word)));
      }
    }
    return String.join(" ", keys);
  }

  private String wordKey(Language language, String word) {
    return switch (language) {
      case FI -> {
        List<String> lemmas = morphology.analyze(word).lemmas();
        yield lemmas.isEmpty() ? word : lemmas.getFirst();
      }
      case SV -> stem(swedish, word);
      default -> stem(english, word);
    };
  }

  private static String stem(ThreadLocal<SnowballStemmer> stemmer, String word) {
    if (word.length() < 3) {
      return word;
    }
    SnowballStemmer s = stemmer.get();
    s.setCurrent(word);
    s.stem();
    return s.getCurrent();
  }

  private static String fold(String word) {
    return MARKS.matcher(Normalizer.normalize(word, Normalizer.Form.NFD)).replaceAll("");
  }
}
