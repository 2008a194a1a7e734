package fi.osaava.web;

import fi.osaava.platform.Language;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The {@code lang} query parameter of a REST operation that returns content in a language, bound as
 * one object so that every operation describes it the same way in the OpenAPI document.
 *
 * @param lang the content language asked for; null when the request does not say
 */
@ParameterObject
public record LanguageQuery(
    @Parameter(
            description = LanguageQuery.DESCRIPTION,
            schema =
                @Schema(
                    type = "string",
                    allowableValues = {"fi", "sv", "en", "no"}))
        Language lang) {

  public static final String DESCRIPTION =
      "Content language: fi, sv, en or no. Default: the first of these in Accept-Language, else fi.";

  /** The language asked for, else the request's ({@code Accept-Language}). */
  public Language or(Locale locale) {
    return lang != null ? lang : Language.of(locale);
  }
}
