package fi.osaava.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real MiniLM model on a few concepts: neighbours, and the cache file with its key. */
class SemanticIndexTest {

  static final List<SemanticIndex.Entry> ENTRIES =
      List.of(
          new SemanticIndex.Entry(0, "Java (computer programming)", "Java: programming in Java."),
          new SemanticIndex.Entry(1, "bake bread", "bake bread: make loaves of bread in ovens."),
          new SemanticIndex.Entry(2, "drive trucks", "drive trucks: operate heavy lorries."),
          new SemanticIndex.Entry(
              3, "provide first aid", "provide first aid: help injured people at once."));

  static EmbeddingModel model;

  @BeforeAll
  static void loadModel() {
    model = new AllMiniLmL6V2QuantizedEmbeddingModel();
  }

  @Test
  void findsTheConceptThatASentenceMeansWithoutSharingItsWords(@TempDir Path dir) throws Exception {
    SemanticIndex index =
        SemanticIndex.loadOrBuild(dir.resolve("vectors.bin"), "k1", ENTRIES, model);
    float[][] queries =
        SemanticIndex.embed(
            model,
            List.of(
                "We write backend services on the JVM.",
                "You will deliver goods with a lorry.",
                "Morning shifts at our bakery."));
    assertThat(best(index, queries[0])).isEqualTo(0);
    assertThat(best(index, queries[1])).isEqualTo(2);
    assertThat(best(index, queries[2])).isEqualTo(1);
  }

  @Test
  void reusesTheCacheOnlyForTheSameKeyAndTexts(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("vectors.bin");
    CountingModel counting = new CountingModel(model);
    SemanticIndex built = SemanticIndex.loadOrBuild(file, "key-a", ENTRIES, counting);
    int callsToBuild = counting.calls.get();
    assertThat(callsToBuild).isPositive();
    assertThat(Files.size(file)).isGreaterThan(ENTRIES.size() * 2L * 384 * 4);

    SemanticIndex loaded = SemanticIndex.loadOrBuild(file, "key-a", ENTRIES, counting);
    assertThat(counting.calls.get()).as("loaded from the cache").isEqualTo(callsToBuild);
    float[][] q = SemanticIndex.embed(model, List.of("programming"));
    assertThat(score(loaded, q[0], 0)).isCloseTo(score(built, q[0], 0), within(1e-6f));
    assertThat(score(built, q[0], 0)).isBetween(-1f, 1f);

    SemanticIndex.loadOrBuild(file, "key-b", ENTRIES, counting);
    assertThat(counting.calls.get()).as("another key rebuilds").isGreaterThan(callsToBuild);
    int afterRebuild = counting.calls.get();
    SemanticIndex.loadOrBuild(file, "key-b", ENTRIES.subList(0, 3), counting);
    assertThat(counting.calls.get()).as("other concepts rebuild").isGreaterThan(afterRebuild);
  }

  /** The concept nearest to the query (four concepts: every cluster is probed). */
  @Test
  void theSingleThreadedSessionGivesLangchainsVectors() {
    List<String> texts = List.of("manage budgets", "Vi söker en utvecklare.", "C++");
    float[][] ours = SemanticIndex.embed(new MiniLmEmbeddingModel(2), texts);
    float[][] theirs = SemanticIndex.embed(model, texts);
    for (int i = 0; i < texts.size(); i++) {
      float cosine = 0;
      for (int d = 0; d < ours[i].length; d++) {
        cosine += ours[i][d] * theirs[i][d];
      }
      assertThat(cosine).as(texts.get(i)).isGreaterThan(0.999f);
    }
    // langchain4j refuses blank text; a blank piece gets a zero vector, near nothing.
    assertThat(SemanticIndex.embed(model, List.of(" "))[0]).containsOnly(0f);
  }

  private static int best(SemanticIndex index, float[] query) {
    SemanticIndex.Neighbours n = index.nearest(query);
    assertThat(n.concepts()).hasSize(ENTRIES.size());
    int best = 0;
    for (int i = 1; i < n.scores().length; i++) {
      if (n.scores()[i] > n.scores()[best]) {
        best = i;
      }
    }
    return n.concepts()[best];
  }

  private static float score(SemanticIndex index, float[] query, int concept) {
    SemanticIndex.Neighbours n = index.nearest(query);
    for (int i = 0; i < n.concepts().length; i++) {
      if (n.concepts()[i] == concept) {
        return n.scores()[i];
      }
    }
    throw new AssertionError("concept " + concept + " not scored");
  }

  /** Counts how often the real model is asked, to tell a cache hit from a rebuild. */
  private static final class CountingModel implements EmbeddingModel {
    final EmbeddingModel delegate;
    final AtomicInteger calls = new AtomicInteger();

    CountingModel(EmbeddingModel delegate) {
      this.delegate = delegate;
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
      calls.incrementAndGet();
      return delegate.embedAll(segments);
    }
  }
}
