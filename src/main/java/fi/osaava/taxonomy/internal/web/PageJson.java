package fi.osaava.taxonomy.internal.web;

import fi.osaava.platform.Paging;
import fi.osaava.platform.ResultPage;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list.
 *
 * @param page zero-based page number, as requested
 * @param size page size, as requested
 * @param total number of items over all pages
 */
record PageJson<T>(
    List<T> items,
    @Schema(example = "0") int page,
    @Schema(example = "20") int size,
    @Schema(example = "37") long total) {

  static <S, T> PageJson<T> of(ResultPage<S> page, Function<? super S, ? extends T> mapper) {
    return new PageJson<>(
        page.items().stream().<T>map(mapper).toList(), page.page(), page.size(), page.total());
  }

  /** Pages a list that the taxonomy returns whole, so every list of the API pages the same way. */
  static <S, T> PageJson<T> slice(
      List<S> all, Paging paging, Function<? super S, ? extends T> mapper) {
    int from = (int) Math.min(all.size(), paging.offset());
    int to = Math.min(all.size(), from + paging.size());
    return new PageJson<>(
        all.subList(from, to).stream().<T>map(mapper).toList(),
        paging.page(),
        paging.size(),
        all.size());
  }
}
