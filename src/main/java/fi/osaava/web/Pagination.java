package fi.osaava.web;

import fi.osaava.platform.ResultPage;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

/**
 * What the shared pager fragment ({@code web/fragments :: pager}) needs to render links to the
 * previous and next page of a {@link ResultPage}, keeping the other query parameters of the page.
 *
 * @param number the 1-based page number shown to people
 * @param pages the number of pages, at least 1
 * @param total the number of items over all pages
 * @param previous link to the previous page, or null on the first
 * @param next link to the next page, or null on the last
 */
public record Pagination(
    int number, int pages, long total, @Nullable String previous, @Nullable String next) {

  /**
   * @param parameter the zero-based page query parameter, such as {@code page}
   * @param anchor the id of the section holding the list, so the browser scrolls back to it; or
   *     null
   */
  public static Pagination of(
      ResultPage<?> page, String parameter, @Nullable String anchor, HttpServletRequest request) {
    String previous =
        page.hasPrevious()
            ? CurrentUrl.withParameter(
                request, parameter, page.page() == 1 ? null : page.page() - 1, anchor)
            : null;
    String next =
        page.hasNext()
            ? CurrentUrl.withParameter(request, parameter, page.page() + 1, anchor)
            : null;
    return new Pagination(
        page.page() + 1, Math.max(1, page.totalPages()), page.total(), previous, next);
  }

  /** Whether there is more than one page, so the pager is worth showing. */
  public boolean needed() {
    return previous != null || next != null;
  }
}
