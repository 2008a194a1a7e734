package fi.osaava.web;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;

/**
 * Entries a module adds to the service navigation for some signed-in people only, such as the
 * guidance counsellor's caseload: the web module cannot know those roles, since they are the other
 * module's. The entries follow the shared ones; the pages behind them check access again
 * themselves, so an entry is a way to a page, never a permission.
 */
public interface NavigationEntries {

  /**
   * One entry.
   *
   * @param path the page, a path in Osaava
   * @param messageKey the message bundle key of its label
   */
  record Entry(String path, String messageKey) {}

  /**
   * The entries for whoever is signed in as {@code auth} (null when nobody is), in order; empty for
   * most people. Called on every page, so it should read the claims before the database.
   */
  List<Entry> entries(@Nullable Authentication auth);
}
