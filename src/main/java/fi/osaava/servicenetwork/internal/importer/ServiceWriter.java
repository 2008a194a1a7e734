package fi.osaava.servicenetwork.internal.importer;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.SnapshotShrinkGuard;
import fi.osaava.servicenetwork.ServicesChanged;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stores read services with JDBC, in the caller's transaction: upserts by source and source id,
 * leaves a record sent again unchanged (by its content hash), and for the catalogue's snapshot
 * retires the general descriptions no longer in it, within the {@link SnapshotShrinkGuard}.
 */
@Component
public class ServiceWriter {

  private static final String UPSERT =
      """
      insert into services_service (id, source, source_id, kind, general_description_id,
        reference_code, organisation_business_id, organisation_name_fi, organisation_name_sv,
        organisation_name_en, name_fi, name_sv, name_en, summary_fi, summary_sv, summary_en,
        description_fi, description_sv, description_en, service_type, life_situations,
        target_groups, areas, area_index, languages, keywords, charge_type, cost_info_fi,
        cost_info_sv, cost_info_en, channels, content_hash, active)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        ?, cast(? as jsonb), ?, true)
      on conflict (source, source_id) do update set
        kind = excluded.kind, general_description_id = excluded.general_description_id,
        reference_code = excluded.reference_code,
        organisation_business_id = excluded.organisation_business_id,
        organisation_name_fi = excluded.organisation_name_fi,
        organisation_name_sv = excluded.organisation_name_sv,
        organisation_name_en = excluded.organisation_name_en,
        name_fi = excluded.name_fi, name_sv = excluded.name_sv, name_en = excluded.name_en,
        summary_fi = excluded.summary_fi, summary_sv = excluded.summary_sv,
        summary_en = excluded.summary_en, description_fi = excluded.description_fi,
        description_sv = excluded.description_sv, description_en = excluded.description_en,
        service_type = excluded.service_type, life_situations = excluded.life_situations,
        target_groups = excluded.target_groups, areas = excluded.areas,
        area_index = excluded.area_index, languages = excluded.languages,
        keywords = excluded.keywords, charge_type = excluded.charge_type,
        cost_info_fi = excluded.cost_info_fi, cost_info_sv = excluded.cost_info_sv,
        cost_info_en = excluded.cost_info_en, channels = excluded.channels,
        content_hash = excluded.content_hash, active = true, updated_at = now()
      where services_service.content_hash <> excluded.content_hash
        or not services_service.active
      returning (xmax = 0) as inserted
      """;

  /**
   * What one write did, and which services the index must see again.
   *
   * @param changes each service added, changed or retired, for {@link ServicesChanged}
   */
  public record Written(
      int added,
      int updated,
      int unchanged,
      int retired,
      Set<UUID> changed,
      List<ServicesChanged.Change> changes) {}

  private final JdbcClient jdbc;

  ServiceWriter(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * @param regionOf the region code of a municipality code, for the areas the index matches
   * @param snapshot retire the catalogue's general descriptions that {@code records} no longer
   *     holds
   */
  public Written write(
      List<ServiceRecord> records,
      String source,
      Function<String, Optional<String>> regionOf,
      boolean snapshot,
      boolean allowShrink) {
    Set<UUID> changed = new LinkedHashSet<>();
    List<ServicesChanged.Change> changes = new ArrayList<>();
    int added = 0;
    int updated = 0;
    for (ServiceRecord r : records) {
      if (r.generalDescriptionId() != null) {
        Integer found =
            jdbc.sql(
                    "select count(*) from services_service where id = ? and kind ="
                        + " 'GENERAL_DESCRIPTION' and active")
                .param(r.generalDescriptionId())
                .query(Integer.class)
                .single();
        if (found == null || found == 0) {
          throw new InvalidInputException(
              source,
              r.line(),
              "generalDescription",
              "no general description has the id "
                  + r.generalDescriptionId()
                  + " (nothing was imported)");
        }
      }
      List<Boolean> result =
          jdbc.sql(UPSERT)
              .param(r.id())
              .param(r.source())
              .param(r.sourceId())
              .param(r.generalDescription() ? "GENERAL_DESCRIPTION" : "SERVICE")
              .param(r.generalDescriptionId())
              .param(r.referenceCode())
              .param(r.organisation() == null ? null : r.organisation().businessId())
              .param(organisationName(r, Language.FI))
              .param(organisationName(r, Language.SV))
              .param(organisationName(r, Language.EN))
              .param(r.name().get(Language.FI))
              .param(r.name().get(Language.SV))
              .param(r.name().get(Language.EN))
              .param(r.summary().get(Language.FI))
              .param(r.summary().get(Language.SV))
              .param(r.summary().get(Language.EN))
              .param(r.description().get(Language.FI))
              .param(r.description().get(Language.SV))
              .param(r.description().get(Language.EN))
              .param(r.type().name())
              .param(r.lifeSituations().stream().map(Enum::name).collect(Collectors.joining(" ")))
              .param(String.join("\n", r.targetGroups()))
              .param(String.join(" ", r.areas()))
              .param(String.join(" ", areaIndex(r.areas(), regionOf)))
              .param(String.join(" ", r.languages()))
              .param(r.keywords().isEmpty() ? null : String.join("\n", r.keywords()))
              .param(r.chargeType())
              .param(r.costInfo().get(Language.FI))
              .param(r.costInfo().get(Language.SV))
              .param(r.costInfo().get(Language.EN))
              .param(JsonMapper.shared().writeValueAsString(r.channels()))
              .param(hash(r))
              .query((rs, n) -> rs.getBoolean(1))
              .list();
      if (!result.isEmpty()) {
        changed.add(r.id());
        boolean inserted = result.getFirst();
        if (inserted) {
          added++;
        } else {
          updated++;
        }
        changes.add(
            new ServicesChanged.Change(
                r.id(),
                inserted ? ServicesChanged.Kind.ADDED : ServicesChanged.Kind.UPDATED,
                names(
                    r.name().get(Language.FI),
                    r.name().get(Language.SV),
                    r.name().get(Language.EN))));
      }
    }
    int retired = snapshot ? retire(records, source, allowShrink, changed, changes) : 0;
    return new Written(added, updated, records.size() - added - updated, retired, changed, changes);
  }

  /**
   * Withdraws a provider's service of the organisation with {@code businessId}, or brings a
   * withdrawn one back, in the caller's transaction.
   *
   * @return the change, or empty when the organisation has no such service or it already is so
   */
  public Optional<ServicesChanged.Change> setActive(UUID id, String businessId, boolean active) {
    return jdbc.sql(
            """
            update services_service set active = ?, updated_at = now()
            where id = ? and source = ? and organisation_business_id = ? and active <> ?
            returning name_fi, name_sv, name_en
            """)
        .param(active)
        .param(id)
        .param(ServiceRecord.PROVIDER)
        .param(businessId)
        .param(active)
        .query(
            (rs, n) ->
                new ServicesChanged.Change(
                    id,
                    active ? ServicesChanged.Kind.UPDATED : ServicesChanged.Kind.RETIRED,
                    names(rs.getString(1), rs.getString(2), rs.getString(3))))
        .optional();
  }

  private int retire(
      List<ServiceRecord> records,
      String source,
      boolean allowShrink,
      Set<UUID> changed,
      List<ServicesChanged.Change> changes) {
    Set<UUID> kept = new LinkedHashSet<>();
    records.forEach(r -> kept.add(r.id()));
    List<UUID> active =
        jdbc.sql("select id from services_service where source = ? and active")
            .param(ServiceRecord.PTV)
            .query(UUID.class)
            .list();
    List<UUID> gone = new ArrayList<>(active.stream().filter(id -> !kept.contains(id)).toList());
    SnapshotShrinkGuard.check(
        source, "active general service descriptions", active.size(), gone.size(), allowShrink);
    for (UUID id : gone) {
      Map<Language, String> names =
          jdbc.sql(
                  "update services_service set active = false, updated_at = now() where id = ?"
                      + " returning name_fi, name_sv, name_en")
              .param(id)
              .query((rs, n) -> names(rs.getString(1), rs.getString(2), rs.getString(3)))
              .single();
      changed.add(id);
      changes.add(new ServicesChanged.Change(id, ServicesChanged.Kind.RETIRED, names));
    }
    return gone.size();
  }

  /** Texts stored as fi, sv and en columns, by language; a null column is an absent language. */
  public static Map<Language, String> names(
      @Nullable String fi, @Nullable String sv, @Nullable String en) {
    Map<Language, String> names = new java.util.EnumMap<>(Language.class);
    if (fi != null) {
      names.put(Language.FI, fi);
    }
    if (sv != null) {
      names.put(Language.SV, sv);
    }
    if (en != null) {
      names.put(Language.EN, en);
    }
    return names;
  }

  private static @Nullable String organisationName(ServiceRecord r, Language language) {
    return r.organisation() == null ? null : r.organisation().name().get(language);
  }

  /** The areas given, with the region of each municipality, as the index and matching use them. */
  static Set<String> areaIndex(Set<String> areas, Function<String, Optional<String>> regionOf) {
    Set<String> index = new LinkedHashSet<>(areas);
    for (String area : areas) {
      if (area.startsWith("municipality:")) {
        regionOf
            .apply(area.substring("municipality:".length()))
            .ifPresent(r -> index.add("region:" + r));
      }
    }
    return index;
  }

  private static String hash(ServiceRecord r) {
    Map<String, Object> content = Map.of("record", r.withoutLine(), "version", 1);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  JsonMapper.shared().writeValueAsString(content).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}
