package fi.osaava.programmes.internal;

import fi.osaava.platform.Language;
import fi.osaava.programmes.ProgrammePackages;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The published packages for other modules: the newest published version of each. */
@Service
class PublishedPackages implements ProgrammePackages {

  private final ProgrammeStore store;

  PublishedPackages(ProgrammeStore store) {
    this.store = store;
  }

  @Override
  public List<PackageSummary> publishedPackages(Language language) {
    return store.latestPublished().stream()
        .map(
            v ->
                new PackageSummary(
                    v.packageSlug(), v.content().text(v.content().title(), language)))
        .toList();
  }

  @Override
  public Optional<PackageSummary> publishedPackage(String slug, Language language) {
    return store
        .latestPublished(slug)
        .map(v -> new PackageSummary(slug, v.content().text(v.content().title(), language)));
  }
}
