package fi.osaava.identification;

import fi.osaava.platform.Language;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Suggests the ESCO skills and occupations that a text expresses. Thread-safe. */
public interface IdentificationApi {

  /** Longer texts are cut here, and the result says so ({@link Identification#truncated()}). */
  int MAX_TEXT_LENGTH = 50_000;

  /**
   * Identifies skills and occupations in {@code text}.
   *
   * @param text any text; null or blank gives an empty result
   * @param language the language of the whole text, or null to detect it per sentence
   */
  Identification identify(
      @Nullable String text, @Nullable Language language, IdentifyOptions options);

  /**
   * Many texts at once, faster than one by one because the semantic model runs in batches.
   *
   * @param texts null or blank ones give empty results
   * @param language the language of every text, or null to detect it per sentence
   */
  List<Identification> identifyAll(
      List<String> texts, @Nullable Language language, IdentifyOptions options);

  /** What the engine has loaded; {@link IdentificationStatus#ready()} false while it builds. */
  IdentificationStatus status();

  /**
   * Builds the indexes now if they are not built, and waits up to {@code timeout} for the
   * embeddings too (on the very first start they take minutes to compute; later they load from the
   * cache in seconds). Batch work calls this first; the web does not, and serves lexical results
   * until the embeddings are there.
   *
   * @return the status afterwards: {@code semantic} says whether embeddings are in use
   */
  IdentificationStatus awaitReady(java.time.Duration timeout);
}
