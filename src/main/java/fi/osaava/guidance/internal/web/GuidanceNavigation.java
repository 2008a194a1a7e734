package fi.osaava.guidance.internal.web;

import fi.osaava.guidance.internal.Counsellors;
import fi.osaava.web.NavigationEntries;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DataAccessException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionException;

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
    // Most pages are seen by people not signed in: no entries, and no transaction opened for them
    // (during a database outage each would wait for a connection before the page could render).
    if (auth == null || !(auth.getPrincipal() instanceof OAuth2User)) {
      return List.of();
    }
    List<Entry> entries = new ArrayList<>(2);
    if (mayBeCounsellor(auth)) {
      entries.add(new Entry("/guidance/caseload", "guidance.nav.caseload"));
    }
    if (counsellors.isAdministrator(auth)) {
      entries.add(new Entry("/guidance/admin", "guidance.nav.admin"));
    }
    return entries;
  }

  /**
   * Whether to show the caseload. A counsellor added by an administrator is found in the database;
   * this runs on every page, the "temporarily unavailable" page during a database outage too, which
   * must still render: then the entry is left out, as the caseload could not open anyway.
   */
  private boolean mayBeCounsellor(@Nullable Authentication auth) {
    try {
      return counsellors.mayBeCounsellor(auth);
    } catch (DataAccessException | TransactionException e) {
      return false;
    }
  }
}
