package fi.osaava.identification.internal;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * English sentence embeddings of concepts (MiniLM-L6-v2, quantized, in-process ONNX) and an exact
 * nearest-neighbour search over them. Each concept has two vectors: its preferred label, and its
 * label with its description. Vectors are stored dimension-major, so that scoring all concepts for
 * a query is a sequence of vectorisable {@code axpy} loops, and they are cached on disk in a binary
 * file whose header holds a version key (model, ESCO import, recipe): any change rebuilds.
 */
final class SemanticIndex {

  static final String MODEL = "all-minilm-l6-v2-q";

  /** Bump when the texts embedded or the file layout change, so old caches are rebuilt. */
  static final int RECIPE = 1;

  private static final int MAGIC = 0x05AA_7A01;
  private static final int BATCH = 64;

  /**
   * Clusters scanned per query, of about √n. {@code -Dosaava.identification.probes=1000} scans them
   * all, which is exact search, to measure what the approximation costs.
   */
  static final int PROBES = Integer.getInteger("osaava.identification.probes", 16);

  private static final int KMEANS_ITERATIONS = 6;
  private static final Logger log = LoggerFactory.getLogger(SemanticIndex.class);

  final int size;
  final int dim;

  /** The concept of each row; rows are ordered by cluster. */
  private final int[] concepts;

  /** Mean of the label and label-with-description vectors, row-major, rows ordered by cluster. */
  private final float[] vectors;

  private final float[][] centroids;

  /** Rows of cluster c are {@code clusterStart[c]} (inclusive) to {@code clusterStart[c + 1]}. */
  private final int[] clusterStart;

  private SemanticIndex(int[] concepts, int dim, float[] labels, float[] descriptions) {
    int n = concepts.length;
    this.size = n;
    this.dim = dim;
    float[][] mean = new float[n][dim];
    for (int s = 0; s < n; s++) {
      for (int d = 0; d < dim; d++) {
        mean[s][d] = 0.5f * (labels[d * n + s] + descriptions[d * n + s]);
      }
    }
    int k = Math.max(1, (int) Math.round(Math.sqrt(n)));
    int[] assignment = new int[n];
    this.centroids = kmeans(mean, k, assignment);
    this.clusterStart = new int[k + 1];
    for (int s = 0; s < n; s++) {
      clusterStart[assignment[s] + 1]++;
    }
    for (int c = 0; c < k; c++) {
      clusterStart[c + 1] += clusterStart[c];
    }
    int[] fill = java.util.Arrays.copyOf(clusterStart, k);
    this.concepts = new int[n];
    this.vectors = new float[n * dim];
    for (int s = 0; s < n; s++) {
      int row = fill[assignment[s]]++;
      this.concepts[row] = concepts[s];
      System.arraycopy(mean[s], 0, vectors, row * dim, dim);
    }
  }

  /**
   * Spherical k-means: centroids seeded with evenly spaced vectors (deterministic, so the same
   * cache gives the same index), then a few rounds of assigning each vector to the centroid with
   * the largest dot product and renormalising the means.
   */
  private static float[][] kmeans(float[][] points, int k, int[] assignment) {
    int n = points.length;
    int dim = n == 0 ? 0 : points[0].length;
    float[][] centroids = new float[k][];
    for (int c = 0; c < k; c++) {
      centroids[c] = normalize(points[(int) ((long) c * n / k)]);
    }
    for (int iteration = 0; iteration < KMEANS_ITERATIONS; iteration++) {
      for (int s = 0; s < n; s++) {
        int best = 0;
        float bestScore = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
          float score = dot(points[s], 0, centroids[c]);
          if (score > bestScore) {
            bestScore = score;
            best = c;
          }
        }
        assignment[s] = best;
      }
      float[][] sums = new float[k][dim];
      for (int s = 0; s < n; s++) {
        float[] sum = sums[assignment[s]];
        for (int d = 0; d < dim; d++) {
          sum[d] += points[s][d];
        }
      }
      for (int c = 0; c < k; c++) {
        boolean empty = true;
        for (float x : sums[c]) {
          empty &= x == 0;
        }
        if (!empty) {
          centroids[c] = normalize(sums[c]);
        }
      }
    }
    return centroids;
  }

  private static float dot(float[] a, int offset, float[] b) {
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int n = b.length;
    int i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += a[offset + i] * b[i];
      s1 += a[offset + i + 1] * b[i + 1];
      s2 += a[offset + i + 2] * b[i + 2];
      s3 += a[offset + i + 3] * b[i + 3];
    }
    for (; i < n; i++) {
      s0 += a[offset + i] * b[i];
    }
    return s0 + s1 + s2 + s3;
  }

  /** The texts of one concept to embed. */
  record Entry(int concept, String label, String labelWithDescription) {}

  /** Loads the cache when its key matches, else embeds every entry and writes the cache. */
  static SemanticIndex loadOrBuild(Path file, String key, List<Entry> entries, EmbeddingModel model)
      throws IOException {
    SemanticIndex cached = load(file, key, entries);
    if (cached != null) {
      return cached;
    }
    long started = System.nanoTime();
    log.info(
        "Embedding {} concepts for semantic matching (once; cached in {})", entries.size(), file);
    int n = entries.size();
    float[][] labels = embed(model, entries.stream().map(Entry::label).toList());
    float[][] described = embed(model, entries.stream().map(Entry::labelWithDescription).toList());
    int dim = labels.length == 0 ? 384 : labels[0].length;
    int[] concepts = entries.stream().mapToInt(Entry::concept).toArray();
    // Column-major as cached; the index keeps only their mean, so they go once written.
    float[] labelColumns = transpose(labels, dim);
    float[] describedColumns = transpose(described, dim);
    SemanticIndex index = new SemanticIndex(concepts, dim, labelColumns, describedColumns);
    index.write(file, key, entries, labelColumns, describedColumns);
    log.info("Embedded {} concepts in {} s", n, (System.nanoTime() - started) / 1_000_000_000L);
    return index;
  }

  static float[][] embed(EmbeddingModel model, List<String> texts) {
    float[][] vectors = new float[texts.size()][];
    for (int from = 0; from < texts.size(); from += BATCH) {
      int to = Math.min(texts.size(), from + BATCH);
      List<TextSegment> segments = new ArrayList<>(to - from);
      List<Integer> positions = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        if (texts.get(i) == null || texts.get(i).isBlank()) {
          vectors[i] = new float[384];
        } else {
          segments.add(TextSegment.from(texts.get(i)));
          positions.add(i);
        }
      }
      if (segments.isEmpty()) {
        continue;
      }
      var embeddings = model.embedAll(segments).content();
      for (int i = 0; i < positions.size(); i++) {
        vectors[positions.get(i)] = normalize(embeddings.get(i).vector());
      }
    }
    return vectors;
  }

  static float[] normalize(float[] v) {
    double norm = 0;
    for (float x : v) {
      norm += x * x;
    }
    float inv = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i] * inv;
    }
    return out;
  }

  private static float[] transpose(float[][] rows, int dim) {
    int n = rows.length;
    float[] byDim = new float[dim * n];
    for (int s = 0; s < n; s++) {
      for (int d = 0; d < dim; d++) {
        byDim[d * n + s] = rows[s][d];
      }
    }
    return byDim;
  }

  /**
   * The concepts nearest to a query: {@code [rows]} and their scores (mean cosine to the label and
   * to the label with description), unsorted, from the {@link #PROBES} nearest clusters.
   */
  Neighbours nearest(float[] query) {
    int k = centroids.length;
    float[] centroidScores = new float[k];
    for (int c = 0; c < k; c++) {
      centroidScores[c] = dot(centroids[c], 0, query);
    }
    int[] probes = Engine.topIndexes(centroidScores, PROBES);
    int count = 0;
    for (int c : probes) {
      count += clusterStart[c + 1] - clusterStart[c];
    }
    int[] rows = new int[count];
    float[] scores = new float[count];
    int i = 0;
    for (int c : probes) {
      for (int row = clusterStart[c]; row < clusterStart[c + 1]; row++) {
        rows[i] = concepts[row];
        scores[i++] = dot(vectors, row * dim, query);
      }
    }
    return new Neighbours(rows, scores);
  }

  /** Candidate concepts of one query and their scores, in matching order. */
  record Neighbours(int[] concepts, float[] scores) {}

  private void write(
      Path file, String key, List<Entry> entries, float[] labelColumns, float[] describedColumns)
      throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeUTF(key);
      out.writeInt(size);
      out.writeInt(dim);
      out.writeInt(fingerprint(entries));
      for (float f : labelColumns) {
        out.writeFloat(f);
      }
      for (float f : describedColumns) {
        out.writeFloat(f);
      }
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static @Nullable SemanticIndex load(Path file, String key, List<Entry> entries) {
    if (!Files.isRegularFile(file)) {
      return null;
    }
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
      if (in.readInt() != MAGIC || !in.readUTF().equals(key)) {
        log.info(
            "Embedding cache {} is for another model, ESCO import or recipe; rebuilding", file);
        return null;
      }
      int n = in.readInt();
      int dim = in.readInt();
      if (n != entries.size() || in.readInt() != fingerprint(entries)) {
        log.info("Embedding cache {} is for other concepts; rebuilding", file);
        return null;
      }
      float[] labels = readFloats(in, n * dim);
      float[] described = readFloats(in, n * dim);
      return new SemanticIndex(
          entries.stream().mapToInt(Entry::concept).toArray(), dim, labels, described);
    } catch (IOException | RuntimeException e) {
      log.warn("Embedding cache {} unreadable ({}); rebuilding", file, e.toString());
      return null;
    }
  }

  private static float[] readFloats(DataInputStream in, int count) throws IOException {
    byte[] bytes = new byte[count * 4];
    in.readFully(bytes);
    java.nio.FloatBuffer buffer =
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.BIG_ENDIAN).asFloatBuffer();
    float[] values = new float[count];
    buffer.get(values);
    return values;
  }

  /** Guards against a cache written for the same key but other texts (a code change). */
  private static int fingerprint(List<Entry> entries) {
    int h = 1;
    for (Entry e : entries) {
      h = 31 * h + e.label().hashCode();
      h = 31 * h + e.labelWithDescription().hashCode();
    }
    return h;
  }
}
