package fi.osaava.text.internal;

import fi.osaava.text.FinnishMorphology;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TextProperties.class)
class TextConfiguration {

  /** One instance for the whole application, so every analyser shares its cache and handles. */
  @Bean(destroyMethod = "close")
  FinnishMorphology finnishMorphology(TextProperties properties) {
    TextProperties.Voikko voikko = properties.voikko();
    return DefaultFinnishMorphology.create(
        voikko.enabled(), voikko.dictionaryPath(), voikko.poolSize(), voikko.cacheSize());
  }
}
