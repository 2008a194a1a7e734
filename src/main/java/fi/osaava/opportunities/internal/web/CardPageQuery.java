package fi.osaava.opportunities.internal.web;

import fi.osaava.opportunities.internal.engine.MatchQuery;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The {@code page} and {@code size} of the opportunities API, bound as one object (take it with
 * {@code @Valid}). Every card is scored and explained, so a page holds at most {@link
 * MatchQuery#MAX_SIZE} cards, fewer than the platform's paged lists ({@code PageQuery}) allow.
 *
 * @param page the page, from 0; 0 when absent
 * @param size cards per page; {@value #DEFAULT_SIZE} when absent
 */
@ParameterObject
record CardPageQuery(
    @Parameter(description = "The page, from 0", schema = @Schema(defaultValue = "0")) @Min(0)
        Integer page,
    @Parameter(description = "Cards per page", schema = @Schema(defaultValue = "20"))
        @Min(value = 1, message = CardPageQuery.SIZES)
        @Max(value = MatchQuery.MAX_SIZE, message = CardPageQuery.SIZES)
        Integer size) {

  static final int DEFAULT_SIZE = 20;

  static final String SIZES = "must be between 1 and " + MatchQuery.MAX_SIZE;

  CardPageQuery {
    page = page == null ? 0 : page;
    size = size == null ? DEFAULT_SIZE : size;
  }
}
