package fi.osaava.programmes.internal;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.NotFoundException;
import fi.osaava.programmes.internal.ProgrammeStore.PackageVersion;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an organisation's editors do with its packages: draft, replace the draft, publish. A
 * published version is never edited: the next edit drafts a new version beside it, and learners
 * keep the version they started. Publishing lists the version in the education catalogue in the
 * same transaction, so a package the catalogue refuses stays a draft.
 */
@Service
public class Authoring {

  static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{1,79}");

  private final ProgrammeStore store;
  private final CatalogueListing catalogue;

  Authoring(ProgrammeStore store, CatalogueListing catalogue) {
    this.store = store;
    this.catalogue = catalogue;
  }

  /** Thrown when content is not ready to publish, with each field's problem. */
  public static final class NotPublishableException extends RuntimeException {
    private final Map<String, String> problems;

    NotPublishableException(Map<String, String> problems) {
      super("Not publishable: " + problems);
      this.problems = Map.copyOf(problems);
    }

    public Map<String, String> problems() {
      return problems;
    }
  }

  /** Starts a package with its first draft in one of the organisation's programmes. */
  @Transactional
  public UUID createPackage(
      String organisation, UUID programme, String slug, PackageContent draft, boolean sample) {
    ProgrammeStore.Programme owner =
        store
            .programme(programme)
            .filter(p -> p.owner().equals(organisation))
            .orElseThrow(() -> new NotFoundException("No programme of yours has this id"));
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new InvalidInputException(
          "package", 0, "slug", "lower-case letters, digits and dashes, 2–80 characters");
    }
    if (store.packageIdBySlug(slug).isPresent()) {
      throw new InvalidInputException("package", 0, "slug", "already used by another package");
    }
    UUID id = store.createPackage(owner.id(), slug, organisation, sample);
    store.saveDraft(id, draft);
    return id;
  }

  /** Replaces the package's draft, or drafts the next version beside the published ones. */
  @Transactional
  public UUID saveDraft(String organisation, UUID packageId, PackageContent content) {
    owned(organisation, packageId);
    return store.saveDraft(packageId, content);
  }

  /**
   * Publishes the draft and lists it in the catalogue.
   *
   * @throws NotPublishableException naming every problem of the draft; nothing changes then
   */
  @Transactional
  public PackageVersion publish(String organisation, UUID packageId) {
    owned(organisation, packageId);
    PackageVersion draft =
        draft(packageId).orElseThrow(() -> new NotFoundException("This package has no draft"));
    Map<String, String> problems = draft.content().problems();
    if (!problems.isEmpty()) {
      throw new NotPublishableException(problems);
    }
    PackageVersion published = store.publishDraft(packageId).orElseThrow();
    catalogue.list(published);
    return published;
  }

  /** The package's draft, if it has one. */
  public Optional<PackageVersion> draft(UUID packageId) {
    return store.versions(packageId).stream().filter(v -> !v.published()).findFirst();
  }

  /** The package's versions, newest first, when the organisation owns it; else not found. */
  public List<PackageVersion> owned(String organisation, UUID packageId) {
    List<PackageVersion> versions = store.versions(packageId);
    if (versions.isEmpty() || !versions.getFirst().owner().equals(organisation)) {
      throw new NotFoundException("No package of yours has this id");
    }
    return versions;
  }
}
