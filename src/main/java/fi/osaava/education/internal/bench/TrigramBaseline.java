package fi.osaava.education.internal.bench;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The national reference implementation's way of searching: PostgreSQL {@code ILIKE} on titles
 * and descriptions plus {@code pg_trgm} similarity on titles, titles containing the text first,
 * then by similarity. The {@code %} operator and the ordering use the trigram GIN index of the
 * titles.
 */
@Component
public class TrigramBaseline {

  static final String TITLES =
      "(coalesce(title_fi, '') || ' ' || coalesce(title_sv, '') || ' ' || coalesce(title_en, ''))";

  private static final String QUERY =
      "select source || ':' || source_id from education_offering"
          + " where active and not synthetic and ("
          + TITLES
          + " ilike ? or concat_ws(' ', description_fi, description_sv, description_en) ilike ?"
          + " or "
          + TITLES
          + " % ?)"
          + " order by ("
          + TITLES
          + " ilike ?) desc, similarity("
          + TITLES
          + ", ?) desc, id limit ?";

  private final JdbcTemplate jdbc;

  TrigramBaseline(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** The {@code source:source_id} keys of the best {@code limit} offerings. */
  public List<String> rank(String text, int limit) {
    String pattern = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    return jdbc.queryForList(QUERY, String.class, pattern, pattern, text, pattern, text, limit);
  }
}
