package fi.osaava.servicenetwork.internal.publishing;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord.Channel;
import fi.osaava.servicenetwork.internal.importer.ServiceWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The services of one organisation, as its editors see them: every provider's service whose
 * business ID is the organisation's, whether published on the editor pages, pushed or imported, and
 * withdrawn ones too. Another organisation's service is simply not found.
 */
@Component
class OrganisationServices {

  private static final String COLUMNS =
      """
      id, source_id, general_description_id, organisation_name_fi, organisation_name_sv,
      organisation_name_en, name_fi, name_sv, name_en, summary_fi, summary_sv, summary_en,
      description_fi, description_sv, description_en, service_type, life_situations,
      target_groups, areas, languages, charge_type, cost_info_fi, cost_info_sv, cost_info_en,
      channels::text as channels, active, updated_at
      """;

  /**
   * One stored service, whole, for the form.
   *
   * @param providerId the provider's own id of the service ({@code id} in the JSON format)
   */
  record Stored(
      UUID id,
      String providerId,
      @Nullable UUID generalDescription,
      Map<Language, String> organisationName,
      Map<Language, String> name,
      Map<Language, String> summary,
      Map<Language, String> description,
      String type,
      List<String> lifeSituations,
      List<String> targetGroups,
      List<String> areas,
      List<String> languages,
      @Nullable String chargeType,
      Map<Language, String> costInfo,
      List<Channel> channels,
      boolean active,
      OffsetDateTime updated) {

    /** The name in {@code language}, else in another of fi, sv, en, for the list. */
    public @Nullable LocalizedText title(Language language) {
      return LocalizedText.pickNational(name, language);
    }
  }

  /** A general description to link a service to. */
  record Template(UUID id, String name) {}

  private final JdbcClient jdbc;

  OrganisationServices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** The organisation's services, the latest changed first. */
  List<Stored> list(String businessId) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from services_service where source = ? and organisation_business_id = ?"
                + " order by updated_at desc, id")
        .param(ServiceRecord.PROVIDER)
        .param(businessId)
        .query(OrganisationServices::stored)
        .list();
  }

  /** The organisation's service of this id, if it is one of the organisation's. */
  Optional<Stored> find(String businessId, UUID id) {
    return jdbc.sql(
            "select "
                + COLUMNS
                + " from services_service where id = ? and source = ? and"
                + " organisation_business_id = ?")
        .param(id)
        .param(ServiceRecord.PROVIDER)
        .param(businessId)
        .query(OrganisationServices::stored)
        .optional();
  }

  /**
   * The organisation's names as its latest changed service records them, for a new service when the
   * sign-in sends no name; empty when it has none.
   */
  Map<Language, String> organisationName(String businessId) {
    return list(businessId).stream()
        .map(Stored::organisationName)
        .filter(n -> !n.isEmpty())
        .findFirst()
        .orElse(Map.of());
  }

  /** The active general descriptions, by their name in {@code language}, to link a service to. */
  List<Template> generalDescriptions(Language language) {
    return jdbc
        .sql(
            "select id, name_fi, name_sv, name_en from services_service"
                + " where kind = 'GENERAL_DESCRIPTION' and active")
        .query(
            (rs, n) -> {
              UUID id = rs.getObject("id", UUID.class);
              LocalizedText name =
                  LocalizedText.pickNational(
                      ServiceWriter.names(rs.getString(2), rs.getString(3), rs.getString(4)),
                      language);
              return new Template(id, name == null ? id.toString() : name.text());
            })
        .list()
        .stream()
        .sorted(
            Comparator.comparing((Template t) -> t.name().toLowerCase(language.locale()))
                .thenComparing(Template::id))
        .toList();
  }

  private static Stored stored(ResultSet rs, int row) throws SQLException {
    String sourceId = rs.getString("source_id");
    return new Stored(
        rs.getObject("id", UUID.class),
        sourceId.substring(sourceId.indexOf('/') + 1),
        rs.getObject("general_description_id", UUID.class),
        texts(rs, "organisation_name"),
        texts(rs, "name"),
        texts(rs, "summary"),
        texts(rs, "description"),
        rs.getString("service_type"),
        words(rs.getString("life_situations"), " "),
        words(rs.getString("target_groups"), "\n"),
        words(rs.getString("areas"), " "),
        words(rs.getString("languages"), " "),
        rs.getString("charge_type"),
        texts(rs, "cost_info"),
        JsonMapper.shared()
            .readValue(rs.getString("channels"), new TypeReference<List<Channel>>() {}),
        rs.getBoolean("active"),
        rs.getObject("updated_at", OffsetDateTime.class));
  }

  private static Map<Language, String> texts(ResultSet rs, String column) throws SQLException {
    return ServiceWriter.names(
        rs.getString(column + "_fi"), rs.getString(column + "_sv"), rs.getString(column + "_en"));
  }

  private static List<String> words(@Nullable String value, String separator) {
    if (value == null || value.isBlank()) {
      return List.of();
    }
    return Arrays.stream(value.split(separator)).filter(w -> !w.isBlank()).toList();
  }
}
