package fi.osaava.web;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The {@code lang} query parameter of a REST operation whose content exists only in Finland's
 * national languages and English (the education catalogue, the service directory), bound as one
 * object (take it with {@code @Valid}). Unlike {@link LanguageQuery} it refuses {@code no} with a
 * 400 naming {@code lang}, and a Norwegian {@code Accept-Language} is answered in English.
 *
 * @param lang the language code asked for (fi, sv or en, also as a tag such as fi-FI); null or
 *     blank when the request does not say
 */
@ParameterObject
public record NationalLanguageQuery(
    @Parameter(
            description = NationalLanguageQuery.DESCRIPTION,
            schema =
                @Schema(
                    type = "string",
                    allowableValues = {"fi", "sv", "en"}))
        @National
        @Nullable String lang) {

  public static final String DESCRIPTION =
      "Content language: fi, sv or en. Default: the first of these in Accept-Language (English for"
          + " Norwegian), else fi.";

  static final String ACCEPTED = "must be one of fi, sv, en";

  /** The language asked for, else the request's ({@code Accept-Language}). */
  public Language or(Locale locale) {
    if (lang == null || lang.isBlank()) {
      return fallback(locale);
    }
    // Validation refused any other code already; this keeps a 400 where a caller forgot @Valid.
    return national(lang)
        .orElseThrow(() -> new InvalidInputException("request", 0, "lang", ACCEPTED));
  }

  private static Optional<Language> national(String code) {
    return Language.fromCode(code).filter(l -> l != Language.NO);
  }

  /** The request's language ({@code Accept-Language}) among the national ones and English. */
  public static Language fallback(Locale locale) {
    Language language = Language.of(locale);
    return language == Language.NO ? Language.EN : language;
  }

  /** A language code of fi, sv or en, as {@link Language#fromCode} reads it; blank passes. */
  @Constraint(validatedBy = National.Validator.class)
  @Target({ElementType.FIELD, ElementType.PARAMETER})
  @Retention(RetentionPolicy.RUNTIME)
  public @interface National {

    String message() default ACCEPTED;

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Checks {@link National}. */
    final class Validator implements ConstraintValidator<National, String> {

      @Override
      public boolean isValid(@Nullable String code, ConstraintValidatorContext context) {
        return code == null || code.isBlank() || national(code).isPresent();
      }
    }
  }
}
