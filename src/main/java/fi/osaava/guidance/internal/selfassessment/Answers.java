package fi.osaava.guidance.internal.selfassessment;

import java.io.Serializable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A completed self-assessment: each statement's id and its value (1 to 5). Kept in the HTTP session
 * before sign-in, hence serialisable.
 */
public record Answers(Version version, Map<String, Integer> values, Instant completedAt)
    implements Serializable {

  public Answers {
    values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
