package fi.osaava.text.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.jspecify.annotations.Nullable;
import org.puimula.libvoikko.Analysis;
import org.puimula.libvoikko.Voikko;

/**
 * A fixed set of Voikko handles. A handle serialises its calls (its methods are synchronized), so
 * one handle would make every indexing and query thread wait in line; the pool lends one handle per
 * call instead.
 */
final class VoikkoPool implements AutoCloseable {

  private final List<Voikko> all;
  private final BlockingQueue<Voikko> idle;

  /**
   * Opens {@code size} handles.
   *
   * @param dictionaryPath where the Finnish dictionary is, or null for libvoikko's default search
   * @throws LinkageError when the native library is missing
   * @throws org.puimula.libvoikko.VoikkoException when the dictionary is missing
   */
  VoikkoPool(int size, @Nullable String dictionaryPath) {
    all = new ArrayList<>(size);
    idle = new ArrayBlockingQueue<>(size);
    try {
      for (int i = 0; i < size; i++) {
        Voikko voikko =
            dictionaryPath == null ? new Voikko("fi") : new Voikko("fi", dictionaryPath);
        all.add(voikko);
        idle.add(voikko);
      }
    } catch (RuntimeException | LinkageError e) {
      close();
      throw e;
    }
  }

  /** Voikko's analyses of {@code word}, each a map of attributes such as BASEFORM. */
  List<Map<String, String>> analyze(String word) {
    Voikko voikko;
    try {
      voikko = idle.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for a Voikko handle", e);
    }
    try {
      List<Analysis> analyses = voikko.analyze(word);
      return new ArrayList<>(analyses);
    } finally {
      idle.add(voikko);
    }
  }

  @Override
  public void close() {
    for (Voikko voikko : all) {
      voikko.terminate();
    }
    all.clear();
  }
}
