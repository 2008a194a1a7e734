package fi.osaava.identification.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code osaava.identification.*}.
 *
 * @param semantic whether to load the English embedding model and the concept vectors
 * @param buildAtStartup build the indexes in the background when the web application starts, rather
 *     than on the first request
 * @param requestsPerMinute identification requests (API and page together) allowed per client
 *     address per minute
 * @param glosses whether Finnish, Swedish and Norwegian sentences also reach the English embeddings
 *     and labels through word-by-word glosses (off only to measure what they add)
 */
@ConfigurationProperties("osaava.identification")
public record IdentificationProperties(
    Boolean semantic, Boolean buildAtStartup, Integer requestsPerMinute, Boolean glosses) {

  public IdentificationProperties {
    requestsPerMinute = requestsPerMinute == null ? 60 : Math.max(1, requestsPerMinute);
    if (semantic == null) {
      semantic = Boolean.TRUE;
    }
    if (glosses == null) {
      glosses = Boolean.TRUE;
    }
    if (buildAtStartup == null) {
      buildAtStartup = Boolean.TRUE;
    }
  }
}
