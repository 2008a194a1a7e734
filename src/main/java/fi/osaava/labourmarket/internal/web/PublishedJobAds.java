package fi.osaava.labourmarket.internal.web;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** An organisation's own job ads as its editors see them: only ads with its id as organisation. */
@Component
class PublishedJobAds {

  private final JdbcClient jdbc;

  PublishedJobAds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * An ad as stored: what the list and the edit form show.
   *
   * @param sourceKey the identifier it was published under, kept when it is saved again
   * @param chosenSkills the ESCO skills its publisher chose
   * @param identifiedSkills the skills identification found in its text and no one chose
   * @param updated when an editor last saved it, or when it was ingested
   */
  record Stored(
      UUID id,
      String sourceKey,
      String title,
      String description,
      String language,
      @Nullable String employer,
      @Nullable String municipality,
      boolean remote,
      LocalDate posted,
      @Nullable LocalDate validThrough,
      @Nullable String url,
      List<String> chosenSkills,
      List<String> identifiedSkills,
      boolean closed,
      boolean repost,
      Instant updated) {

    /** {@code open}, {@code expired} (past its last day) or {@code closed} (by an editor). */
    public String status(LocalDate today) {
      if (closed) {
        return "closed";
      }
      return validThrough != null && validThrough.isBefore(today) ? "expired" : "open";
    }
  }

  private static final String SELECT =
      """
      select a.id, a.source_key, a.title, a.description, a.language, a.employer,
        a.municipality_code, a.remote, a.date_posted, a.valid_through, a.url,
        (select array_agg(s.skill_uri order by s.skill_uri) from lm_job_ad_skill s
          where s.ad_id = a.id and s.chosen),
        (select array_agg(s.skill_uri order by s.score desc, s.skill_uri) from lm_job_ad_skill s
          where s.ad_id = a.id and not s.chosen),
        a.closed_at is not null, a.duplicate_of is not null, coalesce(a.updated_at, a.ingested_at)
      from lm_job_ad a
      """;

  List<Stored> list(String organisation) {
    return jdbc.sql(
            SELECT
                + " where a.organisation = ?"
                + " order by a.closed_at is not null, coalesce(a.updated_at, a.ingested_at) desc"
                + " limit 1000")
        .param(organisation)
        .query((rs, n) -> stored(rs))
        .list();
  }

  /** The organisation's ad {@code id}; empty when it has none by that id. */
  Optional<Stored> find(String organisation, UUID id) {
    return jdbc
        .sql(SELECT + " where a.id = ? and a.organisation = ?")
        .params(id, organisation)
        .query((rs, n) -> stored(rs))
        .list()
        .stream()
        .findFirst();
  }

  private static Stored stored(java.sql.ResultSet rs) throws SQLException {
    int i = 1;
    return new Stored(
        rs.getObject(i++, UUID.class),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getBoolean(i++),
        rs.getObject(i++, LocalDate.class),
        rs.getObject(i++, LocalDate.class),
        rs.getString(i++),
        strings(rs.getArray(i++)),
        strings(rs.getArray(i++)),
        rs.getBoolean(i++),
        rs.getBoolean(i++),
        rs.getTimestamp(i).toInstant());
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
  }
}
