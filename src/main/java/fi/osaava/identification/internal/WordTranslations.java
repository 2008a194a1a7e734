package fi.osaava.identification.internal;

import com.carrotsearch.hppc.IntArrayList;
import com.carrotsearch.hppc.LongFloatHashMap;
import com.carrotsearch.hppc.cursors.LongFloatCursor;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Word translations from one language into English, learnt by our own code from parallel text
 * (ESCO's labels and descriptions in two languages, FreeDict's dictionaries, parallel programme
 * descriptions) with IBM Model 1, trained in both directions. A source word's translations are the
 * English words whose probability is high both ways (the geometric mean of t(e|f) and t(f|e)),
 * which keeps Model 1's "garbage collector" effect (a rare word aligned to every word beside it)
 * out.
 *
 * <p>The source side is keyed by the same forms as the label index (Finnish lemmas and compound
 * parts, Swedish and Norwegian stems), the English side by the lower-case surface word, because the
 * glosses go to the English sentence embeddings and the English label index, which stem for
 * themselves.
 */
final class WordTranslations {

  /** One English word for a source word, with how sure the model is (0..1). */
  record Translation(String english, float score) {}

  /** A pair of parallel segments: source keys, English words. */
  record Segment(List<String> source, List<String> english) {}

  /** Translations below this score are noise: a word that co-occurs, not one that translates. */
  static final float MIN_SCORE = 0.08f;

  /** At most this many translations are kept per source word. */
  static final int KEEP = 3;

  private static final int ITERATIONS = 6;

  /** Segments longer than this are cut: alignment over long pairs is mostly noise and costly. */
  private static final int MAX_SEGMENT = 40;

  private final Map<String, List<Translation>> table;

  private WordTranslations(Map<String, List<Translation>> table) {
    this.table = table;
  }

  int size() {
    return table.size();
  }

  /** The English words for one source key, best first; empty when none is known. */
  List<Translation> translate(String key) {
    return table.getOrDefault(key, List.of());
  }

  /** Trains both directions on the segments and keeps each source word's best translations. */
  static WordTranslations train(List<Segment> segments) {
    Vocabulary source = new Vocabulary();
    Vocabulary english = new Vocabulary();
    List<int[]> src = new ArrayList<>(segments.size());
    List<int[]> eng = new ArrayList<>(segments.size());
    for (Segment s : segments) {
      if (s.source().isEmpty() || s.english().isEmpty()) {
        continue;
      }
      src.add(source.ids(s.source()));
      eng.add(english.ids(s.english()));
    }
    LongFloatHashMap forward = model1(src, eng, source.size());
    LongFloatHashMap backward = model1(eng, src, english.size());
    Map<Integer, List<Translation>> best = new HashMap<>();
    for (LongFloatCursor c : forward) {
      int f = (int) (c.key >>> 32);
      int e = (int) c.key;
      float back = backward.getOrDefault(pair(e, f), 0f);
      float score = (float) Math.sqrt(c.value * back);
      if (score >= MIN_SCORE) {
        best.computeIfAbsent(f, k -> new ArrayList<>())
            .add(new Translation(english.word(e), score));
      }
    }
    Map<String, List<Translation>> table = new HashMap<>(best.size() * 2);
    best.forEach(
        (f, list) -> {
          list.sort(Comparator.comparingDouble(Translation::score).reversed());
          table.put(source.word(f), List.copyOf(list.subList(0, Math.min(KEEP, list.size()))));
        });
    return new WordTranslations(table);
  }

  /**
   * IBM Model 1: t(target | source), with an empty source word that absorbs target words nothing
   * translates. Id {@code sourceSize} is that empty word.
   */
  private static LongFloatHashMap model1(List<int[]> sources, List<int[]> targets, int sourceSize) {
    int empty = sourceSize;
    LongFloatHashMap t = new LongFloatHashMap();
    // Uniform start over the pairs that co-occur; the value is irrelevant as long as it is equal.
    for (int s = 0; s < sources.size(); s++) {
      for (int e : targets.get(s)) {
        t.put(pair(empty, e), 1f);
        for (int f : sources.get(s)) {
          t.put(pair(f, e), 1f);
        }
      }
    }
    for (int iteration = 0; iteration < ITERATIONS; iteration++) {
      LongFloatHashMap counts = new LongFloatHashMap(t.size());
      float[] totals = new float[sourceSize + 1];
      for (int s = 0; s < sources.size(); s++) {
        int[] fs = sources.get(s);
        for (int e : targets.get(s)) {
          float sum = t.get(pair(empty, e));
          for (int f : fs) {
            sum += t.get(pair(f, e));
          }
          if (sum <= 0) {
            continue;
          }
          float share = t.get(pair(empty, e)) / sum;
          counts.addTo(pair(empty, e), share);
          totals[empty] += share;
          for (int f : fs) {
            share = t.get(pair(f, e)) / sum;
            counts.addTo(pair(f, e), share);
            totals[f] += share;
          }
        }
      }
      for (LongFloatCursor c : counts) {
        int f = (int) (c.key >>> 32);
        counts.values[c.index] = c.value / totals[f];
      }
      t = counts;
    }
    return t;
  }

  private static long pair(int source, int target) {
    return ((long) source << 32) | (target & 0xffffffffL);
  }

  /** Words to dense ids. */
  private static final class Vocabulary {
    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> words = new ArrayList<>();

    int[] ids(List<String> segment) {
      IntArrayList result = new IntArrayList(Math.min(segment.size(), MAX_SEGMENT));
      for (String word : segment) {
        if (result.size() >= MAX_SEGMENT) {
          break;
        }
        Integer id = ids.get(word);
        if (id == null) {
          id = words.size();
          ids.put(word, id);
          words.add(word);
        }
        if (!result.contains(id)) {
          result.add(id);
        }
      }
      return result.toArray();
    }

    String word(int id) {
      return words.get(id);
    }

    int size() {
      return words.size();
    }
  }

  /** Writes the table under a key line, so that a changed recipe or ESCO import retrains. */
  void save(Path file, String key) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try (BufferedWriter out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
      out.write(key.replace('\n', ' '));
      out.write('\n');
      for (Map.Entry<String, List<Translation>> e : table.entrySet()) {
        out.write(e.getKey());
        for (Translation t : e.getValue()) {
          out.write('\t');
          out.write(t.english());
          out.write('\t');
          out.write(Float.toString(t.score()));
        }
        out.write('\n');
      }
    }
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The table saved under {@code key}, or null when the file is missing, stale or unreadable. */
  static @Nullable WordTranslations load(Path file, String key) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (!key.replace('\n', ' ').equals(in.readLine())) {
        return null;
      }
      Map<String, List<Translation>> table = new HashMap<>();
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] parts = line.split("\t");
        List<Translation> list = new ArrayList<>(parts.length / 2);
        for (int i = 1; i + 1 < parts.length; i += 2) {
          list.add(new Translation(parts[i], Float.parseFloat(parts[i + 1])));
        }
        table.put(parts[0], List.copyOf(list));
      }
      return new WordTranslations(table);
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
