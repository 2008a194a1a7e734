package fi.osaava.education.internal.web;

import fi.osaava.education.internal.importer.JsonLdReader;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The offerings an organisation published itself: JSON-LD offerings (pushed or from the editor
 * pages) whose implementations name the organisation as their provider ({@code provider.@id}).
 * Every read takes the organisation, so an editor never reaches another organisation's offering.
 */
@Component
class PublishedOfferings {

  private static final String OWNED =
      """
      o.source = '%s' and exists (select 1 from education_implementation i
        where i.offering_id = o.id and i.provider_id = ?)
      """
          .formatted(JsonLdReader.SOURCE);

  private final JdbcClient jdbc;

  PublishedOfferings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One row of the organisation's list. */
  record Summary(
      UUID id,
      String titleFi,
      String titleSv,
      String titleEn,
      String level,
      boolean active,
      LocalDate start) {

    /** The name in {@code language}, else in Finnish, English or Swedish. */
    public String title(fi.osaava.platform.Language language) {
      String wanted =
          switch (language) {
            case SV -> titleSv;
            case EN -> titleEn;
            default -> titleFi;
          };
      for (String title : java.util.Arrays.asList(wanted, titleFi, titleEn, titleSv)) {
        if (title != null) {
          return title;
        }
      }
      return id.toString();
    }
  }

  /**
   * An offering as stored, with its first implementation: what the edit form shows.
   *
   * @param sourceId the {@code @id} it was published under, kept when it is published again
   */
  record Stored(
      UUID id,
      String sourceId,
      boolean active,
      @Nullable String titleFi,
      @Nullable String titleSv,
      @Nullable String titleEn,
      @Nullable String descriptionFi,
      @Nullable String descriptionSv,
      @Nullable String descriptionEn,
      String level,
      java.math.@Nullable BigDecimal extent,
      @Nullable String extentUnit,
      @Nullable String provider,
      @Nullable String mode,
      List<String> languages,
      java.math.@Nullable BigDecimal cost,
      @Nullable LocalDate start,
      @Nullable LocalDate end,
      @Nullable String url,
      @Nullable String municipality,
      List<String> skills) {}

  List<Summary> list(String organisation) {
    return jdbc.sql(
            """
        select o.id, o.title_fi, o.title_sv, o.title_en, o.level, o.active,
          (select min(i.start_date) from education_implementation i where i.offering_id = o.id)
        from education_offering o where
        """
                + OWNED
                + " order by o.active desc, o.updated_at desc limit 1000")
        .param(organisation)
        .query(
            (rs, n) ->
                new Summary(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getBoolean(6),
                    rs.getObject(7, LocalDate.class)))
        .list();
  }

  /** The organisation's offering {@code id}; empty when it has none by that id. */
  Optional<Stored> find(String organisation, UUID id) {
    List<Stored> found =
        jdbc.sql(
                """
            select o.id, o.source_id, o.active, o.title_fi, o.title_sv, o.title_en,
              o.description_fi, o.description_sv, o.description_en, o.level, o.extent_credits,
              o.extent_unit, coalesce(i.provider_fi, i.provider_sv, i.provider_en), i.mode,
              i.teaching_languages, i.cost, i.start_date, i.end_date,
              coalesce(i.url, o.source_url), i.municipality_codes[1],
              (select array_agg(s.skill_uri order by s.skill_uri) from education_offering_skill s
                where s.offering_id = o.id and s.source = 'PROVIDER_CURATED')
            from education_offering o
              left join education_implementation i on i.offering_id = o.id and i.position = 0
            where o.id = ? and
            """
                    + OWNED)
            .params(id, organisation)
            .query((rs, n) -> stored(rs))
            .list();
    return found.stream().findFirst();
  }

  private static Stored stored(ResultSet rs) throws SQLException {
    int i = 1;
    return new Stored(
        rs.getObject(i++, UUID.class),
        rs.getString(i++),
        rs.getBoolean(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getBigDecimal(i++),
        rs.getString(i++),
        rs.getString(i++),
        rs.getString(i++),
        strings(rs.getArray(i++)),
        rs.getBigDecimal(i++),
        rs.getObject(i++, LocalDate.class),
        rs.getObject(i++, LocalDate.class),
        rs.getString(i++),
        rs.getString(i++),
        strings(rs.getArray(i)));
  }

  private static List<String> strings(Array array) throws SQLException {
    if (array == null) {
      return List.of();
    }
    return new ArrayList<>(
        Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList());
  }
}
