package fi.osaava.web.internal;

import fi.osaava.platform.Language;
import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.converter.Converter;

/**
 * Binds request parameters such as {@code lang=sv} to {@link Language}. An unknown code fails the
 * binding with {@link Language#require}'s message, which names the accepted codes; the error
 * handlers turn that into a 400.
 */
final class LanguageConverter implements Converter<String, Language> {

  // Spring allows a null result (Converter's T extends @Nullable Object), a generic bound that
  // NullAway reads only in its JSpecify mode.
  @SuppressWarnings("NullAway")
  @Override
  public @Nullable Language convert(String source) {
    // Blank means "not given": the parameter's default then applies.
    return source.isBlank() ? null : Language.require(source);
  }
}
