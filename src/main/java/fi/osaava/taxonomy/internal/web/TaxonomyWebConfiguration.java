package fi.osaava.taxonomy.internal.web;

import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.RelationType;
import java.net.URI;
import java.net.URISyntaxException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Binds the taxonomy's query parameters ({@code uri}, {@code type}, {@code relation}) to its types.
 * A value that does not parse fails the binding with a message that says what is accepted, which
 * the web shell's error handlers return as a 400.
 */
@Configuration(proxyBeanMethods = false)
class TaxonomyWebConfiguration implements WebMvcConfigurer {

  // A false positive: Spring declares Converter<S, T extends @Nullable Object>, so a converter may
  // return null (a blank parameter is an absent one), but NullAway outside its JSpecify mode does
  // not read nullability from type parameters.
  @Override
  @SuppressWarnings("NullAway")
  public void addFormatters(FormatterRegistry registry) {
    registry.addConverter(String.class, ConceptUri.class, TaxonomyWebConfiguration::conceptUri);
    registry.addConverter(String.class, ConceptType.class, TaxonomyWebConfiguration::conceptType);
    registry.addConverter(String.class, RelationType.class, TaxonomyWebConfiguration::relationType);
  }

  static @Nullable ConceptUri conceptUri(String value) {
    if (value.isBlank()) {
      return null;
    }
    ConceptUri uri = ConceptUri.of(value);
    // ConceptUri checks only the scheme and whitespace; a concept URI must also parse and name a
    // host, so that typos fail here with a clear message instead of as "not found".
    try {
      URI parsed = new URI(uri.value());
      if (parsed.getHost() == null) {
        throw new IllegalArgumentException("Not a concept URI: '" + value + "' has no host");
      }
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not a concept URI: " + e.getMessage(), e);
    }
    return uri;
  }

  static @Nullable ConceptType conceptType(String value) {
    if (value.isBlank()) {
      return null;
    }
    return ConceptType.fromSlug(value)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown concept type '"
                        + value
                        + "': use one of skill, skill-group, occupation, isco-group"));
  }

  static @Nullable RelationType relationType(String value) {
    if (value.isBlank()) {
      return null;
    }
    return RelationType.parse(value)
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    "Unknown relation '" + value + "': use essential or optional"));
  }
}
