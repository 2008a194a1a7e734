package fi.osaava.recommendations.internal.web;

import fi.osaava.web.NavigationEntries;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.user.OAuth2User;
import org.springframework.stereotype.Component;

/**
 * The way to the person's recommendations from every page once they are signed in; anonymous
 * visitors answer the three questions on {@code /services} instead. Reads only the principal, so it
 * costs no query on any page.
 */
@Component
class RecommendationsNavigation implements NavigationEntries {

  @Override
  public List<Entry> entries(@Nullable Authentication auth) {
    return auth != null && auth.getPrincipal() instanceof OAuth2User
        ? List.of(new Entry(RecommendationsPageController.PATH, "rec.nav"))
        : List.of();
  }
}
