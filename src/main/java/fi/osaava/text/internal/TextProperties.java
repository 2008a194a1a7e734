package fi.osaava.text.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings under {@code osaava.text.*}.
 *
 * @param voikko Finnish morphology through Voikko
 */
@ConfigurationProperties("osaava.text")
record TextProperties(Voikko voikko) {

  // Voikko's own compact constructor puts its defaults in place of these nulls.
  @SuppressWarnings("NullAway")
  TextProperties {
    if (voikko == null) {
      voikko = new Voikko(null, null, null, null);
    }
  }

  /**
   * @param enabled false to use the stemmer fallback even where Voikko is installed
   * @param dictionaryPath folder holding Voikko's {@code 5/mor-standard}; default: libvoikko's own
   *     search path ({@code /usr/lib/voikko} on Debian)
   * @param poolSize Voikko handles, about the number of threads analysing at once
   * @param cacheSize analysed words kept in memory
   */
  record Voikko(Boolean enabled, String dictionaryPath, Integer poolSize, Integer cacheSize) {
    Voikko {
      if (enabled == null) {
        enabled = Boolean.TRUE;
      }
      if (poolSize == null) {
        poolSize = DefaultFinnishMorphology.DEFAULT_POOL_SIZE;
      }
      if (cacheSize == null) {
        cacheSize = 50_000;
      }
    }
  }
}
