package fi.osaava.identification.internal;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptType;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;

/**
 * {@code ./osaava bench identification}: start-up (indexes and vectors ready), throughput with and
 * without embeddings, latency of a 1,500-character text, and the heap that the engine holds. The
 * sentences are the English and Finnish descriptions of ESCO occupations, split into sentences, so
 * the benchmark needs nothing but the imported ESCO.
 */
@Component
class IdentificationBenchmark implements Benchmark {

  private final IdentificationService service;

  IdentificationBenchmark(IdentificationService service) {
    this.service = service;
  }

  @Override
  public String name() {
    return "identification";
  }

  @Override
  public String description() {
    return "Identification: start-up, sentences/s lexical and with embeddings, p95 latency, heap";
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    int count = Integer.parseInt(options.getOrDefault("sentences", "4000"));
    int threads =
        Integer.parseInt(
            options.getOrDefault(
                "threads", Integer.toString(Runtime.getRuntime().availableProcessors())));
    long heapBefore = usedHeapAfterGc();
    long started = System.nanoTime();
    Engine lexical = service.ensureReady(false);
    long lexicalMillis = (System.nanoTime() - started) / 1_000_000;
    Engine engine = service.ensureReady(true);
    long readyMillis = (System.nanoTime() - started) / 1_000_000;
    long heapAfter = usedHeapAfterGc();
    progress.report("ready in " + readyMillis + " ms; measuring");
    List<String> english = sentences(engine, Language.EN, count);
    List<String> finnish = sentences(engine, Language.FI, count);
    // Warm the JIT and the morphology caches on other sentences than those measured.
    throughput(
        engine, english.subList(0, Math.min(500, english.size())), Language.EN, true, threads);
    throughput(
        engine, finnish.subList(0, Math.min(500, finnish.size())), Language.FI, false, threads);
    double[] enLexical = throughput(engine, english, Language.EN, false, threads);
    double[] fiLexical = throughput(engine, finnish, Language.FI, false, threads);
    double[] detected = throughput(engine, english, null, false, threads);
    double[] enSemantic =
        engine.hasSemantic()
            ? throughput(engine, english, Language.EN, true, threads)
            : new double[] {Double.NaN, Double.NaN};
    // Finnish reaches the embeddings through its English gloss (ADR 0011).
    double[] fiSemantic =
        engine.hasSemantic() && engine.hasTranslations()
            ? throughput(engine, finnish, Language.FI, true, threads)
            : new double[] {Double.NaN, Double.NaN};
    double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    List<String> texts = texts(english, 1_500, 200);
    double[] latency = latency(engine, texts, true);
    double[] latencyLexical = latency(engine, texts, false);
    double[] latencyFinnish = latency(engine, texts(finnish, 1_500, 200), true);
    Runtime runtime = Runtime.getRuntime();
    StringBuilder md = new StringBuilder();
    md.append(
        String.format(
            Locale.ROOT,
            """
            | measure | value | target |
            |---|---|---|
            | label indexes built (from the database) | %,d ms (%,d labels) | |
            | indexes and vectors ready (vectors %s) | %,d ms | ≤ 20,000 ms |
            | English sentences/s, lexical only, %d threads: wall / per CPU-second × threads | %,.0f / %,.0f | ≥ 2,000 |
            | Finnish sentences/s, lexical only (Voikko), %d threads | %,.0f / %,.0f | ≥ 2,000 |
            | sentences/s, language detected per sentence, lexical | %,.0f / %,.0f | |
            | English sentences/s with embeddings, %d threads | %,.0f / %,.0f | ≥ 500 |
            | 1,500-character text, with embeddings: p50 / p95 | %.1f / %.1f ms | p95 ≤ 50 ms |
            | 1,500-character text, lexical only: p50 / p95 | %.1f / %.1f ms | |
            | Finnish sentences/s with embeddings through glosses, %d threads | %,.0f / %,.0f | ≥ 500 |
            | 1,500-character Finnish text, with embeddings and glosses: p50 / p95 | %.1f / %.1f ms | p95 ≤ 50 ms |
            | heap held by the engine (used after GC, loaded − before) | %,d MB | ≤ 512 MB |
            | heap used after GC, whole process | %,d MB of max %,d MB | |
            """,
            service.status().buildMillis(),
            lexical.labelCount,
            engine.hasSemantic() ? "from the cache or built now" : "off",
            readyMillis,
            threads,
            enLexical[0],
            enLexical[1],
            threads,
            fiLexical[0],
            fiLexical[1],
            detected[0],
            detected[1],
            threads,
            enSemantic[0],
            enSemantic[1],
            latency[0],
            latency[1],
            latencyLexical[0],
            latencyLexical[1],
            threads,
            fiSemantic[0],
            fiSemantic[1],
            latencyFinnish[0],
            latencyFinnish[1],
            (heapAfter - heapBefore) >> 20,
            heapAfter >> 20,
            runtime.maxMemory() >> 20));
    md.append(
        "\nSentences: ESCO occupation descriptions split into sentences ("
            + english.size()
            + " English, "
            + finnish.size()
            + " Finnish); texts for latency: consecutive English (and Finnish) sentences up to"
            + " 1,500 characters. The ONNX model's own memory is native, outside the heap. System load"
            + String.format(Locale.ROOT, " average at the end: %.1f", load)
            + " (the machine is shared; per-CPU-second figures discount the neighbours).\n");
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("ready_ms", readyMillis);
    metrics.put("en_lexical_sentences_per_s", Math.round(enLexical[0]));
    metrics.put("en_lexical_sentences_per_cpu_s_x_threads", Math.round(enLexical[1]));
    metrics.put("fi_lexical_sentences_per_s", Math.round(fiLexical[0]));
    metrics.put(
        "en_semantic_sentences_per_s",
        Double.isNaN(enSemantic[0]) ? null : Math.round(enSemantic[0]));
    metrics.put(
        "en_semantic_sentences_per_cpu_s_x_threads",
        Double.isNaN(enSemantic[1]) ? null : Math.round(enSemantic[1]));
    metrics.put("p95_ms_1500_chars", RankingMetrics.round(latency[1]));
    metrics.put(
        "fi_semantic_sentences_per_s",
        Double.isNaN(fiSemantic[0]) ? null : Math.round(fiSemantic[0]));
    metrics.put("fi_p95_ms_1500_chars", RankingMetrics.round(latencyFinnish[1]));
    metrics.put("heap_mb", (heapAfter - heapBefore) >> 20);
    return new Report(md.toString(), metrics);
  }

  private static List<String> sentences(Engine engine, Language language, int count) {
    List<String> sentences = new ArrayList<>(count);
    for (ConceptRecord r : engine.esco.records) {
      if (r.type() != ConceptType.OCCUPATION) {
        continue;
      }
      String description = r.descriptions().get(language);
      if (description == null) {
        continue;
      }
      PreparedText prepared = PreparedText.of(description);
      for (int[] s : prepared.sentences) {
        if (sentences.size() < count) {
          sentences.add(description.substring(s[0], s[1]));
        }
      }
      if (sentences.size() >= count) {
        break;
      }
    }
    return sentences;
  }

  private static List<String> texts(List<String> sentences, int length, int count) {
    List<String> texts = new ArrayList<>(count);
    int i = 0;
    while (texts.size() < count && !sentences.isEmpty()) {
      StringBuilder b = new StringBuilder();
      while (b.length() < length) {
        b.append(sentences.get(i++ % sentences.size())).append(' ');
      }
      texts.add(b.substring(0, length));
    }
    return texts;
  }

  /**
   * CPU time of the whole process (all threads, the ONNX runtime's and the collector's too): on a
   * shared machine, wall time measures the neighbours as well.
   */
  private static long processCpuNanos() {
    if (ManagementFactory.getOperatingSystemMXBean()
        instanceof com.sun.management.OperatingSystemMXBean os) {
      return os.getProcessCpuTime();
    }
    return 0;
  }

  /** Sentences per second: by the wall clock, and per CPU-second times the threads. */
  private static double[] throughput(
      Engine engine, List<String> sentences, Language language, boolean semantic, int threads) {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      long started = System.nanoTime();
      long cpuStarted = processCpuNanos();
      List<Future<?>> futures = new ArrayList<>();
      int chunk = 32;
      for (int from = 0; from < sentences.size(); from += chunk) {
        List<String> batch = sentences.subList(from, Math.min(sentences.size(), from + chunk));
        futures.add(pool.submit(() -> engine.analyze(batch, language, semantic, true, false, 20)));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      double wall = sentences.size() / ((System.nanoTime() - started) / 1e9);
      double cpu = sentences.size() / ((processCpuNanos() - cpuStarted) / 1e9) * threads;
      return new double[] {wall, cpu};
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** p50 and p95 in milliseconds of one text at a time, as the page sends them. */
  private static double[] latency(Engine engine, List<String> texts, boolean semantic) {
    double[] millis = new double[texts.size()];
    for (int i = 0; i < texts.size(); i++) {
      long started = System.nanoTime();
      engine.analyze(List.of(texts.get(i)), null, semantic, true, false, 20);
      millis[i] = (System.nanoTime() - started) / 1e6;
    }
    Arrays.sort(millis);
    return new double[] {
      millis[(int) (millis.length * 0.50)],
      millis[Math.min(millis.length - 1, (int) (millis.length * 0.95))]
    };
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
    return heap.getUsed();
  }
}
