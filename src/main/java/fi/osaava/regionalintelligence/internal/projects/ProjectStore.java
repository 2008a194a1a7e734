package fi.osaava.regionalintelligence.internal.projects;

import fi.osaava.regionalintelligence.internal.projects.ProjectData.Actor;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Dataset;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Partner;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Project;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Actors and projects in PostgreSQL (the module's tables {@code ri_actor}, {@code ri_project}). */
@Component
public class ProjectStore {

  private final JdbcClient jdbc;

  ProjectStore(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A stored actor. */
  public record StoredActor(
      UUID id,
      String organisation,
      String key,
      String name,
      ActorKind kind,
      @Nullable String businessId,
      boolean synthetic) {}

  /** A stored partner: the actor and its role. */
  public record StoredPartner(StoredActor actor, String role) {}

  /** A stored project with its themes and partners. */
  public record StoredProject(
      UUID id,
      String organisation,
      String key,
      String name,
      LocalDate start,
      LocalDate end,
      long fundingEur,
      String fundingSource,
      String region,
      boolean synthetic,
      List<String> themes,
      List<StoredPartner> partners) {}

  /** What an import or a generation did. */
  public record Saved(int actors, int projects) {}

  /**
   * Stores a checked dataset for an organisation in one transaction: actors and projects are
   * upserted by their keys, and a project's themes and partners replaced.
   */
  @Transactional
  public Saved save(String organisation, Dataset data, boolean synthetic) {
    for (Actor a : data.actors()) {
      saveActor(organisation, a, synthetic);
    }
    Map<String, UUID> actorIds = actorIds(organisation);
    for (Project p : data.projects()) {
      saveProject(organisation, p, synthetic, actorIds);
    }
    return new Saved(data.actors().size(), data.projects().size());
  }

  @Transactional
  public UUID saveActor(String organisation, Actor a, boolean synthetic) {
    return jdbc.sql(
            """
            insert into ri_actor (id, organisation, key, name, kind, business_id, synthetic)
            values (?, ?, ?, ?, ?, ?, ?)
            on conflict (organisation, key) do update set name = excluded.name,
              kind = excluded.kind, business_id = excluded.business_id,
              synthetic = excluded.synthetic
            returning id""")
        .param(UUID.randomUUID())
        .param(organisation)
        .param(a.key())
        .param(a.name())
        .param(a.kind().name())
        .param(a.businessId())
        .param(synthetic)
        .query(UUID.class)
        .single();
  }

  @Transactional
  public UUID saveProject(String organisation, Project p, boolean synthetic) {
    return saveProject(organisation, p, synthetic, actorIds(organisation));
  }

  private UUID saveProject(
      String organisation, Project p, boolean synthetic, Map<String, UUID> actorIds) {
    UUID id =
        jdbc.sql(
                """
                insert into ri_project (id, organisation, key, name, start_date, end_date,
                  funding_eur, funding_source, region_code, synthetic)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (organisation, key) do update set name = excluded.name,
                  start_date = excluded.start_date, end_date = excluded.end_date,
                  funding_eur = excluded.funding_eur, funding_source = excluded.funding_source,
                  region_code = excluded.region_code, synthetic = excluded.synthetic,
                  updated_at = now()
                returning id""")
            .params(
                UUID.randomUUID(),
                organisation,
                p.key(),
                p.name(),
                Date.valueOf(p.start()),
                Date.valueOf(p.end()),
                p.fundingEur(),
                p.fundingSource(),
                p.region(),
                synthetic)
            .query(UUID.class)
            .single();
    jdbc.sql("delete from ri_project_theme where project_id = ?").param(id).update();
    jdbc.sql("delete from ri_project_partner where project_id = ?").param(id).update();
    for (String theme : p.themes()) {
      jdbc.sql("insert into ri_project_theme (project_id, theme) values (?, ?)")
          .params(id, theme)
          .update();
    }
    for (Partner partner : p.partners()) {
      UUID actor = actorIds.get(partner.actor());
      if (actor == null) {
        throw new IllegalStateException("the checks let through an unknown actor");
      }
      jdbc.sql("insert into ri_project_partner (project_id, actor_id, role) values (?, ?, ?)")
          .params(id, actor, partner.role())
          .update();
    }
    return id;
  }

  public Map<String, UUID> actorIds(String organisation) {
    Map<String, UUID> ids = new HashMap<>();
    jdbc.sql("select key, id from ri_actor where organisation = ?")
        .param(organisation)
        .query((RowCallbackHandler) rs -> ids.put(rs.getString(1), rs.getObject(2, UUID.class)));
    return ids;
  }

  public List<StoredActor> actors(String organisation) {
    return jdbc.sql("select * from ri_actor where organisation = ? order by name, key")
        .param(organisation)
        .query((rs, n) -> actor(rs))
        .list();
  }

  public List<StoredProject> projects(String organisation) {
    return load("where p.organisation = ?", organisation);
  }

  public List<StoredProject> allProjects() {
    return load("", null);
  }

  public Optional<StoredProject> project(UUID id, String organisation) {
    return load("where p.id = ?", id).stream()
        .filter(p -> p.organisation().equals(organisation))
        .findFirst();
  }

  @Transactional
  public boolean delete(UUID id, String organisation) {
    return jdbc.sql("delete from ri_project where id = ? and organisation = ?")
            .params(id, organisation)
            .update()
        > 0;
  }

  private List<StoredProject> load(String where, @Nullable Object param) {
    Map<UUID, StoredProject> projects = new LinkedHashMap<>();
    var projectQuery =
        jdbc.sql("select p.* from ri_project p " + where + " order by p.start_date, p.name, p.id");
    if (param != null) {
      projectQuery = projectQuery.param(param);
    }
    projectQuery.query(
        (RowCallbackHandler)
            rs -> {
              UUID id = rs.getObject("id", UUID.class);
              projects.put(
                  id,
                  new StoredProject(
                      id,
                      rs.getString("organisation"),
                      rs.getString("key"),
                      rs.getString("name"),
                      rs.getDate("start_date").toLocalDate(),
                      rs.getDate("end_date").toLocalDate(),
                      rs.getLong("funding_eur"),
                      rs.getString("funding_source"),
                      rs.getString("region_code"),
                      rs.getBoolean("synthetic"),
                      new ArrayList<>(),
                      new ArrayList<>()));
            });
    if (projects.isEmpty()) {
      return List.of();
    }
    var themes =
        jdbc.sql(
            "select t.project_id, t.theme from ri_project_theme t join ri_project p on p.id ="
                + " t.project_id "
                + where
                + " order by t.theme");
    if (param != null) {
      themes = themes.param(param);
    }
    themes.query(
        (RowCallbackHandler)
            rs -> {
              StoredProject p = projects.get(rs.getObject(1, UUID.class));
              if (p != null) {
                p.themes().add(rs.getString(2));
              }
            });
    var partners =
        jdbc.sql(
            "select pp.project_id, pp.role, a.* from ri_project_partner pp join ri_project p on"
                + " p.id = pp.project_id join ri_actor a on a.id = pp.actor_id "
                + where
                + " order by a.name, a.key");
    if (param != null) {
      partners = partners.param(param);
    }
    partners.query(
        (RowCallbackHandler)
            rs -> {
              StoredProject p = projects.get(rs.getObject("project_id", UUID.class));
              if (p != null) {
                p.partners().add(new StoredPartner(actor(rs), rs.getString("role")));
              }
            });
    return List.copyOf(projects.values());
  }

  private static StoredActor actor(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new StoredActor(
        rs.getObject("id", UUID.class),
        rs.getString("organisation"),
        rs.getString("key"),
        rs.getString("name"),
        ActorKind.valueOf(rs.getString("kind")),
        rs.getString("business_id"),
        rs.getBoolean("synthetic"));
  }
}
