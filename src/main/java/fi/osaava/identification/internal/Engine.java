package fi.osaava.identification.internal;

import dev.langchain4j.model.embedding.EmbeddingModel;
import fi.osaava.identification.Identification;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.LabelKind;
import fi.osaava.text.FinnishMorphology;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The identification engine over one ESCO snapshot: label indexes per language, description
 * indexes, optional English embeddings, and the fusion that turns their signals into one ranked
 * list per concept type. Immutable once built, except that the semantic index can arrive later.
 */
final class Engine {

  /** Waits for the model's pool; a virtual thread, as it only blocks. */
  private static final java.util.concurrent.Executor EMBEDDING_CALLER =
      runnable -> Thread.ofVirtual().name("identification-embedding-call").start(runnable);

  /**
   * Words a gloss leaves out. The frame of a competence statement rather than its content: who has
   * the competence (the student, the graduate) and that they have it (can, knows, masters).
   * Curricula, qualification requirements and CVs wrap every competence in these words; glossed,
   * they pull the meaning towards teaching and studying. And function words beyond the label
   * index's stopwords whose translations are noise (Swedish "man" is "one", not a man; "får" is
   * "gets", not sheep). Given as written and as lemmas or stems, since a gloss looks up both.
   */
  private static final Map<Language, Set<String>> FRAME =
      Map.of(
          Language.FI,
          Set.of(
              "opiskelija",
              "opiskelijat",
              "suorittaja",
              "valmistunut",
              "osata",
              "osaa",
              "kyetä",
              "kykenee",
              "pystyä",
              "pystyy",
              "ymmärtää",
              "opinto",
              "opinnot",
              "opiskelu"),
          Language.SV,
          Set.of(
              "studerand",
              "studerande",
              "student",
              "studier",
              "studiern",
              "utexaminerad",
              "utexaminerade",
              "examinerad",
              "behärskar",
              "behärska",
              "förstår",
              "förstå",
              "lär",
              "lära",
              "man",
              "bland",
              "får",
              "hur",
              "också",
              "andra",
              "annat",
              "både",
              "många",
              "detta",
              "denna",
              "dessa",
              "deras",
              "dess",
              "vilka",
              "vilket",
              "mycket",
              "mer",
              "ger",
              "hör",
              "sådana",
              "såsom",
              "t.ex",
              "bl.a",
              "in",
              "dig",
              "din",
              "ditt"),
          Language.NO,
          Set.of(
              "student", "studenten", "studiene", "kandidaten", "behersker", "forstår", "lærer"));

  /** A second translation joins a gloss when it is at least this likely relative to the best. */
  private static final float GLOSS_SECOND = 0.6f;

  final EscoSnapshot esco;
  final Map<Language, LabelIndex> labels = new EnumMap<>(Language.class);
  final Map<Language, DescriptionIndex> descriptions = new EnumMap<>(Language.class);
  final Map<Language, CharNgramIndex> titles = new EnumMap<>(Language.class);
  final FusionWeights weights;
  final Map<Language, WordForms> forms = new EnumMap<>(Language.class);

  /** English words of the labels: a word of another language's text that is one stays as is. */
  private final Set<String> englishVocabulary;

  /** English label words that other languages' loanwords share (ekologi → ecology). */
  private final EnglishCognates cognates;

  /** Word translations into English per language, for glosses; empty until learnt. */
  private volatile Map<Language, WordTranslations> translations = Map.of();

  /** The English embeddings and the model that makes them; null until they are loaded. */
  private volatile @Nullable Embeddings embeddings;

  final int labelCount;

  private final LexicalSignal lexical;
  private final TitleSignal title;
  private final SemanticSignal semanticSignal;
  private final DescriptionSignal description;
  private final GraphSignal graph;
  private final Ranker ranker;

  Engine(EscoSnapshot esco, FinnishMorphology morphology, FusionWeights weights) {
    this.esco = esco;
    this.weights = weights;
    // The languages are independent; building them side by side halves the start-up on two
    // cores (Finnish waits on Voikko, English has the most labels).
    List<LanguageIndexes> built =
        java.util.Arrays.stream(Language.values())
            .parallel()
            .map(language -> buildLanguage(esco, WordForms.of(language, morphology)))
            .toList();
    int count = 0;
    Set<String> english = Set.of();
    for (LanguageIndexes l : built) {
      forms.put(l.language(), l.forms());
      if (l.language() == Language.EN) {
        english = l.vocabulary();
      }
      labels.put(l.language(), l.labels());
      titles.put(l.language(), l.titles());
      if (l.descriptions() != null) {
        descriptions.put(l.language(), l.descriptions());
      }
      count += l.labels().labelCount();
    }
    this.labelCount = count;
    this.englishVocabulary = english;
    this.cognates = new EnglishCognates(english);
    this.lexical = new LexicalSignal(esco, labels, weights);
    this.title = new TitleSignal(titles, weights);
    this.semanticSignal = new SemanticSignal(weights);
    this.description = new DescriptionSignal(descriptions);
    this.graph = new GraphSignal(esco, weights);
    this.ranker = new Ranker(esco, weights);
  }

  /** The semantic index and its model, attached together so a reader never sees one alone. */
  private record Embeddings(SemanticIndex index, EmbeddingModel model) {}

  /**
   * The indexes of one language.
   *
   * @param descriptions null for a language without skill descriptions
   */
  private record LanguageIndexes(
      Language language,
      WordForms forms,
      Set<String> vocabulary,
      LabelIndex labels,
      CharNgramIndex titles,
      @Nullable DescriptionIndex descriptions) {}

  private static LanguageIndexes buildLanguage(EscoSnapshot esco, WordForms forms) {
    Language language = forms.language;
    Set<String> vocabulary = new HashSet<>();
    for (ConceptRecord r : esco.records) {
      for (ConceptRecord.Label label : r.labels()) {
        if (label.language() == language) {
          vocabulary.addAll(Tokenizer.words(label.text()));
        }
      }
    }
    forms.learnVocabulary(vocabulary);
    LabelIndex.Builder builder = new LabelIndex.Builder(forms);
    for (LabelKind kind : LabelKind.values()) {
      for (int c = 0; c < esco.size(); c++) {
        for (ConceptRecord.Label label : esco.records.get(c).labels()) {
          if (label.language() == language && label.kind() == kind) {
            builder.add(c, kind, label.text());
          }
        }
      }
    }
    List<Integer> titleConcepts = new ArrayList<>();
    List<String> titleLabels = new ArrayList<>();
    for (int c = 0; c < esco.size(); c++) {
      if (esco.types[c] != ConceptType.SKILL) {
        for (ConceptRecord.Label label : esco.records.get(c).labels()) {
          if (label.language() == language) {
            titleConcepts.add(c);
            titleLabels.add(label.text());
          }
        }
      }
    }
    DescriptionIndex descriptions = null;
    if (language == Language.FI || language == Language.EN) {
      Map<Integer, String> texts = new HashMap<>();
      for (int c = 0; c < esco.size(); c++) {
        if (esco.types[c] == ConceptType.SKILL) {
          String description = esco.records.get(c).descriptions().get(language);
          if (description != null) {
            texts.put(c, description);
          }
        }
      }
      if (!texts.isEmpty()) {
        descriptions = new DescriptionIndex(forms, texts);
      }
    }
    return new LanguageIndexes(
        language,
        forms,
        Set.copyOf(vocabulary),
        builder.build(),
        new CharNgramIndex(titleConcepts, titleLabels),
        descriptions);
  }

  void attachSemantic(SemanticIndex index, EmbeddingModel embeddingModel) {
    this.embeddings = new Embeddings(index, embeddingModel);
  }

  boolean hasSemantic() {
    return embeddings != null;
  }

  /** The word forms of a language; the engine has them for every language. */
  WordForms formsOf(Language language) {
    return Objects.requireNonNull(forms.get(language), language::code);
  }

  void attachTranslations(Map<Language, WordTranslations> learnt) {
    this.translations = Map.copyOf(learnt);
  }

  boolean hasTranslations() {
    return !translations.isEmpty();
  }

  /**
   * An English gloss of a sentence in another language, word by word through the learnt
   * translations: each word's lemma (or, failing that, its compound parts) becomes its best English
   * word, or its two best when the second is nearly as likely; a word that is already an English
   * label word (Excel, Python) stays. Function words are left out. Every gloss word keeps the
   * offsets of the word it came from, so evidence points into the original text.
   */
  List<Token> gloss(List<Token> tokens, @Nullable Language language) {
    WordTranslations table = language == null ? null : translations.get(language);
    WordForms f = language == null ? null : forms.get(language);
    if (table == null || f == null || language == Language.EN) {
      return List.of();
    }
    List<Token> result = new ArrayList<>();
    Set<String> frame = FRAME.getOrDefault(language, Set.of());
    for (Token token : tokens) {
      String word = token.word();
      if (f.isStopword(word) || !Character.isLetterOrDigit(word.charAt(0))) {
        continue;
      }
      if (frame.contains(word) || frame.contains(f.key(word))) {
        continue;
      }
      List<WordTranslations.Translation> found = table.translate(f.key(word));
      if (found.isEmpty()) {
        for (String form : f.wholeWordForms(word)) {
          found = table.translate(form);
          if (!found.isEmpty()) {
            break;
          }
        }
      }
      if (!found.isEmpty()) {
        addGloss(result, found, token);
        continue;
      }
      boolean any = false;
      // Voikko's compound parts are right; a stemmed language's split against the labels' few
      // words is not (vetenskap is not veten + skap), so those are split against the translations.
      for (String part : f.lexical() ? f.parts(word) : List.<String>of()) {
        List<WordTranslations.Translation> partFound = table.translate(part);
        if (!partFound.isEmpty()) {
          addGloss(result, partFound, token);
          any = true;
        }
      }
      if (any) {
        continue;
      }
      List<List<WordTranslations.Translation>> split = splitByTranslations(word, f, table);
      if (!split.isEmpty()) {
        split.forEach(part -> addGloss(result, part, token));
        continue;
      }
      String english = englishVocabulary.contains(word) ? word : cognates.find(word);
      if (english != null) {
        result.add(new Token(english, token.start(), token.end(), result.size()));
      }
    }
    return result;
  }

  /**
   * A compound split where both halves have translations (Swedish and Norwegian compounds are split
   * against the labels' words, which are too few for skills; the translations know far more), the
   * first half possibly with a linking s: skogsskötsel → skog + skötsel. The longest known last
   * part wins, since these compounds are right-headed.
   */
  private static List<List<WordTranslations.Translation>> splitByTranslations(
      String word, WordForms f, WordTranslations table) {
    for (int i = 3; i <= word.length() - 3; i++) {
      List<WordTranslations.Translation> tail = known(word.substring(i), f, table);
      if (tail.isEmpty()) {
        continue;
      }
      String head = word.substring(0, i);
      List<WordTranslations.Translation> first = known(head, f, table);
      if (first.isEmpty() && head.length() > 3 && head.endsWith("s")) {
        first = known(head.substring(0, head.length() - 1), f, table);
      }
      if (!first.isEmpty()) {
        return List.of(first, tail);
      }
    }
    return List.of();
  }

  private static List<WordTranslations.Translation> known(
      String word, WordForms f, WordTranslations table) {
    List<WordTranslations.Translation> found = table.translate(f.key(word));
    return found.isEmpty() ? table.translate(word) : found;
  }

  private void addGloss(List<Token> into, List<WordTranslations.Translation> found, Token from) {
    WordTranslations.Translation best = found.getFirst();
    WordForms english = formsOf(Language.EN);
    // A word whose best translation is a function word is one itself: it adds nothing to match.
    if (english.isStopword(best.english())) {
      return;
    }
    into.add(new Token(best.english(), from.start(), from.end(), into.size()));
    if (found.size() > 1
        && found.get(1).score() >= GLOSS_SECOND * best.score()
        && !english.isStopword(found.get(1).english())) {
      into.add(new Token(found.get(1).english(), from.start(), from.end(), into.size()));
    }
  }

  List<Analysis> analyze(
      List<String> texts, @Nullable Language given, boolean useSemantic, int limit) {
    return analyze(texts, given, useSemantic, true, false, limit);
  }

  /**
   * @param useGraph whether occupations found by title lend their skills (off to measure what the
   *     occupation–skill graph adds)
   * @param withIscoGroups whether to rank ISCO unit groups as well
   */
  List<Analysis> analyze(
      List<String> texts,
      @Nullable Language given,
      boolean useSemantic,
      boolean useGraph,
      boolean withIscoGroups,
      int limit) {
    List<List<Piece>> pieces = new ArrayList<>(texts.size());
    List<Boolean> truncated = new ArrayList<>(texts.size());
    List<float[]> queryVectors = new ArrayList<>();
    List<int[]> queryOwner = new ArrayList<>();
    Embeddings sem = useSemantic ? embeddings : null;
    List<String> queryTexts = new ArrayList<>();
    for (int t = 0; t < texts.size(); t++) {
      String text = texts.get(t) == null ? "" : texts.get(t);
      boolean cut = text.length() > IdentificationApi.MAX_TEXT_LENGTH;
      if (cut) {
        text = text.substring(0, IdentificationApi.MAX_TEXT_LENGTH);
      }
      truncated.add(cut);
      List<Piece> textPieces = prepare(text, given);
      pieces.add(textPieces);
      if (sem != null) {
        for (int p = 0; p < textPieces.size(); p++) {
          Piece piece = textPieces.get(p);
          if ((piece.language() == null || piece.language() == Language.EN)
              && !piece.tokens().isEmpty()) {
            queryTexts.add(text.substring(piece.start(), piece.end()));
            queryOwner.add(new int[] {t, p});
          } else if (!piece.gloss().isEmpty()) {
            // Another language reaches the English embeddings through its gloss.
            queryTexts.add(
                piece.gloss().stream()
                    .map(Token::word)
                    .collect(java.util.stream.Collectors.joining(" ")));
            queryOwner.add(new int[] {t, p});
          }
        }
      }
    }
    // The model embeds on its own threads while this one does the lexical matching.
    java.util.concurrent.CompletableFuture<float[][]> embedding;
    if (sem == null || queryTexts.isEmpty()) {
      embedding = java.util.concurrent.CompletableFuture.completedFuture(new float[0][]);
    } else {
      EmbeddingModel embedder = sem.model();
      embedding =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> SemanticIndex.embed(embedder, queryTexts), EMBEDDING_CALLER);
    }
    SemanticIndex semanticIndex = sem == null ? null : sem.index();
    List<Analysis> results = new ArrayList<>(texts.size());
    int q = 0;
    for (int t = 0; t < texts.size(); t++) {
      int from = q;
      while (q < queryOwner.size() && queryOwner.get(q)[0] == t) {
        q++;
      }
      int first = from;
      int last = q;
      java.util.function.Supplier<float[][]> textVectors =
          () -> java.util.Arrays.copyOfRange(embedding.join(), first, last);
      List<Integer> vectorPieces = new ArrayList<>();
      for (int i = from; i < q; i++) {
        vectorPieces.add(queryOwner.get(i)[1]);
      }
      results.add(
          rank(
              pieces.get(t),
              truncated.get(t),
              given,
              new SemanticSignal.Query(semanticIndex, textVectors, vectorPieces),
              new Scope(useGraph, withIscoGroups, limit)));
    }
    return results;
  }

  private List<Piece> prepare(String text, @Nullable Language given) {
    if (text.isBlank()) {
      return List.of();
    }
    PreparedText prepared = PreparedText.of(text);
    List<Piece> pieces = new ArrayList<>(prepared.sentences.size());
    Map<Language, Integer> votes = new EnumMap<>(Language.class);
    for (int[] s : prepared.sentences) {
      List<Token> tokens = Tokenizer.tokenize(prepared.clean, s[0], s[1]);
      Language language = given != null ? given : LanguageGuesser.guess(tokens);
      if (language != null) {
        votes.merge(language, tokens.size(), Integer::sum);
      }
      pieces.add(new Piece(s[0], s[1], tokens, language, gloss(tokens, language)));
    }
    if (given == null && !votes.isEmpty()) {
      // A heading or a bare list item takes the language of the text around it.
      Language majority =
          votes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
      List<Piece> resolved = new ArrayList<>(pieces.size());
      for (Piece p : pieces) {
        resolved.add(
            p.language() != null
                ? p
                : new Piece(p.start(), p.end(), p.tokens(), majority, gloss(p.tokens(), majority)));
      }
      return resolved;
    }
    return pieces;
  }

  /**
   * What one analysis ranks.
   *
   * @param useGraph whether occupations found by title lend their skills
   * @param withIscoGroups whether to rank ISCO unit groups as well
   * @param limit candidates kept per list
   */
  private record Scope(boolean useGraph, boolean withIscoGroups, int limit) {}

  /**
   * One text through the signals, in a fixed order (the graph reads what the others found), and the
   * ranker.
   */
  private Analysis rank(
      List<Piece> pieces,
      boolean truncated,
      @Nullable Language given,
      SemanticSignal.Query vectors,
      Scope scope) {
    SignalTable signals = new SignalTable();
    lexical.collect(pieces, signals);
    title.collect(pieces, signals);
    semanticSignal.collect(pieces, vectors, signals);
    description.collect(pieces, vectors.index() != null, signals);
    if (scope.useGraph()) {
      graph.collect(signals);
    }
    // The occupations' graph term reads the best skills; ISCO groups need every occupation.
    List<Candidate> skills = ranker.skills(signals, Math.max(scope.limit(), weights.graphSkills()));
    List<Candidate> occupations =
        ranker.occupations(
            signals, skills, scope.withIscoGroups() ? Integer.MAX_VALUE : scope.limit());
    // Only the evaluations rank ISCO groups; the API and the page show occupations.
    List<Candidate> iscoGroups =
        scope.withIscoGroups() ? ranker.iscoGroups(signals, occupations) : List.of();
    Language language = given != null ? given : mainLanguage(pieces);
    List<Identification.Sentence> sentences = new ArrayList<>(pieces.size());
    for (Piece p : pieces) {
      sentences.add(
          new Identification.Sentence(
              p.start(), p.end(), p.language() == null ? language : p.language()));
    }
    return new Analysis(
        head(skills, scope.limit()),
        head(occupations, scope.limit()),
        head(iscoGroups, scope.limit()),
        sentences,
        truncated,
        language);
  }

  /** The language of most of the words, English when none is known. */
  private static Language mainLanguage(List<Piece> pieces) {
    Map<Language, Integer> weight = new EnumMap<>(Language.class);
    for (Piece piece : pieces) {
      if (!piece.tokens().isEmpty() && piece.language() != null) {
        weight.merge(piece.language(), piece.tokens().size(), Integer::sum);
      }
    }
    return weight.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse(Language.EN);
  }

  static int[] topIndexes(float[] values, int k) {
    k = Math.min(k, values.length);
    int[] heap = new int[k];
    int size = 0;
    for (int i = 0; i < values.length; i++) {
      if (size < k) {
        heap[size++] = i;
        siftUp(heap, size - 1, values);
      } else if (values[i] > values[heap[0]]) {
        heap[0] = i;
        siftDown(heap, size, values);
      }
    }
    return java.util.Arrays.copyOf(heap, size);
  }

  private static void siftUp(int[] heap, int i, float[] v) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (v[heap[i]] >= v[heap[parent]]) {
        return;
      }
      int tmp = heap[i];
      heap[i] = heap[parent];
      heap[parent] = tmp;
      i = parent;
    }
  }

  private static void siftDown(int[] heap, int size, float[] v) {
    int i = 0;
    while (true) {
      int l = 2 * i + 1;
      int r = l + 1;
      int m = i;
      if (l < size && v[heap[l]] < v[heap[m]]) {
        m = l;
      }
      if (r < size && v[heap[r]] < v[heap[m]]) {
        m = r;
      }
      if (m == i) {
        return;
      }
      int tmp = heap[i];
      heap[i] = heap[m];
      heap[m] = tmp;
      i = m;
    }
  }

  private static List<Candidate> head(List<Candidate> list, int limit) {
    return list.size() <= limit ? list : List.copyOf(list.subList(0, limit));
  }

  /**
   * Occupations and ISCO groups in one list by score; a group found through one of its occupations
   * ranks just after it.
   */
  static List<Candidate> occupationsAndGroups(Analysis a) {
    List<Candidate> merged = new ArrayList<>(a.occupations().size() + a.iscoGroups().size());
    merged.addAll(a.occupations());
    merged.addAll(a.iscoGroups());
    merged.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return merged;
  }

  static double sigmoid(double z) {
    return 1 / (1 + Math.exp(-z));
  }
}
