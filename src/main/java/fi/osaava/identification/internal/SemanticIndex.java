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
  private static final int BLOCK = 2048;
  private static final Logger log = LoggerFactory.getLogger(SemanticIndex.class);

  final int size;
  final int dim;
  private final int[] concepts;
  private final float[] labelVectors;
  private final float[] descriptionVectors;

  private SemanticIndex(int[] concepts, int dim, float[] labels, float[] descriptions) {
    this.concepts = concepts;
    this.size = concepts.length;
    this.dim = dim;
    this.labelVectors = labels;
    this.descriptionVectors = descriptions;
  }

  int concept(int row) {
    return concepts[row];
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
    SemanticIndex index =
        new SemanticIndex(concepts, dim, transpose(labels, dim), transpose(described, dim));
    index.write(file, key, entries);
    log.info("Embedded {} concepts in {} s", n, (System.nanoTime() - started) / 1_000_000_000L);
    return index;
  }

  static float[][] embed(EmbeddingModel model, List<String> texts) {
    float[][] vectors = new float[texts.size()][];
    for (int from = 0; from < texts.size(); from += BATCH) {
      int to = Math.min(texts.size(), from + BATCH);
      List<TextSegment> segments = new ArrayList<>(to - from);
      for (int i = from; i < to; i++) {
        segments.add(TextSegment.from(texts.get(i)));
      }
      var embeddings = model.embedAll(segments).content();
      for (int i = from; i < to; i++) {
        vectors[i] = normalize(embeddings.get(i - from).vector());
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
   * Cosine similarities of every query to every concept, for the label vectors and for the
   * label-with-description vectors: {@code [query][row]}. Blocked so each stretch of the matrix is
   * read once for all the queries of a text.
   */
  float[][][] similarities(float[][] queries) {
    int q = queries.length;
    float[][] label = new float[q][size];
    float[][] described = new float[q][size];
    for (int from = 0; from < size; from += BLOCK) {
      int to = Math.min(size, from + BLOCK);
      for (int d = 0; d < dim; d++) {
        int offset = d * size;
        for (int k = 0; k < q; k++) {
          float w = queries[k][d];
          float[] l = label[k];
          float[] e = described[k];
          for (int s = from; s < to; s++) {
            l[s] += w * labelVectors[offset + s];
            e[s] += w * descriptionVectors[offset + s];
          }
        }
      }
    }
    return new float[][][] {label, described};
  }

  private void write(Path file, String key, List<Entry> entries) throws IOException {
    Files.createDirectories(file.getParent());
    Path temp = file.resolveSibling(file.getFileName() + ".tmp");
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
      out.writeInt(MAGIC);
      out.writeUTF(key);
      out.writeInt(size);
      out.writeInt(dim);
      out.writeInt(fingerprint(entries));
      for (float f : labelVectors) {
        out.writeFloat(f);
      }
      for (float f : descriptionVectors) {
        out.writeFloat(f);
      }
    }
    Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static SemanticIndex load(Path file, String key, List<Entry> entries) {
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
