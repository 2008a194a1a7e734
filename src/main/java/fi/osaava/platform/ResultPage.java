package fi.osaava.platform;

import java.util.List;
import java.util.function.Function;

/** One page of a result with the total count, so clients can render page links. */
public record ResultPage<T>(List<T> items, int page, int size, long total) {

  public ResultPage {
    items = List.copyOf(items);
  }

  public static <T> ResultPage<T> of(List<T> items, Paging paging, long total) {
    return new ResultPage<>(items, paging.page(), paging.size(), total);
  }

  public int totalPages() {
    return (int) ((total + size - 1) / size);
  }

  public boolean hasNext() {
    return (long) (page + 1) * size < total;
  }

  public boolean hasPrevious() {
    return page > 0;
  }

  public <R> ResultPage<R> map(Function<? super T, ? extends R> mapper) {
    return new ResultPage<>(items.stream().<R>map(mapper).toList(), page, size, total);
  }
}
