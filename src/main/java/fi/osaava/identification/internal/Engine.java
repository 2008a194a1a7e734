package fi.osaava.identification.internal;

import dev.langchain4j.model.embedding.EmbeddingModel;
import fi.osaava.identification.Identification;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.MatchReason;
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
import java.util.Set;

/**
 * The identification engine over one ESCO snapshot: label indexes per language, description
 * indexes, optional English embeddings, and the fusion that turns their signals into one ranked
 * list per concept type. Immutable once built, except that the semantic index can arrive later.
 */
final class Engine {

  /** Semantic neighbours kept per sentence; further ones would not make the top anyway. */
  private static final int SEMANTIC_PER_SENTENCE = 60;

  /** Pieces of at most this many words may be titles, compared by character n-grams. */
  private static final int TITLE_WORDS = 6;

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

  /** English labels matched through a gloss count this much of a direct match. */
  private static final float GLOSS_LEXICAL = 0.75f;

  /** Description matches kept per text. */
  private static final int DESCRIPTION_CANDIDATES = 40;

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

  private volatile SemanticIndex semantic;
  private volatile EmbeddingModel model;
  final int labelCount;

  /** ISCO unit group concept by its four-digit code. */
  private final Map<String, Integer> groupOfCode = new HashMap<>();

  /** Each concept's four-digit ISCO unit group, or null. */
  private final String[] unitGroup;

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
    this.unitGroup = new String[esco.size()];
    for (int c = 0; c < esco.size(); c++) {
      unitGroup[c] = esco.iscoUnitGroup(c);
      if (esco.types[c] == ConceptType.ISCO_GROUP
          && unitGroup[c] != null
          && unitGroup[c].length() == 4) {
        groupOfCode.put(unitGroup[c], c);
      }
    }
  }

  /** The indexes of one language. */
  private record LanguageIndexes(
      Language language,
      WordForms forms,
      Set<String> vocabulary,
      LabelIndex labels,
      CharNgramIndex titles,
      DescriptionIndex descriptions) {}

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
    this.model = embeddingModel;
    this.semantic = index;
  }

  boolean hasSemantic() {
    return semantic != null;
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
  List<Token> gloss(List<Token> tokens, Language language) {
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
    WordForms english = forms.get(Language.EN);
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

  /** Per-concept signals gathered from one text. */
  private static final class Signals {
    float lex;
    boolean literal;
    float sem;
    float desc;
    float graph;
    float title;
    int[] titleSpan;
    final List<int[]> lexSpans = new ArrayList<>(2);
    int[] semSpan;
    List<int[]> descSpans;
    List<int[]> graphSpans;
  }

  /** One sentence with its words and language, ready for matching. */
  private record Piece(
      int start, int end, List<Token> tokens, Language language, List<Token> gloss) {}

  List<Analysis> analyze(List<String> texts, Language given, boolean useSemantic, int limit) {
    return analyze(texts, given, useSemantic, true, false, limit);
  }

  /**
   * @param useGraph whether occupations found by title lend their skills (off to measure what the
   *     occupation–skill graph adds)
   * @param withIscoGroups whether to rank ISCO unit groups as well
   */
  List<Analysis> analyze(
      List<String> texts,
      Language given,
      boolean useSemantic,
      boolean useGraph,
      boolean withIscoGroups,
      int limit) {
    List<List<Piece>> pieces = new ArrayList<>(texts.size());
    List<Boolean> truncated = new ArrayList<>(texts.size());
    List<float[]> queryVectors = new ArrayList<>();
    List<int[]> queryOwner = new ArrayList<>();
    SemanticIndex sem = useSemantic ? semantic : null;
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
    java.util.concurrent.CompletableFuture<float[][]> embedding =
        sem == null || queryTexts.isEmpty()
            ? java.util.concurrent.CompletableFuture.completedFuture(new float[0][])
            : java.util.concurrent.CompletableFuture.supplyAsync(
                () -> SemanticIndex.embed(model, queryTexts), EMBEDDING_CALLER);
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
              sem,
              textVectors,
              vectorPieces,
              useGraph,
              withIscoGroups,
              limit));
    }
    return results;
  }

  private List<Piece> prepare(String text, Language given) {
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

  private Analysis rank(
      List<Piece> pieces,
      boolean truncated,
      Language given,
      SemanticIndex sem,
      java.util.function.Supplier<float[][]> vectorSupplier,
      List<Integer> vectorPieces,
      boolean useGraph,
      boolean withIscoGroups,
      int limit) {
    Map<Integer, Signals> signals = new HashMap<>();
    Map<Language, Integer> languageWeight = new EnumMap<>(Language.class);
    Map<Language, List<Token>> tokensByLanguage = new EnumMap<>(Language.class);
    for (Piece piece : pieces) {
      if (piece.tokens().isEmpty()) {
        continue;
      }
      if (piece.language() != null) {
        languageWeight.merge(piece.language(), piece.tokens().size(), Integer::sum);
        tokensByLanguage
            .computeIfAbsent(piece.language(), k -> new ArrayList<>())
            .addAll(piece.tokens());
      }
      for (Language language : Language.values()) {
        boolean primary = piece.language() == null || piece.language() == language;
        boolean secondary = !primary && language == Language.EN;
        if (!primary && !secondary) {
          continue;
        }
        for (LabelIndex.LabelHit hit : labels.get(language).match(piece.tokens(), secondary)) {
          if (language == Language.EN
              && esco.types[hit.concept()] != ConceptType.SKILL
              && !hit.light()) {
            // The stemmer makes "project management" a "project manager"; titles need the word.
            continue;
          }
          float score = hitScore(hit, labels.get(language).kind(hit.label()));
          Signals s = signals.computeIfAbsent(hit.concept(), k -> new Signals());
          if (score > s.lex + 1e-6) {
            s.lex = score;
            s.literal = hit.literal() && hit.complete();
            s.lexSpans.clear();
          }
          if (score >= s.lex - 1e-6 && s.lexSpans.size() < 4) {
            for (int[] span : spans(piece.tokens(), hit.tokens())) {
              // Variants of one label (and several labels) often point at the same words.
              if (s.lexSpans.stream().noneMatch(o -> o[0] == span[0] && o[1] == span[1])) {
                s.lexSpans.add(span);
              }
            }
          }
        }
      }
    }
    for (Piece piece : pieces) {
      if (piece.gloss().isEmpty()) {
        continue;
      }
      for (LabelIndex.LabelHit hit : labels.get(Language.EN).match(piece.gloss(), false)) {
        if (esco.types[hit.concept()] != ConceptType.SKILL) {
          continue;
        }
        float score = GLOSS_LEXICAL * hitScore(hit, labels.get(Language.EN).kind(hit.label()));
        Signals s = signals.computeIfAbsent(hit.concept(), k -> new Signals());
        if (score > s.lex + 1e-6) {
          s.lex = score;
          s.literal = false;
          s.lexSpans.clear();
          s.lexSpans.addAll(spans(piece.gloss(), hit.tokens()));
        }
      }
    }
    for (Piece piece : pieces) {
      if (piece.tokens().isEmpty() || piece.tokens().size() > TITLE_WORDS) {
        continue;
      }
      String phrase =
          piece.tokens().stream()
              .map(Token::word)
              .collect(java.util.stream.Collectors.joining(" "));
      for (Language language : Language.values()) {
        if (piece.language() != null && piece.language() != language) {
          continue;
        }
        titles
            .get(language)
            .search(phrase, weights.titleFloor())
            .forEach(
                (c, sim) -> {
                  Signals s = signals.computeIfAbsent(c, k -> new Signals());
                  if (sim > s.title) {
                    s.title = sim;
                    s.titleSpan = new int[] {piece.start(), piece.end()};
                  }
                });
      }
    }
    float[][] vectors = vectorPieces.isEmpty() ? new float[0][] : vectorSupplier.get();
    if (sem != null && vectors.length > 0) {
      for (int k = 0; k < vectors.length; k++) {
        Piece piece = pieces.get(vectorPieces.get(k));
        SemanticIndex.Neighbours neighbours = sem.nearest(vectors[k]);
        float[] scores = neighbours.scores();
        for (int r : topIndexes(scores, SEMANTIC_PER_SENTENCE)) {
          float value = clamp01((scores[r] - weights.semanticFloor()) / weights.semanticRange());
          if (value <= 0) {
            continue;
          }
          Signals s = signals.computeIfAbsent(neighbours.concepts()[r], c -> new Signals());
          if (value > s.sem) {
            s.sem = value;
            s.semSpan = new int[] {piece.start(), piece.end()};
          }
        }
      }
    }
    // A language without descriptions of its own (Swedish, Norwegian) reads the English ones
    // through its gloss.
    List<Token> glossed = new ArrayList<>();
    for (Piece piece : pieces) {
      if (piece.language() != null && !descriptions.containsKey(piece.language())) {
        glossed.addAll(piece.gloss());
      }
    }
    Map<Language, List<Token>> describedBy = new EnumMap<>(tokensByLanguage);
    if (sem != null) {
      // English text has its embeddings; its words go to the descriptions only without them.
      describedBy.remove(Language.EN);
    }
    if (!glossed.isEmpty()) {
      describedBy.merge(
          Language.EN,
          glossed,
          (own, gloss) -> java.util.stream.Stream.concat(own.stream(), gloss.stream()).toList());
    }
    for (Map.Entry<Language, List<Token>> e : describedBy.entrySet()) {
      DescriptionIndex index = descriptions.get(e.getKey());
      if (index == null) {
        continue;
      }
      List<float[]> hits = index.search(e.getValue(), DESCRIPTION_CANDIDATES);
      if (hits.isEmpty()) {
        continue;
      }
      float best = hits.getFirst()[1];
      List<int[]> evidence = strongestWords(index, e.getValue(), 3);
      for (float[] hit : hits) {
        Signals s = signals.computeIfAbsent((int) hit[0], c -> new Signals());
        s.desc = hit[1] / best;
        s.descSpans = evidence;
      }
    }
    List<Candidate> occupationsByTitle = new ArrayList<>();
    for (Map.Entry<Integer, Signals> e : signals.entrySet()) {
      int c = e.getKey();
      if (esco.types[c] == ConceptType.OCCUPATION && e.getValue().lex >= weights.titleThreshold()) {
        occupationsByTitle.add(new Candidate(c, e.getValue().lex, null, e.getValue().lexSpans));
      }
    }
    for (Candidate occupation : useGraph ? occupationsByTitle : List.<Candidate>of()) {
      propagate(signals, occupation, esco.essentialSkills[occupation.concept()], 1f);
      propagate(signals, occupation, esco.optionalSkills[occupation.concept()], 0.5f);
    }
    List<Candidate> skills = new ArrayList<>();
    for (Map.Entry<Integer, Signals> e : signals.entrySet()) {
      if (esco.types[e.getKey()] == ConceptType.SKILL) {
        skills.add(skillCandidate(e.getKey(), e.getValue()));
      }
    }
    skills.sort(Comparator.comparingDouble(Candidate::score).reversed());
    List<Candidate> occupations = rankOccupations(signals, skills);
    // Only the evaluations rank ISCO groups; the API and the page show occupations.
    List<Candidate> iscoGroups = withIscoGroups ? rankIscoGroups(signals, occupations) : List.of();
    Language language = given;
    if (language == null) {
      language =
          languageWeight.entrySet().stream()
              .max(Map.Entry.comparingByValue())
              .map(Map.Entry::getKey)
              .orElse(Language.EN);
    }
    List<Identification.Sentence> sentences = new ArrayList<>(pieces.size());
    for (Piece p : pieces) {
      sentences.add(
          new Identification.Sentence(
              p.start(), p.end(), p.language() == null ? language : p.language()));
    }
    return new Analysis(
        head(skills, limit),
        head(occupations, limit),
        head(iscoGroups, limit),
        sentences,
        truncated,
        language);
  }

  private void propagate(
      Map<Integer, Signals> signals, Candidate occupation, int[] skills, float w) {
    for (int skill : skills) {
      Signals s = signals.computeIfAbsent(skill, k -> new Signals());
      float value = (float) occupation.score() * w;
      if (value > s.graph) {
        s.graph = value;
        s.graphSpans = occupation.spans();
      }
    }
  }

  private Candidate skillCandidate(int concept, Signals s) {
    FusionWeights w = weights;
    float prior = esco.prior[concept];
    float[] features = {s.lex, s.literal ? 1 : 0, s.sem, s.desc, s.graph, prior};
    float lexPart = w.lexical() * s.lex + (s.literal ? w.literal() : 0);
    float semPart = w.semantic() * s.sem;
    float descPart = w.description() * s.desc;
    float graphPart = w.graph() * s.graph;
    double score = sigmoid(w.skillScore(features));
    MatchReason reason;
    List<int[]> spans;
    float best = Math.max(Math.max(lexPart, semPart), Math.max(descPart, graphPart));
    if (best == lexPart && s.lex > 0) {
      reason = s.literal ? MatchReason.LITERAL : MatchReason.MORPHOLOGICAL;
      spans = s.lexSpans;
    } else if (best == semPart && s.semSpan != null) {
      reason = MatchReason.SEMANTIC;
      spans = List.of(s.semSpan);
    } else if (best == descPart && s.descSpans != null) {
      reason = MatchReason.SEMANTIC;
      spans = s.descSpans;
    } else {
      reason = MatchReason.RELATED;
      spans = s.graphSpans == null ? List.of() : s.graphSpans;
    }
    return new Candidate(concept, score, reason, spans, features);
  }

  /**
   * Occupations from their titles in the text, from the text's meaning (English), and from the
   * skills found: an occupation whose essential skills the text shows ranks high.
   */
  private List<Candidate> rankOccupations(Map<Integer, Signals> signals, List<Candidate> skills) {
    Map<Integer, Float> support = new HashMap<>();
    int used = 0;
    for (Candidate skill : skills) {
      if (used++ >= weights.graphSkills()) {
        break;
      }
      for (int occupation : esco.occupationsOfSkill[skill.concept()]) {
        support.merge(occupation, (float) skill.score(), Float::sum);
      }
    }
    float maxSupport = 0;
    for (Map.Entry<Integer, Float> e : support.entrySet()) {
      float normalized =
          e.getValue() / (float) Math.sqrt(esco.essentialSkills[e.getKey()].length + 1.0);
      e.setValue(normalized);
      maxSupport = Math.max(maxSupport, normalized);
    }
    Set<Integer> concepts = new HashSet<>(support.keySet());
    for (Map.Entry<Integer, Signals> e : signals.entrySet()) {
      if (esco.types[e.getKey()] == ConceptType.OCCUPATION) {
        concepts.add(e.getKey());
      }
    }
    List<Candidate> result = new ArrayList<>(concepts.size());
    for (int c : concepts) {
      Signals s = signals.get(c);
      float lex = s == null ? 0 : s.lex;
      float sem = s == null ? 0 : s.sem;
      float graph = maxSupport <= 0 ? 0 : support.getOrDefault(c, 0f) / maxSupport;
      float title = s == null ? 0 : s.title;
      float titlePart = weights.occupationTitle() * title;
      float lexPart =
          weights.occupationLexical() * lex + (s != null && s.literal ? weights.literal() : 0);
      float semPart = weights.occupationSemantic() * sem;
      float graphPart = weights.occupationGraph() * graph;
      double score = sigmoid(weights.occupationBias() + lexPart + semPart + graphPart + titlePart);
      MatchReason reason;
      List<int[]> spans;
      if (lexPart >= semPart && lexPart >= graphPart && lex > 0) {
        reason = s.literal ? MatchReason.LITERAL : MatchReason.MORPHOLOGICAL;
        spans = s.lexSpans;
      } else if (titlePart >= semPart && titlePart >= graphPart && title > 0) {
        reason = MatchReason.MORPHOLOGICAL;
        spans = List.of(s.titleSpan);
      } else if (semPart >= graphPart && s != null && s.semSpan != null) {
        reason = MatchReason.SEMANTIC;
        spans = List.of(s.semSpan);
      } else {
        reason = MatchReason.RELATED;
        spans = List.of();
      }
      result.add(new Candidate(c, score, reason, spans));
    }
    result.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return result;
  }

  /** ISCO unit groups: their own labels, and the best of their occupations. */
  private List<Candidate> rankIscoGroups(
      Map<Integer, Signals> signals, List<Candidate> occupations) {
    Map<String, Candidate> best = new HashMap<>();
    for (Candidate occupation : occupations) {
      String code = unitGroup[occupation.concept()];
      if (code != null) {
        best.merge(code, occupation, (a, b) -> a.score() >= b.score() ? a : b);
      }
    }
    for (Map.Entry<Integer, Signals> e : signals.entrySet()) {
      int c = e.getKey();
      if (esco.types[c] != ConceptType.ISCO_GROUP) {
        continue;
      }
      String code = unitGroup[c];
      if (code == null || code.length() != 4) {
        continue;
      }
      Signals s = e.getValue();
      double score =
          sigmoid(
              weights.occupationBias()
                  + weights.occupationLexical() * s.lex
                  + (s.literal ? weights.literal() : 0));
      Candidate own =
          new Candidate(
              c, score, s.literal ? MatchReason.LITERAL : MatchReason.MORPHOLOGICAL, s.lexSpans);
      best.merge(code, own, (a, b) -> a.score() >= b.score() ? a : b);
    }
    List<Candidate> result = new ArrayList<>(best.size());
    for (Map.Entry<String, Candidate> e : best.entrySet()) {
      Integer group = groupOfCode.get(e.getKey());
      if (group != null) {
        Candidate c = e.getValue();
        // Just after its best occupation: the more specific answer first, the group as the
        // fallback. (Putting the group first when the occupation's title was not in the text word
        // for word lost more than it won on the Swedish development titles.)
        double score = c.concept() != group ? c.score() - 1e-6 : c.score();
        result.add(new Candidate(group, score, c.reason(), c.spans()));
      }
    }
    result.sort(Comparator.comparingDouble(Candidate::score).reversed());
    return result;
  }

  /**
   * A label hit's strength: the share of the label's weight found (squared, so half a label counts
   * a quarter), whether its words are close, whether all were found, the kind of label, and how
   * specific the matched words are.
   */
  private float hitScore(LabelIndex.LabelHit hit, LabelKind kind) {
    float kindWeight =
        switch (kind) {
          case PREFERRED -> 1f;
          case ALTERNATIVE -> 0.95f;
          case HIDDEN -> 0.85f;
        };
    float specificity = Math.min(1f, hit.covered() / weights.specificIdf());
    return hit.coverage()
        * hit.coverage()
        * hit.proximity()
        * kindWeight
        * (hit.complete() ? 1f : weights.partial())
        * (hit.partOfWord() ? weights.partOfWord() : 1f)
        * (0.5f + 0.5f * specificity);
  }

  private static List<int[]> spans(List<Token> tokens, int[] indexes) {
    List<int[]> spans = new ArrayList<>(indexes.length);
    int[] current = null;
    int last = -2;
    for (int i : indexes) {
      Token token = tokens.get(i);
      if (current != null && i == last + 1) {
        current[1] = token.end();
      } else {
        current = new int[] {token.start(), token.end()};
        spans.add(current);
      }
      last = i;
    }
    return spans;
  }

  private static List<int[]> strongestWords(DescriptionIndex index, List<Token> tokens, int n) {
    List<Token> sorted = new ArrayList<>(tokens);
    sorted.sort(Comparator.comparingDouble((Token t) -> index.weight(t.word())).reversed());
    List<int[]> spans = new ArrayList<>(n);
    Set<String> seen = new HashSet<>();
    for (Token token : sorted) {
      if (spans.size() >= n || index.weight(token.word()) <= 0) {
        break;
      }
      if (seen.add(token.word())) {
        spans.add(new int[] {token.start(), token.end()});
      }
    }
    return spans;
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

  private static float clamp01(float x) {
    return Math.max(0f, Math.min(1f, x));
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
