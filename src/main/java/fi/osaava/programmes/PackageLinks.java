package fi.osaava.programmes;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import java.util.List;

/**
 * What other modules link to a package (such as the knowledge platform's articles), so that the
 * package's page can link back without the programmes knowing those modules: a module declares a
 * bean of this type, as modules holding personal data declare a {@code PersonalDataHolder}.
 */
public interface PackageLinks {

  /**
   * One page that links to the package.
   *
   * @param href the page's address within the service
   * @param title its title in the reader's language where written
   */
  record Link(String href, LocalizedText title) {}

  /** The pages that link to the package with this slug, for a reader of {@code language}. */
  List<Link> linksTo(String packageSlug, Language language);
}
