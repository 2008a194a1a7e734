package fi.osaava.programmes;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import java.util.List;
import java.util.Optional;

/** The published packages as other modules see them, named by their slug. */
public interface ProgrammePackages {

  /** A published package: its slug (its address, {@code /programmes/packages/<slug>}) and title. */
  record PackageSummary(String slug, LocalizedText title) {}

  /** The newest published version of every package, in the reader's language where written. */
  List<PackageSummary> publishedPackages(Language language);

  /** One published package, or empty when there is no such slug. */
  Optional<PackageSummary> publishedPackage(String slug, Language language);
}
