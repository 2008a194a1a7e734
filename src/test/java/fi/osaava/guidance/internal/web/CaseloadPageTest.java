package fi.osaava.guidance.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.guidance.internal.web.CaseloadPageController.ActivityFilter;
import fi.osaava.guidance.internal.web.CaseloadPageController.CaseRow;
import fi.osaava.guidance.internal.web.CaseloadPageController.MeetingFilter;
import fi.osaava.guidance.internal.web.CaseloadPageController.Sort;
import fi.osaava.profile.CounsellorGrant;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.SharedPart;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The caseload's paging: every row on exactly one page, and the GOV.UK pagination's links. */
class CaseloadPageTest {

  static final CaseloadPage.Filters PLAIN =
      new CaseloadPage.Filters("", false, "", MeetingFilter.ANY, ActivityFilter.ANY, Sort.NAME);

  static List<CaseRow> rows(int n) {
    List<CaseRow> rows = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      CounsellorGrant grant =
          new CounsellorGrant(
              UUID.randomUUID(),
              new PersonId(UUID.randomUUID()),
              new PersonId(UUID.randomUUID()),
              "org",
              "Client " + i,
              Set.of(SharedPart.SKILLS),
              Instant.EPOCH,
              Instant.EPOCH,
              null);
      rows.add(new CaseRow(grant, null, null));
    }
    return rows;
  }

  @Test
  void everyRowIsOnExactlyOnePageForRandomSizes() {
    Random random = new Random(20261212);
    for (int round = 0; round < 50; round++) {
      List<CaseRow> all = rows(random.nextInt(120));
      CaseloadPage first = CaseloadPage.of(all, 1, PLAIN);
      List<CaseRow> seen = new ArrayList<>();
      for (int n = 1; n <= first.pages(); n++) {
        CaseloadPage page = CaseloadPage.of(all, n, PLAIN);
        assertThat(page.rows()).hasSizeLessThanOrEqualTo(CaseloadPage.SIZE);
        assertThat(page.first()).isEqualTo(all.isEmpty() ? 0 : (n - 1) * CaseloadPage.SIZE + 1);
        seen.addAll(page.rows());
      }
      assertThat(seen).containsExactlyElementsOf(all);
      assertThat(first.pages()).isEqualTo(Math.max(1, (all.size() + 24) / 25));
    }
  }

  @Test
  void manyPagesShowTheEndsTheNeighboursAndEllipses() {
    CaseloadPage page = CaseloadPage.of(rows(250), 5, PLAIN);
    assertThat(page.links().stream().map(l -> l.ellipsis() ? "…" : l.number().toString()))
        .containsExactly("1", "…", "4", "5", "6", "…", "10");
    assertThat(page.links().stream().filter(CaseloadPage.Link::current))
        .extracting(CaseloadPage.Link::number)
        .containsExactly(5);
    assertThat(page.previous()).isEqualTo("/guidance/caseload?page=4");
    assertThat(page.next()).isEqualTo("/guidance/caseload?page=6");
    assertThat(CaseloadPage.of(rows(250), 1, PLAIN).previous()).isNull();
    assertThat(CaseloadPage.of(rows(250), 10, PLAIN).next()).isNull();
  }

  @Test
  void theLinksKeepTheFiltersEncodedAsAFormSendsThem() {
    var filters =
        new CaseloadPage.Filters(
            "C++ & ä", true, "nurse", MeetingFilter.WEEK, ActivityFilter.QUIET_90, Sort.DUE);
    assertThat(CaseloadPage.href(filters, 3))
        .isEqualTo(
            "/guidance/caseload?q=C%2B%2B+%26+%C3%A4&open=true&goal=nurse&meeting=WEEK"
                + "&active=QUIET_90&sort=DUE&page=3");
    assertThat(CaseloadPage.href(PLAIN, 1)).isEqualTo("/guidance/caseload");
  }
}
