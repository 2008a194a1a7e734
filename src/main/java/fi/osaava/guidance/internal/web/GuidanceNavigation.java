package fi.osaava.guidance.internal.web;

import fi.osaava.guidance.internal.Counsellors;
import fi.osaava.web.NavigationEntries;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The guidance entries of the service navigation: the caseload for counsellors and the
 * organisation's page for its administrators, and nothing for anyone else (a client reaches their
 * sharing and plan from their profile). The pages check the claims again themselves.
 */
@Component
class GuidanceNavigation implements NavigationEntries {

  private final Counsellors counsellors;

  GuidanceNavigation(Counsellors counsellors) {
    this.counsellors = counsellors;
  }

  @Override
  public List<Entry> entries(@Nullable Authentication auth) {
    List<Entry> entries = new ArrayList<>(2);
    if (counsellors.mayBeCounsellor(auth)) {
      entries.add(new Entry("/guidance/caseload", "guidance.nav.caseload"));
    }
    if (counsellors.isAdministrator(auth)) {
      entries.add(new Entry("/guidance/admin", "guidance.nav.admin"));
    }
    return entries;
  }
}
