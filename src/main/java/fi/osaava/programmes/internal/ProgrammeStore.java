package fi.osaava.programmes.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/**
 * Programmes, packages and package versions in the database. A package has at most one draft and
 * any number of published versions; a published version never changes (the database refuses it).
 */
@Repository
public class ProgrammeStore {

  private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final RowMapper<Programme> programmeRows = this::programme;
  private final RowMapper<PackageVersion> versionRows = this::version;

  ProgrammeStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** A programme: a theme with packages, owned by one organisation. */
  public record Programme(
      UUID id,
      String slug,
      String owner,
      Map<String, String> title,
      Map<String, String> summary,
      boolean sample) {}

  public enum Status {
    DRAFT,
    PUBLISHED
  }

  /** One version of a package, with what the package row says about it. */
  public record PackageVersion(
      UUID id,
      UUID packageId,
      String packageSlug,
      UUID programmeId,
      String owner,
      boolean sample,
      int version,
      Status status,
      PackageContent content,
      OffsetDateTime publishedAt) {

    public boolean published() {
      return status == Status.PUBLISHED;
    }
  }

  private static final String VERSION_COLUMNS =
      "v.id, v.package_id, p.slug, p.programme_id, p.owner_organisation, p.sample, v.version,"
          + " v.status, v.content, v.published_at";

  @Transactional(readOnly = true)
  public List<Programme> programmes() {
    return jdbc.sql(
            "SELECT id, slug, owner_organisation, title, summary, sample FROM programme ORDER BY"
                + " created_at, slug")
        .query(programmeRows)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<Programme> programme(UUID id) {
    return jdbc.sql(
            "SELECT id, slug, owner_organisation, title, summary, sample FROM programme WHERE id ="
                + " ?")
        .param(id)
        .query(programmeRows)
        .optional();
  }

  @Transactional(readOnly = true)
  public Optional<Programme> programmeBySlug(String slug) {
    return jdbc.sql(
            "SELECT id, slug, owner_organisation, title, summary, sample FROM programme WHERE slug"
                + " = ?")
        .param(slug)
        .query(programmeRows)
        .optional();
  }

  /** The newest published version of every package, packages in the order they were created. */
  @Transactional(readOnly = true)
  public List<PackageVersion> latestPublished() {
    return jdbc.sql(
            "SELECT DISTINCT ON (p.created_at, p.id) "
                + VERSION_COLUMNS
                + " FROM programme_package_version v JOIN programme_package p ON p.id ="
                + " v.package_id WHERE v.status = 'PUBLISHED' ORDER BY p.created_at, p.id,"
                + " v.version DESC")
        .query(versionRows)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<PackageVersion> latestPublished(String packageSlug) {
    return jdbc.sql(
            "SELECT "
                + VERSION_COLUMNS
                + " FROM programme_package_version v JOIN programme_package p ON p.id ="
                + " v.package_id WHERE p.slug = ? AND v.status = 'PUBLISHED' ORDER BY v.version"
                + " DESC LIMIT 1")
        .param(packageSlug)
        .query(versionRows)
        .optional();
  }

  @Transactional(readOnly = true)
  public Optional<PackageVersion> version(UUID versionId) {
    return jdbc.sql(
            "SELECT "
                + VERSION_COLUMNS
                + " FROM programme_package_version v JOIN programme_package p ON p.id ="
                + " v.package_id WHERE v.id = ?")
        .param(versionId)
        .query(versionRows)
        .optional();
  }

  /** Every version of a package, newest first. */
  @Transactional(readOnly = true)
  public List<PackageVersion> versions(UUID packageId) {
    return jdbc.sql(
            "SELECT "
                + VERSION_COLUMNS
                + " FROM programme_package_version v JOIN programme_package p ON p.id ="
                + " v.package_id WHERE p.id = ? ORDER BY v.version DESC")
        .param(packageId)
        .query(versionRows)
        .list();
  }

  /** The newest version (draft or published) of every package an organisation owns. */
  @Transactional(readOnly = true)
  public List<PackageVersion> newestOwnedBy(String organisation) {
    return jdbc.sql(
            "SELECT DISTINCT ON (p.created_at, p.id) "
                + VERSION_COLUMNS
                + " FROM programme_package_version v JOIN programme_package p ON p.id ="
                + " v.package_id WHERE p.owner_organisation = ? ORDER BY p.created_at, p.id,"
                + " v.version DESC")
        .param(organisation)
        .query(versionRows)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<UUID> packageIdBySlug(String slug) {
    return jdbc.sql("SELECT id FROM programme_package WHERE slug = ?")
        .param(slug)
        .query(UUID.class)
        .optional();
  }

  @Transactional
  public UUID createProgramme(
      String slug,
      String owner,
      Map<String, String> title,
      Map<String, String> summary,
      boolean sample) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO programme (id, slug, owner_organisation, title, summary, sample) VALUES"
                + " (?, ?, ?, ?::jsonb, ?::jsonb, ?)")
        .params(
            id,
            slug,
            owner,
            json.writeValueAsString(title),
            json.writeValueAsString(summary),
            sample)
        .update();
    return id;
  }

  @Transactional
  public UUID createPackage(UUID programme, String slug, String owner, boolean sample) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO programme_package (id, programme_id, slug, owner_organisation, sample)"
                + " VALUES (?, ?, ?, ?, ?)")
        .params(id, programme, slug, owner, sample)
        .update();
    return id;
  }

  /**
   * Writes the package's draft: the existing one is replaced, or a new one is drafted beside the
   * published versions with the next version number.
   *
   * @return the draft's id
   */
  @Transactional
  public UUID saveDraft(UUID packageId, PackageContent content) {
    String document = json.writeValueAsString(content);
    Optional<UUID> draft =
        jdbc.sql(
                "SELECT id FROM programme_package_version WHERE package_id = ? AND status ="
                    + " 'DRAFT' FOR UPDATE")
            .param(packageId)
            .query(UUID.class)
            .optional();
    if (draft.isPresent()) {
      jdbc.sql("UPDATE programme_package_version SET content = ?::jsonb WHERE id = ?")
          .params(document, draft.get())
          .update();
      return draft.get();
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO programme_package_version (id, package_id, version, status, content)"
                + " SELECT ?, ?, coalesce(max(version), 0) + 1, 'DRAFT', ?::jsonb FROM"
                + " programme_package_version WHERE package_id = ?")
        .params(id, packageId, document, packageId)
        .update();
    return id;
  }

  /**
   * Publishes the package's draft; from then on the version never changes.
   *
   * @return the published version, or empty when the package has no draft
   */
  @Transactional
  public Optional<PackageVersion> publishDraft(UUID packageId) {
    int published =
        jdbc.sql(
                "UPDATE programme_package_version SET status = 'PUBLISHED', published_at = now()"
                    + " WHERE package_id = ? AND status = 'DRAFT'")
            .param(packageId)
            .update();
    if (published == 0) {
      return Optional.empty();
    }
    return jdbc.sql(
            "SELECT "
                + VERSION_COLUMNS
                + " FROM programme_package_version v JOIN programme_package p ON p.id ="
                + " v.package_id WHERE p.id = ? AND v.status = 'PUBLISHED' ORDER BY v.version"
                + " DESC LIMIT 1")
        .param(packageId)
        .query(versionRows)
        .optional();
  }

  private Programme programme(ResultSet rs, int row) throws SQLException {
    return new Programme(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        rs.getString(3),
        json.readValue(rs.getString(4), TEXTS),
        json.readValue(rs.getString(5), TEXTS),
        rs.getBoolean(6));
  }

  private PackageVersion version(ResultSet rs, int row) throws SQLException {
    return new PackageVersion(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getObject(4, UUID.class),
        rs.getString(5),
        rs.getBoolean(6),
        rs.getInt(7),
        Status.valueOf(rs.getString(8)),
        json.readValue(rs.getString(9), PackageContent.class),
        rs.getObject(10, OffsetDateTime.class));
  }
}
