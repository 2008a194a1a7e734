package fi.osaava.guidance.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The names of guidance organisations, for pages that would otherwise show an organisation's id
 * (the sign-in provider's opaque organisation claim). A name comes from the provider's
 * organisation-name claim ({@link Counsellors} records it); an organisation without one is shown by
 * its id.
 */
@Service
public class Organisations {

  private final JdbcClient jdbc;

  Organisations(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Every one of {@code ids} mapped to its name, or to itself when no name is known, in one query.
   */
  @Transactional(readOnly = true)
  public Map<String, String> names(Collection<String> ids) {
    Map<String, String> names = new HashMap<>();
    ids.forEach(id -> names.put(id, id));
    if (!ids.isEmpty()) {
      jdbc.sql("SELECT id, name FROM guidance_organisation WHERE id = ANY (?) AND name IS NOT NULL")
          .param(ids.stream().distinct().toArray(String[]::new))
          .query(
              (org.springframework.jdbc.core.RowCallbackHandler)
                  rs -> names.put(rs.getString("id"), rs.getString("name")));
    }
    return names;
  }

  /** The name of one organisation, or its id when no name is known. */
  @Transactional(readOnly = true)
  public String name(String id) {
    return names(List.of(id)).getOrDefault(id, id);
  }

  /** Records the organisation, and its name when the claims gave one. */
  void remember(String id, String name) {
    jdbc.sql(
            "INSERT INTO guidance_organisation (id, name) VALUES (?, NULLIF(?, ''))"
                + " ON CONFLICT (id) DO UPDATE SET name = coalesce(excluded.name,"
                + " guidance_organisation.name)")
        .params(id, name)
        .update();
  }
}
