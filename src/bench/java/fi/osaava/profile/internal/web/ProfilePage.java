package fi.osaava.profile.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.TemplatePages;
import fi.osaava.profile.PersonId;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The signed-in {@code /profile} page, its model (every query the controller runs) and the real
 * template, for page benchmarks: the profile benchmark's subject and other pages' named baseline.
 */
@Component
public class ProfilePage {

  private final ProfileOverview overview;
  private final TemplatePages pages;

  ProfilePage(ProfileOverview overview, TemplatePages pages) {
    this.overview = overview;
    this.pages = pages;
  }

  /** The page for {@code person} in Finnish, as for a plain GET; its length in characters. */
  public int render(PersonId person) {
    return pages.render(
        "profile/overview",
        Locale.forLanguageTag("fi"),
        overview.model(person, Language.FI),
        List.of("saved", "imported", "conflict", "nothingConfirmed", "added"));
  }
}
