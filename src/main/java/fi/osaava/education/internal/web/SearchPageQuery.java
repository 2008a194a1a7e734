package fi.osaava.education.internal.web;

import fi.osaava.education.internal.search.EducationQuery;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The {@code page} and {@code size} of the education search API, bound as one object (take it with
 * {@code @Valid}). Search pages are smaller than the platform's paged lists ({@code PageQuery}
 * allows 200): at most {@link EducationQuery#MAX_SIZE} hits, and no page past the search window,
 * which {@link EducationQuery} checks as it depends on both values.
 *
 * @param page the page, from 0; 0 when absent
 * @param size hits per page; {@value #DEFAULT_SIZE} when absent
 */
@ParameterObject
record SearchPageQuery(
    @Parameter(
            description =
                "The page, from 0, so that (page + 1) × size stays within "
                    + EducationQuery.MAX_RESULT_WINDOW,
            schema = @Schema(defaultValue = "0"))
        @Min(0)
        Integer page,
    @Parameter(description = "Hits per page", schema = @Schema(defaultValue = "20"))
        @Min(value = 1, message = SearchPageQuery.SIZES)
        @Max(value = EducationQuery.MAX_SIZE, message = SearchPageQuery.SIZES)
        Integer size) {

  static final int DEFAULT_SIZE = 20;

  static final String SIZES = "must be between 1 and " + EducationQuery.MAX_SIZE;

  SearchPageQuery {
    page = page == null ? 0 : page;
    size = size == null ? DEFAULT_SIZE : size;
  }
}
