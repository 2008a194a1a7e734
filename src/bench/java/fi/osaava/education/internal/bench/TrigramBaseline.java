package fi.osaava.education.internal.bench;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The national reference implementation's way of searching: PostgreSQL {@code ILIKE} on titles and
 * descriptions plus {@code pg_trgm} similarity on titles, titles containing the text first, then by
 * similarity. The {@code %} operator and the ordering use the trigram GIN index of the titles.
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

  private static final String MATCH =
      "("
          + TITLES
          + " ilike ? or concat_ws(' ', description_fi, description_sv, description_en) ilike ?"
          + " or "
          + TITLES
          + " % ?)";

  /**
   * The baseline as a search page over the whole catalogue, synthetic records included, for the
   * speed benchmark: the best {@code limit} ids, and the counts per level of all matches (its only
   * facet; the search counts eleven). {@code levels} empty: no level filter.
   */
  public Page page(String text, List<String> levels, int limit) {
    String pattern = pattern(text);
    String filter = levels.isEmpty() ? "" : " and level = any(?)";
    Object[] levelArray = levels.toArray();
    List<Object> rankArgs = new java.util.ArrayList<>(List.of(pattern, pattern, text));
    List<Object> countArgs = new java.util.ArrayList<>(List.of(pattern, pattern, text));
    if (!levels.isEmpty()) {
      rankArgs.add(levelArray);
      countArgs.add(levelArray);
    }
    rankArgs.addAll(List.of(pattern, text, limit));
    List<String> ids =
        jdbc.query(
            con -> {
              var ps =
                  con.prepareStatement(
                      "select id::text from education_offering where active and "
                          + MATCH
                          + filter
                          + " order by ("
                          + TITLES
                          + " ilike ?) desc, similarity("
                          + TITLES
                          + ", ?) desc, id limit ?");
              bind(ps, rankArgs);
              return ps;
            },
            (rs, n) -> rs.getString(1));
    java.util.Map<String, Long> counts = new java.util.TreeMap<>();
    jdbc.query(
        con -> {
          var ps =
              con.prepareStatement(
                  "select level, count(*) from education_offering where active and "
                      + MATCH
                      + filter
                      + " group by level");
          bind(ps, countArgs);
          return ps;
        },
        rs -> {
          counts.put(rs.getString(1), rs.getLong(2));
        });
    return new Page(ids, counts);
  }

  /** One baseline page: ids in rank order and the level counts of all matches. */
  public record Page(List<String> ids, java.util.Map<String, Long> levelCounts) {}

  private static void bind(java.sql.PreparedStatement ps, List<Object> args)
      throws java.sql.SQLException {
    for (int i = 0; i < args.size(); i++) {
      if (args.get(i) instanceof Object[] array) {
        ps.setArray(i + 1, ps.getConnection().createArrayOf("text", array));
      } else {
        ps.setObject(i + 1, args.get(i));
      }
    }
  }

  private static String pattern(String text) {
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
  }

  /** The {@code source:source_id} keys of the best {@code limit} offerings. */
  public List<String> rank(String text, int limit) {
    String pattern = pattern(text);
    return jdbc.queryForList(QUERY, String.class, pattern, pattern, text, pattern, text, limit);
  }
}
