package fi.osaava.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Locale;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The {@code lang}, {@code page} and {@code size} query parameters of a paged REST list, bound as
 * one object (take it with {@code @Valid}) so that every list describes and checks them the same
 * way. A page number below 0 or a size outside 1 to {@link Paging#MAX_SIZE} is a 400 naming the
 * parameter.
 *
 * @param lang the content language asked for; null when the request does not say
 * @param page the page, from 0; 0 when absent
 * @param size items per page; 20 when absent
 */
@ParameterObject
public record PageQuery(
    @Parameter(
            description = LanguageQuery.DESCRIPTION,
            schema =
                @Schema(
                    type = "string",
                    allowableValues = {"fi", "sv", "en", "no"}))
        Language lang,
    @Parameter(description = "The page, from 0", schema = @Schema(defaultValue = "0")) @Min(0)
        Integer page,
    @Parameter(description = "Items per page", schema = @Schema(defaultValue = "20"))
        @Min(1)
        @Max(Paging.MAX_SIZE)
        Integer size) {

  public static final int DEFAULT_SIZE = 20;

  public PageQuery {
    page = page == null ? 0 : page;
    size = size == null ? DEFAULT_SIZE : size;
  }

  /** The language asked for, else the request's ({@code Accept-Language}). */
  public Language language(Locale locale) {
    return new LanguageQuery(lang).or(locale);
  }

  /** The page asked for; only valid after validation. */
  public Paging paging() {
    return new Paging(page, size);
  }
}
