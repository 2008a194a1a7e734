package fi.osaava.identification.internal;

import fi.osaava.identification.IdentificationEvaluation;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.CsvReader;
import fi.osaava.platform.CsvRecord;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/** The benchmarks of {@link IdentificationEvaluation}, each against the BM25 baseline. */
@Service
class EvaluationService implements IdentificationEvaluation {

  private static final Set<String> IGNORED_LABELS = Set.of("LABEL NOT PRESENT", "UNDERSPECIFIED");
  private static final int BATCH = 32;

  private final IdentificationService service;

  EvaluationService(IdentificationService service) {
    this.service = service;
  }

  /** One ranker's ranked concept lists for all queries, and how long it took. */
  private record Run(List<List<Integer>> ranked, double seconds) {

    /** The run scored against each query's gold concepts (gold that cannot be ranked aside). */
    RankingMetrics score(List<Set<Integer>> golds) {
      RankingMetrics metrics = new RankingMetrics();
      for (int i = 0; i < ranked.size(); i++) {
        metrics.add(ranked.get(i), golds.get(i));
      }
      return metrics;
    }

    /** Queries a second. */
    double speed() {
      return ranked.size() / Math.max(1e-9, seconds);
    }
  }

  @Override
  public Benchmark.Report skillExtraction(Path file, int top, ImportProgress progress) {
    Engine engine = service.ensureReady(true);
    EscoSnapshot esco = engine.esco;
    SkillSet set = readSkillSet(file, esco);
    Map<String, Set<Integer>> gold = set.gold();
    Map<String, Integer> unmatched = set.unmatched();
    int rows = set.rows();
    gold.values().removeIf(Set::isEmpty);
    List<String> sentences = new ArrayList<>(gold.keySet());
    List<Set<Integer>> golds = new ArrayList<>(gold.values());
    progress.report(sentences.size() + " sentences with ESCO labels; ranking");
    boolean semantic = engine.hasSemantic();
    Map<String, Run> runs = new LinkedHashMap<>();
    runs.put(
        semantic ? "Osaava: lexical + semantic + priors (fusion)" : "Osaava: lexical + priors",
        runEngine(engine, sentences, Language.EN, true, true, top, Analysis::skills));
    if (semantic) {
      runs.put(
          "Osaava: lexical only",
          runEngine(engine, sentences, Language.EN, false, true, top, Analysis::skills));
    }
    runs.put(
        "BM25 over labels (baseline)",
        runBaseline(engine, Language.EN, Set.of(ConceptType.SKILL), sentences, top));
    StringBuilder md = new StringBuilder();
    md.append("File: `")
        .append(file.getFileName())
        .append("`: ")
        .append(rows)
        .append(" rows, ")
        .append(sentences.size())
        .append(" sentences with at least one ESCO label (")
        .append(
            String.format(
                Locale.ROOT, "%.2f", golds.stream().mapToInt(Set::size).average().orElse(0)))
        .append(" labels each). Top ")
        .append(top)
        .append(" ranked per sentence.\n\n");
    if (unmatched.isEmpty()) {
      md.append("Every gold label matched an ESCO preferred label.\n\n");
    } else {
      md.append(unmatched.values().stream().mapToInt(Integer::intValue).sum())
          .append(" gold label rows matched no ESCO concept and count as unfindable: ")
          .append(unmatched)
          .append("\n\n");
    }
    md.append("| ranker | RP@5 | RP@10 | MRR | sentences/s |\n|---|---|---|---|---|\n");
    RankingMetrics first = null;
    double firstSpeed = 0;
    for (Map.Entry<String, Run> e : runs.entrySet()) {
      // Gold labels that match no concept stay in the denominator of nothing: they cannot be
      // ranked, and they are reported above.
      RankingMetrics m = e.getValue().score(golds);
      double speed = e.getValue().speed();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %.0f |%n",
              e.getKey(),
              RankingMetrics.f(m.rp5()),
              RankingMetrics.f(m.rp10()),
              RankingMetrics.f(m.mrr()),
              speed));
      if (first == null) {
        first = m;
        firstSpeed = speed;
      }
    }
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("n", first.n());
    metrics.put("rp@5", RankingMetrics.round(first.rp5()));
    metrics.put("rp@10", RankingMetrics.round(first.rp10()));
    metrics.put("mrr", RankingMetrics.round(first.mrr()));
    metrics.put("sentences_per_s", Math.round(firstSpeed));
    metrics.put("unmatched_labels", unmatched.values().stream().mapToInt(Integer::intValue).sum());
    return new Benchmark.Report(md.toString(), metrics);
  }

  @Override
  public Benchmark.Report skillStatements(Path file, Language language, ImportProgress progress) {
    Engine engine = service.ensureReady(true);
    EscoSnapshot esco = engine.esco;
    List<String> texts = new ArrayList<>();
    List<Set<Integer>> golds = new ArrayList<>();
    int unknown = 0;
    int lines = 0;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        tools.jackson.databind.JsonNode node;
        try {
          node = JsonMapper.shared().readTree(line);
        } catch (RuntimeException e) {
          throw new InvalidInputException(
              file.toString(), number, "line", "not a JSON object: " + e.getMessage());
        }
        String text = node.path("text").asString("");
        if (text.isBlank() || !node.path("gold").isArray()) {
          throw new InvalidInputException(
              file.toString(),
              number,
              text.isBlank() ? "text" : "gold",
              "each line needs a non-empty \"text\" and a \"gold\" array of ESCO URIs");
        }
        String lang = node.path("lang").asString("");
        if (!lang.isEmpty() && !lang.equals(language.code())) {
          continue;
        }
        lines++;
        Set<Integer> gold = new HashSet<>();
        for (tools.jackson.databind.JsonNode uri : node.path("gold")) {
          Integer c = esco.byUri.get(uri.asString(""));
          if (c == null) {
            unknown++;
          } else {
            gold.add(c);
          }
        }
        if (!gold.isEmpty()) {
          texts.add(text);
          golds.add(gold);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (texts.isEmpty()) {
      throw new InvalidInputException(
          file.toString(), 0, "lang", "no statement in " + language.code() + " with a known gold");
    }
    progress.report(texts.size() + " " + language.code() + " statements; identifying");
    Map<String, Run> runs = new LinkedHashMap<>();
    runs.put(
        "Osaava as the API returns it (threshold "
            + fi.osaava.identification.IdentifyOptions.DEFAULT_THRESHOLD
            + ", low-confidence fill)",
        runService(texts, language, fi.osaava.identification.IdentifyOptions.defaults()));
    runs.put(
        "Osaava with the threshold alone (no low-confidence fill)",
        runService(
            texts, language, fi.osaava.identification.IdentifyOptions.defaults().withMinimum(0)));
    runs.put(
        "Osaava ranking, no threshold",
        runService(texts, language, fi.osaava.identification.IdentifyOptions.ranking(100)));
    Language baselineLanguage =
        labelsOf(engine, language, Set.of(ConceptType.SKILL)).isEmpty() ? Language.EN : language;
    runs.put(
        "BM25 over " + baselineLanguage.code() + " skill labels (baseline)",
        runBaseline(engine, baselineLanguage, Set.of(ConceptType.SKILL), texts, 100));
    StringBuilder md = new StringBuilder();
    md.append("File: `")
        .append(file.getFileName())
        .append("`, language ")
        .append(language.code())
        .append(": ")
        .append(lines)
        .append(" statements, ")
        .append(texts.size())
        .append(" with a gold skill known to the imported ESCO (")
        .append(
            String.format(
                Locale.ROOT, "%.2f", golds.stream().mapToInt(Set::size).average().orElse(0)))
        .append(" gold skills each")
        .append(unknown > 0 ? "; " + unknown + " gold URIs unknown" : "")
        .append(").\n\n");
    md.append("| ranker | RP@5 | RP@10 | MRR | empty lists | statements/s |\n");
    md.append("|---|---|---|---|---|---|\n");
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("lang", language.code());
    metrics.put("n", texts.size());
    String[] keys = {"api", "threshold_only", "ranking", "baseline"};
    int k = 0;
    for (Map.Entry<String, Run> e : runs.entrySet()) {
      RankingMetrics m = e.getValue().score(golds);
      int empty = (int) e.getValue().ranked().stream().filter(List::isEmpty).count();
      double speed = e.getValue().speed();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %s | %d | %.0f |%n",
              e.getKey(),
              RankingMetrics.f(m.rp5()),
              RankingMetrics.f(m.rp10()),
              RankingMetrics.f(m.mrr()),
              empty,
              speed));
      String key = keys[k++];
      metrics.put(key + "_rp@5", RankingMetrics.round(m.rp5()));
      metrics.put(key + "_rp@10", RankingMetrics.round(m.rp10()));
      metrics.put(key + "_mrr", RankingMetrics.round(m.mrr()));
      if (!key.equals("ranking") && !key.equals("baseline")) {
        metrics.put(key + "_empty", empty);
      }
    }
    return new Benchmark.Report(md.toString(), metrics);
  }

  /** Skills as the API returns them (same options, same threshold), as concept numbers. */
  private Run runService(
      List<String> texts, Language language, fi.osaava.identification.IdentifyOptions options) {
    Engine engine = service.ensureReady(true);
    List<List<Integer>> ranked = new ArrayList<>(texts.size());
    long started = System.nanoTime();
    for (int i = 0; i < texts.size(); i += BATCH) {
      List<String> batch = texts.subList(i, Math.min(texts.size(), i + BATCH));
      for (fi.osaava.identification.Identification result :
          service.identifyAll(batch, language, options)) {
        List<Integer> concepts = new ArrayList<>(result.skills().size());
        for (fi.osaava.identification.IdentifiedConcept c : result.skills()) {
          Integer id = engine.esco.byUri.get(c.uri().value());
          if (id != null) {
            concepts.add(id);
          }
        }
        ranked.add(concepts);
      }
    }
    return new Run(ranked, (System.nanoTime() - started) / 1e9);
  }

  /** Sentences of a skill-extraction file with their gold skills, and the labels ESCO lacks. */
  record SkillSet(Map<String, Set<Integer>> gold, Map<String, Integer> unmatched, int rows) {}

  static SkillSet readSkillSet(Path file, EscoSnapshot esco) {
    Map<String, Integer> byLowerLabel = new HashMap<>();
    esco.skillByEnglishLabel.forEach(
        (k, v) -> byLowerLabel.putIfAbsent(k.toLowerCase(Locale.ROOT), v));
    Map<String, Set<Integer>> gold = new LinkedHashMap<>();
    Map<String, Integer> unmatched = new TreeMap<>();
    int rows = 0;
    try (InputStream in = Files.newInputStream(file);
        CsvReader csv = CsvReader.open(in, file.getFileName().toString())) {
      csv.requireColumns(Set.of("sentence", "label"));
      for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
        rows++;
        String sentence = row.text("sentence");
        String label = row.text("label");
        if (sentence == null) {
          continue;
        }
        Set<Integer> concepts = gold.computeIfAbsent(sentence, k -> new LinkedHashSet<>());
        if (label == null || IGNORED_LABELS.contains(label)) {
          continue;
        }
        Integer concept = esco.skillByEnglishLabel.get(label);
        if (concept == null) {
          concept = byLowerLabel.get(label.toLowerCase(Locale.ROOT));
        }
        if (concept == null) {
          unmatched.merge(label, 1, Integer::sum);
        } else {
          concepts.add(concept);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new SkillSet(gold, unmatched, rows);
  }

  @Override
  public Benchmark.Report fitFusion(List<Path> files, ImportProgress progress) {
    Engine engine = service.ensureReady(true);
    List<String> names = new ArrayList<>();
    List<List<FusionTraining.Query>> sets = new ArrayList<>();
    List<List<int[]>> concepts = new ArrayList<>();
    List<List<Set<Integer>>> golds = new ArrayList<>();
    for (Path file : files) {
      SkillSet set = readSkillSet(file, engine.esco);
      set.gold().values().removeIf(Set::isEmpty);
      List<String> sentences = new ArrayList<>(set.gold().keySet());
      List<FusionTraining.Query> queries = new ArrayList<>();
      List<int[]> ids = new ArrayList<>();
      for (int i = 0; i < sentences.size(); i += BATCH) {
        List<String> batch = sentences.subList(i, Math.min(sentences.size(), i + BATCH));
        for (Analysis a :
            engine.analyze(batch, Language.EN, engine.hasSemantic(), true, false, 1000)) {
          Set<Integer> gold = set.gold().get(sentences.get(queries.size()));
          List<float[]> features = new ArrayList<>();
          List<Boolean> isGold = new ArrayList<>();
          int[] conceptIds = new int[a.skills().size()];
          for (int k = 0; k < a.skills().size(); k++) {
            Candidate c = a.skills().get(k);
            features.add(c.features());
            isGold.add(gold.contains(c.concept()));
            conceptIds[k] = c.concept();
          }
          queries.add(new FusionTraining.Query(features, isGold));
          ids.add(conceptIds);
        }
      }
      names.add(file.getFileName().toString());
      sets.add(queries);
      concepts.add(ids);
      golds.add(new ArrayList<>(set.gold().values()));
      progress.report(file.getFileName() + ": " + queries.size() + " sentences");
    }
    float[] start = engine.weights.skillFeatures();
    FusionTraining training = new FusionTraining(REGULARIZATION, 3000, 2.0);
    StringBuilder md = new StringBuilder();
    md.append(
        "Pairwise logistic fit of the skill weights (features: "
            + String.join(", ", FusionWeights.SKILL_FEATURES)
            + "), L2 pull "
            + REGULARIZATION
            + " towards the hand-set weights. Each set is scored with weights fitted on the"
            + " other sets only (held out), next to the hand-set weights.\n\n"
            + "| evaluated on | weights | RP@5 | RP@10 | MRR |\n|---|---|---|---|---|\n");
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (int held = 0; held < sets.size(); held++) {
      List<FusionTraining.Query> train = new ArrayList<>();
      for (int other = 0; other < sets.size(); other++) {
        if (other != held) {
          train.addAll(sets.get(other));
        }
      }
      float[] fitted = train.isEmpty() ? start : training.fitWeights(train, start);
      for (float[] w : List.of(start, fitted)) {
        RankingMetrics m = new RankingMetrics();
        for (int q = 0; q < sets.get(held).size(); q++) {
          int[] order = FusionTraining.rank(sets.get(held).get(q), w);
          List<Integer> ranked = new ArrayList<>(order.length);
          for (int i : order) {
            ranked.add(concepts.get(held).get(q)[i]);
          }
          m.add(ranked, golds.get(held).get(q));
        }
        boolean hand = w == start;
        md.append(
            String.format(
                Locale.ROOT,
                "| %s | %s | %s | %s | %s |%n",
                names.get(held),
                hand ? "hand-set" : "fitted on the others",
                RankingMetrics.f(m.rp5()),
                RankingMetrics.f(m.rp10()),
                RankingMetrics.f(m.mrr())));
        metrics.put(
            names.get(held).replaceAll("[^a-z]", "") + (hand ? "_hand_rp@5" : "_fitted_rp@5"),
            RankingMetrics.round(m.rp5()));
      }
    }
    List<FusionTraining.Query> all = new ArrayList<>();
    sets.forEach(all::addAll);
    float[] fitted = training.fitWeights(all, start);
    float bias = FusionTraining.fitBias(all, fitted);
    md.append("\nWeights fitted on all the sets (bias ")
        .append(String.format(Locale.ROOT, "%.2f", bias))
        .append("):\n\n| feature | hand-set | fitted |\n|---|---|---|\n");
    for (int i = 0; i < start.length; i++) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %.2f | %.2f |%n",
              FusionWeights.SKILL_FEATURES[i],
              start[i],
              fitted[i]));
    }
    return new Benchmark.Report(md.toString(), metrics);
  }

  /** How strongly the fit is pulled towards the hand-set weights; the sets are tiny. */
  static final double REGULARIZATION = 0.002;

  @Override
  public Benchmark.Report occupationMatching(
      Path file, Language language, int top, ImportProgress progress) {
    Engine engine = service.ensureReady(true);
    List<String> queries = new ArrayList<>();
    List<Set<String>> golds = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (number == 1 && line.startsWith("query\t")) {
          continue;
        }
        if (line.isBlank()) {
          continue;
        }
        int tab = line.indexOf('\t');
        if (tab < 0) {
          throw new InvalidInputException(
              file.toString(), number, "relevantConceptUris", "expected query TAB URIs");
        }
        queries.add(line.substring(0, tab).strip());
        golds.add(new LinkedHashSet<>(List.of(line.substring(tab + 1).strip().split("\\s+"))));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    progress.report(queries.size() + " queries; ranking");
    Map<String, Run> runs = new LinkedHashMap<>();
    runs.put(
        "Osaava",
        runEngine(engine, queries, language, true, true, top, Engine::occupationsAndGroups));
    runs.put(
        "BM25 over labels (baseline)",
        runBaseline(
            engine,
            language,
            Set.of(ConceptType.OCCUPATION, ConceptType.ISCO_GROUP),
            queries,
            top));
    StringBuilder md = new StringBuilder();
    md.append("File: `")
        .append(file.getFileName())
        .append("`: ")
        .append(queries.size())
        .append(" queries in ")
        .append(language.code())
        .append(", ranked against every occupation and ISCO group with a label in ")
        .append(language.code())
        .append(".\n\n| ranker | MRR | Recall@10 | queries/s |\n|---|---|---|---|\n");
    Map<String, Object> metrics = new LinkedHashMap<>();
    List<String> misses = new ArrayList<>();
    for (Map.Entry<String, Run> e : runs.entrySet()) {
      RankingMetrics m = new RankingMetrics();
      List<List<Integer>> ranked = e.getValue().ranked();
      for (int i = 0; i < ranked.size(); i++) {
        List<String> uris = new ArrayList<>();
        for (int c : ranked.get(i)) {
          uris.add(engine.esco.uri(c).value());
        }
        m.add(uris, golds.get(i));
        if (metrics.isEmpty() && (uris.isEmpty() || !golds.get(i).contains(uris.getFirst()))) {
          misses.add(miss(engine, language, queries.get(i), golds.get(i), ranked.get(i)));
        }
      }
      double speed = e.getValue().speed();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %.0f |%n",
              e.getKey(),
              RankingMetrics.f(m.mrr()),
              RankingMetrics.f(m.recall10()),
              speed));
      if (metrics.isEmpty()) {
        metrics.put("mrr", RankingMetrics.round(m.mrr()));
        metrics.put("recall@10", RankingMetrics.round(m.recall10()));
        metrics.put("n", m.n());
      } else {
        metrics.put("baseline_mrr", RankingMetrics.round(m.mrr()));
      }
    }
    writeMisses(misses);
    return new Benchmark.Report(md.toString(), metrics);
  }

  /** A query whose first answer was wrong: what it was, what was expected, what came first. */
  private static String miss(
      Engine engine, Language language, String query, Set<String> gold, List<Integer> ranked) {
    StringBuilder b = new StringBuilder(query).append('\t');
    for (String uri : gold) {
      Integer c = engine.esco.byUri.get(uri);
      b.append(c == null ? uri : engine.esco.label(c, language).text()).append(" | ");
    }
    b.append('\t');
    for (int i = 0; i < Math.min(3, ranked.size()); i++) {
      b.append(engine.esco.label(ranked.get(i), language).text())
          .append(" <")
          .append(engine.esco.uri(ranked.get(i)).value())
          .append("> | ");
    }
    return b.toString();
  }

  /**
   * With {@code -Dosaava.evaluate.misses=FILE}, the queries the engine got wrong go to FILE, for
   * error analysis; the figures never depend on it.
   */
  private static void writeMisses(List<String> misses) {
    String file = System.getProperty("osaava.evaluate.misses");
    if (file != null) {
      try {
        Files.write(Path.of(file), misses, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Override
  public Benchmark.Report finnishOccupationSkills(ImportProgress progress) {
    Engine engine = service.ensureReady(false);
    EscoSnapshot esco = engine.esco;
    List<String> texts = new ArrayList<>();
    List<Set<Integer>> golds = new ArrayList<>();
    for (int c = 0; c < esco.size(); c++) {
      ConceptRecord r = esco.records.get(c);
      String description = r.descriptions().get(Language.FI);
      if (r.type() == ConceptType.OCCUPATION
          && description != null
          && esco.essentialSkills[c].length > 0) {
        texts.add(description);
        Set<Integer> gold = new HashSet<>();
        for (int s : esco.essentialSkills[c]) {
          gold.add(s);
        }
        golds.add(gold);
      }
    }
    progress.report(texts.size() + " Finnish occupation descriptions; ranking skills");
    Map<String, Run> runs = new LinkedHashMap<>();
    runs.put("Osaava", runEngine(engine, texts, Language.FI, false, true, 100, Analysis::skills));
    runs.put(
        "Osaava without the occupation–skill graph",
        runEngine(engine, texts, Language.FI, false, false, 100, Analysis::skills));
    runs.put(
        "BM25 over labels (baseline)",
        runBaseline(engine, Language.FI, Set.of(ConceptType.SKILL), texts, 100));
    StringBuilder md = new StringBuilder();
    md.append("Finnish ESCO occupation descriptions (")
        .append(texts.size())
        .append("), each ranking 100 skills against the occupation's essential skills (")
        .append(
            String.format(
                Locale.ROOT, "%.1f", golds.stream().mapToInt(Set::size).average().orElse(0)))
        .append(" on average).\n\n| ranker | MAP | RP@10 | texts/s |\n|---|---|---|---|\n");
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (Map.Entry<String, Run> e : runs.entrySet()) {
      RankingMetrics m = e.getValue().score(golds);
      double speed = e.getValue().speed();
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %s | %.0f |%n",
              e.getKey(),
              RankingMetrics.f(m.map()),
              RankingMetrics.f(m.rp10()),
              speed));
      if (metrics.isEmpty()) {
        metrics.put("n", m.n());
        metrics.put("map", RankingMetrics.round(m.map()));
        metrics.put("rp@10", RankingMetrics.round(m.rp10()));
      } else if (e.getKey().startsWith("Osaava")) {
        metrics.put("map_without_graph", RankingMetrics.round(m.map()));
        metrics.put("rp@10_without_graph", RankingMetrics.round(m.rp10()));
      } else {
        metrics.put("baseline_map", RankingMetrics.round(m.map()));
        metrics.put("baseline_rp@10", RankingMetrics.round(m.rp10()));
      }
    }
    return new Benchmark.Report(md.toString(), metrics);
  }

  @Override
  public Benchmark.Report finnishIscoGroups(Path file, ImportProgress progress) {
    Engine engine = service.ensureReady(false);
    List<String> texts = new ArrayList<>();
    List<Language> languages = new ArrayList<>();
    List<String> golds = new ArrayList<>();
    int skipped = 0;
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank()) {
          continue;
        }
        Map<?, ?> record = JsonMapper.shared().readValue(line, Map.class);
        Object requirements = record.get("requirementsText");
        Object code = record.get("professionCode");
        if (requirements == null
            || code == null
            || requirements.toString().isBlank()
            || code.toString().strip().length() < 4) {
          skipped++;
          continue;
        }
        texts.add(requirements.toString());
        languages.add(
            Language.fromCode(String.valueOf(record.get("language"))).orElse(Language.FI));
        golds.add(code.toString().strip().substring(0, 4));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    progress.report(
        texts.size() + " occupation descriptions (" + skipped + " without text or code)");
    // Finnish records are the rest; language per record keeps any Swedish ones honest.
    List<List<String>> engineRanked = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = 0; i < texts.size(); i += BATCH) {
      int to = Math.min(texts.size(), i + BATCH);
      for (int j = i; j < to; j++) {
        Analysis a =
            engine
                .analyze(List.of(texts.get(j)), languages.get(j), false, true, true, 50)
                .getFirst();
        engineRanked.add(codes(engine, a.iscoGroups()));
      }
    }
    double engineSeconds = (System.nanoTime() - started) / 1e9;
    List<List<String>> baselineRanked = new ArrayList<>();
    Map<Integer, List<String>> labels =
        labelsOf(engine, Language.FI, Set.of(ConceptType.OCCUPATION));
    started = System.nanoTime();
    try (Bm25Baseline bm25 = new Bm25Baseline(Language.FI, labels)) {
      for (String text : texts) {
        List<String> codes = new ArrayList<>();
        for (int c : bm25.search(PreparedText.of(text).clean, 200)) {
          String code = engine.esco.iscoUnitGroup(c);
          if (code != null && !codes.contains(code)) {
            codes.add(code);
          }
        }
        baselineRanked.add(codes);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    double baselineSeconds = (System.nanoTime() - started) / 1e9;
    RankingMetrics osaava = new RankingMetrics();
    RankingMetrics baseline = new RankingMetrics();
    for (int i = 0; i < texts.size(); i++) {
      osaava.add(engineRanked.get(i), Set.of(golds.get(i)));
      baseline.add(baselineRanked.get(i), Set.of(golds.get(i)));
    }
    String md =
        "File: `"
            + file.getFileName()
            + "`: "
            + texts.size()
            + " occupations with `requirementsText` and a `professionCode` ("
            + skipped
            + " without). Each ranks ISCO-08 unit groups; gold is the first four digits of the"
            + " code.\n\n| ranker | accuracy@1 | accuracy@5 | MRR | texts/s |\n|---|---|---|---|---|\n"
            + String.format(
                Locale.ROOT,
                "| Osaava | %s | %s | %s | %.0f |%n| BM25 over labels (baseline) | %s | %s | %s | %.0f |%n",
                RankingMetrics.f(osaava.accuracy1()),
                RankingMetrics.f(osaava.accuracy5()),
                RankingMetrics.f(osaava.mrr()),
                texts.size() / engineSeconds,
                RankingMetrics.f(baseline.accuracy1()),
                RankingMetrics.f(baseline.accuracy5()),
                RankingMetrics.f(baseline.mrr()),
                texts.size() / baselineSeconds);
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("n", osaava.n());
    metrics.put("accuracy@1", RankingMetrics.round(osaava.accuracy1()));
    metrics.put("accuracy@5", RankingMetrics.round(osaava.accuracy5()));
    metrics.put("baseline_accuracy@1", RankingMetrics.round(baseline.accuracy1()));
    metrics.put("baseline_accuracy@5", RankingMetrics.round(baseline.accuracy5()));
    return new Benchmark.Report(md, metrics);
  }

  private static List<String> codes(Engine engine, List<Candidate> groups) {
    List<String> codes = new ArrayList<>(groups.size());
    for (Candidate c : groups) {
      codes.add(engine.esco.iscoUnitGroup(c.concept()));
    }
    return codes;
  }

  private Run runEngine(
      Engine engine,
      List<String> texts,
      Language language,
      boolean semantic,
      boolean graph,
      int top,
      Function<Analysis, List<Candidate>> pick) {
    List<List<Integer>> ranked = new ArrayList<>(texts.size());
    long started = System.nanoTime();
    for (int i = 0; i < texts.size(); i += BATCH) {
      List<String> batch = texts.subList(i, Math.min(texts.size(), i + BATCH));
      for (Analysis a : engine.analyze(batch, language, semantic, graph, true, top)) {
        List<Integer> ids = new ArrayList<>(top);
        for (Candidate c : pick.apply(a)) {
          if (ids.size() < top) {
            ids.add(c.concept());
          }
        }
        ranked.add(ids);
      }
    }
    return new Run(ranked, (System.nanoTime() - started) / 1e9);
  }

  private Run runBaseline(
      Engine engine, Language language, Set<ConceptType> types, List<String> texts, int top) {
    Map<Integer, List<String>> labels = labelsOf(engine, language, types);
    List<List<Integer>> ranked = new ArrayList<>(texts.size());
    long started;
    try (Bm25Baseline bm25 = new Bm25Baseline(language, labels)) {
      started = System.nanoTime();
      for (String text : texts) {
        ranked.add(bm25.search(PreparedText.of(text).clean, top));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Run(ranked, (System.nanoTime() - started) / 1e9);
  }

  private static Map<Integer, List<String>> labelsOf(
      Engine engine, Language language, Set<ConceptType> types) {
    Map<Integer, List<String>> labels = new LinkedHashMap<>();
    for (int c = 0; c < engine.esco.size(); c++) {
      if (!types.contains(engine.esco.types[c])) {
        continue;
      }
      for (ConceptRecord.Label label : engine.esco.records.get(c).labels()) {
        if (label.language() == language) {
          labels.computeIfAbsent(c, k -> new ArrayList<>()).add(label.text());
        }
      }
    }
    return labels;
  }
}
