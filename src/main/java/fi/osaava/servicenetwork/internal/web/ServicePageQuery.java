package fi.osaava.servicenetwork.internal.web;

import fi.osaava.platform.Paging;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The {@code page} and {@code size} of the service directory's search API, bound as one object
 * (take it with {@code @Valid}). As in the platform's paged lists ({@code PageQuery}) a page holds
 * up to {@link Paging#MAX_SIZE} services, but the page number is bounded too, at {@value
 * #MAX_PAGE}, so that no request asks the index to skip an unbounded number of hits.
 *
 * @param page the page, from 0; 0 when absent
 * @param size services per page; {@value #DEFAULT_SIZE} when absent
 */
@ParameterObject
record ServicePageQuery(
    @Parameter(
            description = "The page, from 0",
            example = "1",
            schema = @Schema(type = "integer", defaultValue = "0"))
        @Min(value = 0, message = ServicePageQuery.PAGES)
        @Max(value = ServicePageQuery.MAX_PAGE, message = ServicePageQuery.PAGES)
        Integer page,
    @Parameter(
            description = "Services per page",
            example = "5",
            schema = @Schema(type = "integer", defaultValue = "20"))
        @Min(value = 1, message = ServicePageQuery.SIZES)
        @Max(value = Paging.MAX_SIZE, message = ServicePageQuery.SIZES)
        Integer size) {

  static final int MAX_PAGE = 10_000;
  static final int DEFAULT_SIZE = 20;

  static final String PAGES = "must be between 0 and " + MAX_PAGE;
  static final String SIZES = "must be between 1 and " + Paging.MAX_SIZE;

  ServicePageQuery {
    page = page == null ? 0 : page;
    size = size == null ? DEFAULT_SIZE : size;
  }

  Paging paging() {
    return new Paging(page, size);
  }
}
