package fi.osaava.servicenetwork.internal;

import fi.osaava.servicenetwork.ServiceDirectoryDump;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Streams the active directory row by row, so a dump never holds every service in memory. */
@Service
class ServiceDirectoryDumpService implements ServiceDirectoryDump {

  private final JdbcClient jdbc;

  ServiceDirectoryDumpService(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional(readOnly = true)
  public void forEachActive(Consumer<DumpedService> each) {
    jdbc.sql(
            """
            select id, kind, source, general_description_id, organisation_business_id,
                   organisation_name_fi, organisation_name_sv, organisation_name_en,
                   name_fi, name_sv, name_en, summary_fi, summary_sv, summary_en,
                   description_fi, description_sv, description_en, service_type,
                   life_situations, target_groups, areas, languages, charge_type,
                   cost_info_fi, cost_info_sv, cost_info_en, channels::text, updated_at
            from services_service where active order by id
            """)
        .query((ResultSet rs) -> each.accept(service(rs)));
  }

  private static DumpedService service(ResultSet rs) throws SQLException {
    return new DumpedService(
        rs.getObject("id", UUID.class),
        rs.getString("kind"),
        rs.getString("source"),
        rs.getObject("general_description_id", UUID.class),
        rs.getString("organisation_business_id"),
        texts(rs, "organisation_name_"),
        texts(rs, "name_"),
        texts(rs, "summary_"),
        texts(rs, "description_"),
        rs.getString("service_type"),
        split(rs.getString("life_situations"), " "),
        split(rs.getString("target_groups"), "\n"),
        split(rs.getString("areas"), " "),
        split(rs.getString("languages"), " "),
        rs.getString("charge_type"),
        texts(rs, "cost_info_"),
        rs.getString("channels"),
        rs.getTimestamp("updated_at").toInstant());
  }

  private static Texts texts(ResultSet rs, String prefix) throws SQLException {
    return new Texts(
        Objects.requireNonNullElse(rs.getString(prefix + "fi"), ""),
        Objects.requireNonNullElse(rs.getString(prefix + "sv"), ""),
        Objects.requireNonNullElse(rs.getString(prefix + "en"), ""));
  }

  /** A stored list (the writer joins with a space, or a newline for free texts). */
  private static List<String> split(String stored, String separator) {
    if (stored == null || stored.isBlank()) {
      return List.of();
    }
    return Arrays.stream(stored.split(separator)).filter(s -> !s.isBlank()).toList();
  }
}
