package fi.osaava.regionalintelligence;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A survey whose owner published its results: open to everyone, with its aggregates as CSV.
 *
 * @param titles the survey's title by language code ({@code fi}, {@code sv}, {@code en})
 * @param respondents how many answered, or null where fewer than the minimum cell size did
 */
public record PublishedSurvey(
    UUID id,
    String organisation,
    Map<String, String> titles,
    @Nullable Long respondents,
    Instant publishedAt) {

  public PublishedSurvey {
    titles = Map.copyOf(titles);
  }
}
