package fi.osaava.identification.internal;

import fi.osaava.identification.MatchReason;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A concept the engine ranked, before it becomes an API record.
 *
 * @param spans evidence as {@code [start, end]} offsets into the original text
 * @param features for skills, the fusion's inputs ({@link FusionWeights#skillFeatures}); else null
 */
record Candidate(
    int concept, double score, MatchReason reason, List<int[]> spans, float @Nullable [] features) {

  Candidate(int concept, double score, MatchReason reason, List<int[]> spans) {
    this(concept, score, reason, spans, null);
  }
}
