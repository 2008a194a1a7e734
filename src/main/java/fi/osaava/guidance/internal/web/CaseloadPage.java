package fi.osaava.guidance.internal.web;

import fi.osaava.guidance.internal.web.CaseloadPageController.ActivityFilter;
import fi.osaava.guidance.internal.web.CaseloadPageController.CaseRow;
import fi.osaava.guidance.internal.web.CaseloadPageController.MeetingFilter;
import fi.osaava.guidance.internal.web.CaseloadPageController.Sort;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;

/**
 * One page of the caseload's filtered and ordered rows, with the links of the GOV.UK pagination
 * component. The links carry the search, filters and order, so that moving between pages keeps
 * them, with plain links that work without JavaScript.
 *
 * @param rows the rows of this page
 * @param number this page, from 1
 * @param pages how many pages there are (at least 1)
 * @param total how many rows match, on all pages
 * @param first the position of this page's first row, from 1 (0 when nothing matches)
 * @param last the position of this page's last row
 * @param links the numbered links, an ellipsis where numbers are left out
 * @param previous the previous page's address, or null on the first
 * @param next the next page's address, or null on the last
 */
record CaseloadPage(
    List<CaseRow> rows,
    int number,
    int pages,
    int total,
    int first,
    int last,
    List<Link> links,
    @Nullable String previous,
    @Nullable String next) {

  /** Rows on a page: a screenful of a caseload that a counsellor scans. */
  static final int SIZE = 25;

  /** What the page was asked with, for the links to other pages. */
  record Filters(
      String q,
      boolean open,
      String goal,
      MeetingFilter meeting,
      ActivityFilter active,
      Sort sort) {}

  /**
   * A numbered link, or an ellipsis when {@code number} is null.
   *
   * @param href the page's address, null for an ellipsis
   */
  record Link(@Nullable Integer number, @Nullable String href, boolean current) {

    public boolean ellipsis() {
      return number == null;
    }
  }

  /** Page {@code asked} of {@code all} (a page past the end is the last page). */
  static CaseloadPage of(List<CaseRow> all, int asked, Filters filters) {
    int pages = Math.max(1, (all.size() + SIZE - 1) / SIZE);
    int number = Math.min(Math.max(1, asked), pages);
    int from = (number - 1) * SIZE;
    int to = Math.min(all.size(), from + SIZE);
    List<Link> links = new ArrayList<>();
    if (pages > 1) {
      // As the GOV.UK pagination component advises for many pages: the first and the last, the
      // current with its neighbours, and an ellipsis for each gap.
      int shown = 0;
      for (int n = 1; n <= pages; n++) {
        if (n == 1 || n == pages || Math.abs(n - number) <= 1) {
          if (shown != 0 && n > shown + 1) {
            links.add(new Link(null, null, false));
          }
          links.add(new Link(n, href(filters, n), n == number));
          shown = n;
        }
      }
    }
    return new CaseloadPage(
        all.subList(from, to),
        number,
        pages,
        all.size(),
        all.isEmpty() ? 0 : from + 1,
        to,
        links,
        number > 1 ? href(filters, number - 1) : null,
        number < pages ? href(filters, number + 1) : null);
  }

  /**
   * The address of page {@code n}, with only the parameters that differ from the defaults, encoded
   * as a form sends them (so that a {@code +} typed in the search stays a plus).
   */
  static String href(Filters f, int n) {
    StringJoiner query = new StringJoiner("&", "?", "").setEmptyValue("");
    BiConsumer<String, String> add =
        (name, value) -> query.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8));
    if (!f.q().isEmpty()) {
      add.accept("q", f.q());
    }
    if (f.open()) {
      add.accept("open", "true");
    }
    if (!f.goal().isEmpty()) {
      add.accept("goal", f.goal());
    }
    if (f.meeting() != MeetingFilter.ANY) {
      add.accept("meeting", f.meeting().name());
    }
    if (f.active() != ActivityFilter.ANY) {
      add.accept("active", f.active().name());
    }
    if (f.sort() != Sort.NAME) {
      add.accept("sort", f.sort().name());
    }
    if (n > 1) {
      add.accept("page", Integer.toString(n));
    }
    return "/guidance/caseload" + query;
  }
}
