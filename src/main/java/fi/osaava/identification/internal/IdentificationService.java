package fi.osaava.identification.internal;

import fi.osaava.identification.Evidence;
import fi.osaava.identification.Identification;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentificationStatus;
import fi.osaava.identification.IdentifiedConcept;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.platform.Directories;
import fi.osaava.platform.Language;
import fi.osaava.platform.StartupWork;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.EscoImported;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.taxonomy.TaxonomyStatus;
import fi.osaava.text.FinnishMorphology;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Builds the engine from the imported ESCO on first use (or in the background at start-up), adds
 * the English embeddings when they are loaded, and turns the engine's rankings into API records.
 */
@Service
@EnableConfigurationProperties(IdentificationProperties.class)
class IdentificationService implements IdentificationApi, StartupWork {

  private static final Logger log = LoggerFactory.getLogger(IdentificationService.class);

  /** Below this even the low-confidence fill shows nothing: it would be noise, not a guess. */
  static final double LOW_CONFIDENCE_FLOOR = 0.05;

  private final TaxonomyApi taxonomy;
  private final FinnishMorphology morphology;
  private final Directories directories;
  private final IdentificationProperties properties;
  private volatile @Nullable Engine engine;
  private volatile long buildMillis;
  private volatile @Nullable CompletableFuture<Void> semanticLoading;

  /** What the engine is building now, for readiness: null, or a {@code startup.} message key. */
  private volatile @Nullable String building;

  IdentificationService(
      TaxonomyApi taxonomy,
      FinnishMorphology morphology,
      Directories directories,
      IdentificationProperties properties) {
    this.taxonomy = taxonomy;
    this.morphology = morphology;
    this.directories = directories;
    this.properties = properties;
  }

  @EventListener(ApplicationReadyEvent.class)
  void buildInBackground(ApplicationReadyEvent event) {
    if (properties.buildAtStartup()
        && event.getApplicationContext()
            instanceof org.springframework.boot.web.server.context.WebServerApplicationContext) {
      // Pending from now, not from when the thread gets going, so readiness never blinks up.
      building = "identification";
      Thread.ofVirtual()
          .name("identification-build")
          .start(
              () -> {
                try {
                  // Asked here, not on the event's thread: a database restarting while the node
                  // started made the question throw there and stopped the node.
                  if (taxonomy.imported()) {
                    ensureReady(false);
                  }
                } catch (RuntimeException e) {
                  log.warn("Identification could not be built at start-up: {}", e.toString());
                } finally {
                  if (engine == null) {
                    building = null;
                  }
                }
              });
    }
  }

  @ApplicationModuleListener
  void escoImported(EscoImported event) {
    forgetEngine();
  }

  /** ESCO imported by another process (beside the service, another node): as after our own. */
  @EventListener
  void dataChanged(fi.osaava.platform.DataChanged event) {
    if (event.elsewhere() && event.concerns(EscoImported.DATASET)) {
      forgetEngine();
    }
  }

  private void forgetEngine() {
    synchronized (this) {
      engine = null;
      semanticLoading = null;
    }
  }

  @Override
  public Identification identify(
      @Nullable String text, @Nullable Language language, IdentifyOptions options) {
    return identifyAll(java.util.Collections.singletonList(text), language, options).getFirst();
  }

  @Override
  public List<Identification> identifyAll(
      List<String> texts, @Nullable Language language, IdentifyOptions options) {
    List<Identification> results = new ArrayList<>(texts.size());
    if (allBlank(texts)) {
      // Nothing to read: no need to build the engine.
      for (int i = 0; i < texts.size(); i++) {
        results.add(Identification.empty());
      }
      return results;
    }
    // One engine for the ranking and the labels, even if an ESCO import replaces it meanwhile.
    Engine e = ensureReady(false);
    List<Analysis> analyses = e.analyze(texts, language, options.semantic(), options.limit());
    for (int i = 0; i < analyses.size(); i++) {
      Analysis a = analyses.get(i);
      Language labels = Objects.requireNonNullElse(options.labelLanguage(), a.language());
      String text = Objects.requireNonNullElse(texts.get(i), "");
      results.add(
          new Identification(
              toConcepts(e, a.skills(), labels, text, options),
              options.occupations()
                  ? toConcepts(e, a.occupations(), labels, text, options)
                  : List.of(),
              a.sentences(),
              a.truncated()));
    }
    return results;
  }

  private static boolean allBlank(List<String> texts) {
    return texts.stream().allMatch(t -> t == null || t.isBlank());
  }

  /** The engine's raw rankings, for the evaluations. */
  List<Analysis> analyze(
      List<String> texts, @Nullable Language language, boolean semantic, int limit) {
    if (allBlank(texts)) {
      // As the engine does for a text without words: English when no language is given.
      Language main = Objects.requireNonNullElse(language, Language.EN);
      List<Analysis> empty = new ArrayList<>(texts.size());
      for (int i = 0; i < texts.size(); i++) {
        empty.add(new Analysis(List.of(), List.of(), List.of(), List.of(), false, main));
      }
      return empty;
    }
    return ensureReady(false).analyze(texts, language, semantic, limit);
  }

  private static List<IdentifiedConcept> toConcepts(
      Engine e,
      List<Candidate> candidates,
      Language language,
      String text,
      IdentifyOptions options) {
    List<IdentifiedConcept> result = new ArrayList<>();
    int confident = 0;
    for (Candidate c : candidates) {
      if (c.score() >= options.threshold()) {
        confident++;
      }
    }
    // Too few above the threshold: the best few below it are shown too, marked as unsure, so that
    // a statement naming a competence never gets an empty list.
    int shown = Math.min(options.limit(), Math.max(confident, options.minimum()));
    for (Candidate c : candidates) {
      if (result.size() >= shown) {
        break;
      }
      boolean sure = c.score() >= options.threshold();
      if (!sure && (c.spans().isEmpty() || c.score() < LOW_CONFIDENCE_FLOOR)) {
        continue;
      }
      List<Evidence> evidence = new ArrayList<>(c.spans().size());
      for (int[] span : c.spans()) {
        int start = Math.max(0, Math.min(span[0], text.length()));
        int end = Math.max(start, Math.min(span[1], text.length()));
        evidence.add(new Evidence(start, end, text.substring(start, end)));
      }
      result.add(
          new IdentifiedConcept(
              e.esco.uri(c.concept()),
              e.esco.types[c.concept()],
              e.esco.label(c.concept(), language),
              Math.round(c.score() * 1000) / 1000.0,
              c.reason(),
              evidence,
              sure));
    }
    return result;
  }

  @Override
  public IdentificationStatus status() {
    Engine e = engine;
    return new IdentificationStatus(
        e != null,
        e != null && e.hasSemantic(),
        morphology.isVoikkoAvailable() ? "voikko" : "stemmer",
        e == null ? 0 : e.labelCount,
        buildMillis);
  }

  /**
   * Until the label indexes, the word translations and the embeddings are in, Finnish and Swedish
   * texts get fewer and worse suggestions, so the service does not call itself ready.
   */
  @Override
  public List<Pending> pending() {
    String now = building;
    return now == null ? List.of() : List.of(new Pending(now, null, 0, 0));
  }

  @Override
  public IdentificationStatus awaitReady(java.time.Duration timeout) {
    ensureReady(false);
    CompletableFuture<Void> loading = semanticLoading;
    if (loading != null) {
      try {
        loading.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        log.info("Embeddings not ready after {}; continuing with lexical matching", timeout);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (java.util.concurrent.ExecutionException e) {
        log.warn(
            "Embeddings failed to load: {}",
            Objects.requireNonNullElse(e.getCause(), e).toString());
      }
    }
    return status();
  }

  /**
   * The engine, built now if it is not yet; with {@code waitForSemantic} also the embeddings (built
   * and cached on first use, about a minute on two cores).
   */
  Engine ensureReady(boolean waitForSemantic) {
    Engine e = engine;
    if (e == null) {
      synchronized (this) {
        e = engine;
        if (e == null) {
          long started = System.nanoTime();
          TaxonomyStatus status = taxonomy.status();
          if (!status.imported()) {
            throw new IllegalStateException(
                "ESCO is not imported; run './osaava import esco' first");
          }
          building = "identification";
          try {
            EscoSnapshot esco = EscoSnapshot.read(taxonomy);
            loadPriors(esco);
            e = new Engine(esco, morphology, FusionWeights.DEFAULT);
          } finally {
            building = null;
          }
          buildMillis = (System.nanoTime() - started) / 1_000_000;
          log.info(
              "Identification indexes built in {} ms: {} labels, Finnish morphology by {}",
              buildMillis,
              e.labelCount,
              morphology.isVoikkoAvailable() ? "Voikko" : "the Lucene stemmer (Voikko missing)");
          engine = e;
          if (properties.semantic()) {
            Engine built = e;
            semanticLoading =
                CompletableFuture.runAsync(
                    () -> {
                      try {
                        if (properties.glosses()) {
                          building = "glosses";
                          loadTranslations(built, status);
                        }
                        building = "semantic";
                        loadSemantic(built, status);
                      } finally {
                        building = null;
                      }
                    },
                    runnable ->
                        Thread.ofPlatform()
                            .daemon()
                            .name("identification-embeddings")
                            .start(runnable));
          }
        }
      }
    }
    CompletableFuture<Void> loading = semanticLoading;
    if (waitForSemantic && loading != null) {
      loading.join();
    }
    return e;
  }

  private void loadSemantic(Engine e, TaxonomyStatus status) {
    try {
      long started = System.nanoTime();
      var model = new MiniLmEmbeddingModel(Runtime.getRuntime().availableProcessors());
      List<SemanticIndex.Entry> entries = new ArrayList<>();
      for (int c = 0; c < e.esco.size(); c++) {
        ConceptRecord r = e.esco.records.get(c);
        if (r.type() == ConceptType.ISCO_GROUP) {
          continue;
        }
        String label = r.preferredLabel(Language.EN);
        if (label == null) {
          continue;
        }
        String description = r.descriptions().get(Language.EN);
        String described = description == null ? label : label + ": " + truncate(description, 400);
        entries.add(new SemanticIndex.Entry(c, label, described));
      }
      String key =
          SemanticIndex.MODEL
              + "|recipe "
              + SemanticIndex.RECIPE
              + "|ESCO "
              + status.version()
              + "@"
              + status.importedAt();
      Path file = directories.homeSubdirectory("identification").resolve("embeddings-en.bin");
      SemanticIndex index = SemanticIndex.loadOrBuild(file, key, entries, model);
      e.attachSemantic(index, model);
      log.info(
          "Semantic matching ready in {} ms ({} concepts)",
          (System.nanoTime() - started) / 1_000_000,
          index.size);
    } catch (IOException | RuntimeException | LinkageError ex) {
      log.warn(
          "Semantic matching is off: the embedding model could not be loaded ({})", ex.toString());
    }
  }

  /** Bumped whenever the parallel corpus or the training changes, so cached tables retrain. */
  static final String TRANSLATION_RECIPE = "model1-both-ways-pivot-fi-services-v5";

  /**
   * Word translations from Finnish, Swedish and Norwegian into English, learnt from ESCO's parallel
   * labels and descriptions, FreeDict and the parallel programme descriptions (about half a minute
   * on two cores), and cached under the home with a key of their inputs.
   */
  private void loadTranslations(Engine e, TaxonomyStatus status) {
    long started = System.nanoTime();
    Map<Language, WordTranslations> learnt = new java.util.EnumMap<>(Language.class);
    // Finnish first: Swedish and Norwegian also learn through Finnish, which has far more sources.
    for (Language language : List.of(Language.FI, Language.SV, Language.NO)) {
      try {
        learnt.put(language, translations(e, status, language, learnt.get(Language.FI)));
      } catch (RuntimeException | OutOfMemoryError ex) {
        log.warn("No {} glosses: the word translations failed ({})", language, ex.toString());
      }
    }
    e.attachTranslations(learnt);
    log.info(
        "Word translations into English ready in {} ms: {}",
        (System.nanoTime() - started) / 1_000_000,
        learnt.entrySet().stream()
            .map(x -> x.getKey().code() + " " + x.getValue().size() + " words")
            .toList());
  }

  private WordTranslations translations(
      Engine e, TaxonomyStatus status, Language language, @Nullable WordTranslations finnish) {
    Path dictionaries = ParallelCorpus.DICTD;
    StringBuilder key =
        new StringBuilder(TRANSLATION_RECIPE)
            .append("|ESCO ")
            .append(status.version())
            .append('@')
            .append(status.importedAt());
    for (String name :
        List.of(
            "freedict-fin-eng",
            "freedict-eng-fin",
            "freedict-swe-eng",
            "freedict-eng-swe",
            "freedict-swe-fin",
            "freedict-fin-swe",
            "freedict-eng-nor",
            "freedict-swe-nor")) {
      Path file = dictionaries.resolve(name + ".dict.dz");
      key.append('|').append(name).append(' ').append(sizeOf(file));
    }
    directories
        .referenceData()
        .ifPresent(
            d ->
                key.append("|konfo ")
                    .append(sizeOf(d.resolve("education")))
                    .append("|services ")
                    .append(sizeOf(d.resolve("services")))
                    .append("|classifications ")
                    .append(sizeOf(d.resolve("classifications"))));
    Path file =
        directories
            .homeSubdirectory("identification")
            .resolve("translations-" + language.code() + "-en.tsv");
    WordTranslations cached = WordTranslations.load(file, key.toString());
    if (cached != null) {
      return cached;
    }
    ParallelCorpus corpus = new ParallelCorpus(e.formsOf(language), e.formsOf(Language.EN));
    corpus.addEsco(e.esco);
    corpus.addFreeDict(dictionaries);
    WordForms fi = e.formsOf(Language.FI);
    // Finnish as the pivot: null for Finnish itself, and when the Finnish table failed or is empty.
    WordTranslations pivot =
        language != Language.FI && finnish != null && finnish.size() > 0 ? finnish : null;
    if (pivot != null) {
      corpus.addEscoPivot(e.esco, fi, pivot);
      corpus.addPivotFreeDict(dictionaries, fi, pivot);
    }
    directories
        .referenceData()
        .ifPresent(
            d -> {
              corpus.addKonfo(d, pivot != null ? fi : null, pivot);
              corpus.addServices(d, pivot != null ? fi : null, pivot);
              corpus.addClassifications(d);
            });
    WordTranslations table = WordTranslations.train(corpus.segments());
    try {
      table.save(file, key.toString());
    } catch (IOException ex) {
      log.warn("Word translations not cached ({}); they will be learnt again", ex.toString());
    }
    return table;
  }

  /** A file's size, or its folder's JSON files' total, as a cheap change detector for the key. */
  private static long sizeOf(Path path) {
    try {
      if (Files.isRegularFile(path)) {
        return Files.size(path);
      }
      if (Files.isDirectory(path)) {
        try (var files = Files.newDirectoryStream(path, "*.json*")) {
          long total = 0;
          for (Path f : files) {
            total += Files.size(f);
          }
          return total;
        }
      }
    } catch (IOException ex) {
      return -1;
    }
    return 0;
  }

  private static String truncate(String s, int max) {
    return s.length() <= max
        ? s
        : s.substring(0, s.lastIndexOf(' ', max) > 0 ? s.lastIndexOf(' ', max) : max);
  }

  /**
   * Skill frequencies in job ads from the skill-extraction benchmark's authors, when the reference
   * data has them. Log-scaled to 0..1 so a frequent skill gets a small push, not a win.
   */
  private void loadPriors(EscoSnapshot esco) {
    Path file =
        directories
            .referenceData()
            .map(d -> d.resolve("benchmarks/skill-extraction/esco_priors.json"))
            .filter(Files::isRegularFile)
            .orElse(null);
    if (file == null) {
      log.info("No skill priors (esco_priors.json) in the reference data; ranking without them");
      return;
    }
    try {
      Map<?, ?> priors = JsonMapper.shared().readValue(file.toFile(), Map.class);
      double max = 0;
      for (Object v : priors.values()) {
        max = Math.max(max, ((Number) v).doubleValue());
      }
      int found = 0;
      for (Map.Entry<?, ?> entry : priors.entrySet()) {
        Integer c = esco.skillByEnglishLabel.get(entry.getKey().toString().strip());
        if (c != null) {
          double p = ((Number) entry.getValue()).doubleValue();
          esco.prior[c] = (float) (Math.log1p(1000 * p) / Math.log1p(1000 * max));
          found++;
        }
      }
      log.info("Skill priors: {} of {} labels matched ESCO skills", found, priors.size());
    } catch (RuntimeException ex) {
      log.warn("Skill priors unreadable ({}); ranking without them", ex.toString());
    }
  }
}
