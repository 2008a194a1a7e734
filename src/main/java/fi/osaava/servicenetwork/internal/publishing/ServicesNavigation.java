package fi.osaava.servicenetwork.internal.publishing;

import fi.osaava.web.NavigationEntries;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * The way to the organisation's services for its service editors, and nothing for anyone else. It
 * reads the claims only; the pages check them again themselves.
 */
@Component
class ServicesNavigation implements NavigationEntries {

  private final ServiceEditors editors;

  ServicesNavigation(ServiceEditors editors) {
    this.editors = editors;
  }

  @Override
  public List<Entry> entries(@Nullable Authentication auth) {
    return editors.editor(auth).isPresent()
        ? List.of(new Entry(ServicePublishingController.BACK, "publish.services.nav"))
        : List.of();
  }
}
