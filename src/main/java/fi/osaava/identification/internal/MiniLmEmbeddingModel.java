package fi.osaava.identification.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executors;

/**
 * The quantized all-MiniLM-L6-v2 model that langchain4j ships in its jar, run with one ONNX thread
 * per call and without spin-waiting, and sentences spread over a fixed pool instead. The stock
 * session gives every call all cores and spins them while it waits, which on two cores shared by
 * several requests costs more than it gains. Same model file, same tokenizer, same mean pooling:
 * the same vectors as langchain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel}.
 */
final class MiniLmEmbeddingModel extends AbstractInProcessEmbeddingModel {

  private static final String MODEL = "/all-minilm-l6-v2-q.onnx";
  private static final String TOKENIZER = "/all-minilm-l6-v2-q-tokenizer.json";

  private final OnnxBertBiEncoder encoder;

  MiniLmEmbeddingModel(int threads) {
    super(
        Executors.newFixedThreadPool(
            Math.max(1, threads),
            Thread.ofPlatform().daemon().name("identification-embed-", 0).factory()));
    try (InputStream model = resource(MODEL);
        InputStream tokenizer = resource(TOKENIZER)) {
      OrtEnvironment environment = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
      OrtSession session = environment.createSession(model.readAllBytes(), options);
      encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.MEAN);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException("The ONNX runtime could not load " + MODEL, e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = MiniLmEmbeddingModel.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException(name + " is not on the class path (langchain4j's MiniLM jar)");
    }
    return in;
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return 384;
  }
}
