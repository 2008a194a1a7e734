package fi.osaava.education.internal.importer;

import fi.osaava.education.internal.importer.OfferingRecord.ImplementationRecord;
import fi.osaava.platform.Language;
import fi.osaava.platform.SnapshotShrinkGuard;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/**
 * Writes read records into the catalogue tables: inserts new ones, rewrites changed ones (their
 * identified skills are dropped so the backfill identifies them again), leaves unchanged ones alone
 * and deactivates those missing from a completely read scope. Runs inside the caller's transaction,
 * with JDBC batches: a snapshot that would deactivate implausibly much ({@link
 * SnapshotShrinkGuard}) throws before it deactivates anything, and the caller's rollback undoes the
 * rest.
 */
@Component
public class CatalogueWriter {

  private static final String UPSERT =
      """
      insert into education_offering (id, source, source_id, kind, level, parent_id, title_fi,
        title_sv, title_en, description_fi, description_sv, description_en, alternative_names,
        field_code, eqf, nqf, national_level_code, extent_credits, extent_unit, duration_months,
        source_url, active, synthetic, content_hash, skills_identified_at, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, true, ?, ?, null, now())
      on conflict (id) do update set kind = excluded.kind, level = excluded.level,
        parent_id = excluded.parent_id, title_fi = excluded.title_fi,
        title_sv = excluded.title_sv, title_en = excluded.title_en,
        description_fi = excluded.description_fi, description_sv = excluded.description_sv,
        description_en = excluded.description_en, alternative_names = excluded.alternative_names,
        field_code = excluded.field_code, eqf = excluded.eqf, nqf = excluded.nqf,
        national_level_code = excluded.national_level_code,
        extent_credits = excluded.extent_credits, extent_unit = excluded.extent_unit,
        duration_months = excluded.duration_months, source_url = excluded.source_url,
        active = true, synthetic = excluded.synthetic, content_hash = excluded.content_hash,
        skills_identified_at = null, updated_at = now()
      """;

  private static final String IMPLEMENTATION =
      """
      insert into education_implementation (offering_id, position, source_id, name_fi, name_sv,
        name_en, provider_id, provider_fi, provider_sv, provider_en, institution,
        municipality_codes, place_names, teaching_languages, mode, schedule, cost, start_date,
        end_date, application_start, application_end, url)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      """;

  private final JdbcClient jdbc;

  /** Only for batch updates, which {@link JdbcClient} does not have. */
  private final JdbcTemplate jdbcBatch;

  CatalogueWriter(JdbcClient jdbc, JdbcTemplate jdbcBatch) {
    this.jdbc = jdbc;
    this.jdbcBatch = jdbcBatch;
  }

  /**
   * @param inserted new offerings
   * @param updated changed or reactivated offerings
   * @param deactivated offerings no longer in their source
   * @param changedIds every offering whose index document must be rebuilt
   */
  public record Outcome(int inserted, int updated, int deactivated, List<UUID> changedIds) {}

  /**
   * @param allowShrink deactivate what a snapshot no longer holds even when that is more than
   *     {@link SnapshotShrinkGuard} accepts
   * @throws fi.osaava.platform.InvalidInputException when the snapshot is refused as too small
   */
  public Outcome write(ReadResult read, boolean allowShrink) {
    Map<String, Existing> existing = new HashMap<>();
    jdbc.sql("select source_id, content_hash, active from education_offering where source = ?")
        .param(read.source)
        .query(
            rs -> {
              existing.put(rs.getString(1), new Existing(rs.getString(2), rs.getBoolean(3)));
            });
    List<OfferingRecord> toWrite = new ArrayList<>();
    int inserted = 0;
    int updated = 0;
    for (OfferingRecord record : read.records) {
      Existing before = existing.get(record.sourceId());
      if (before == null) {
        inserted++;
        toWrite.add(record);
      } else if (!before.active || !before.hash.equals(record.contentHash())) {
        updated++;
        toWrite.add(record);
      }
    }
    // Parents before their units, so the foreign key holds within the batch.
    toWrite.sort(Comparator.comparing(r -> r.parentSourceId() != null));
    List<UUID> changed = new ArrayList<>(toWrite.stream().map(OfferingRecord::id).toList());
    // Checked against the catalogue as it was, before this snapshot writes anything.
    List<UUID> deactivated = retired(read, allowShrink);
    writeOfferings(toWrite, read);
    jdbcBatch.batchUpdate(
        "update education_offering set active = false, updated_at = now() where id = ?",
        deactivated.stream().map(id -> new Object[] {id}).toList());
    changed.addAll(deactivated);
    writeMunicipalities(read.municipalityNames);
    jdbc.sql(
            "insert into education_import (source, records, inserted, updated, deactivated, errors)"
                + " values (?, ?, ?, ?, ?, ?)")
        .params(
            read.source,
            read.records.size(),
            inserted,
            updated,
            deactivated.size(),
            read.errors.size())
        .update();
    return new Outcome(inserted, updated, deactivated.size(), changed);
  }

  /** Adds or replaces records without deactivating anything (the providers' push). */
  public Outcome upsert(String source, List<OfferingRecord> records) {
    ReadResult read = new ReadResult(source);
    read.records.addAll(records);
    return write(read, false);
  }

  private void writeOfferings(List<OfferingRecord> records, ReadResult read) {
    if (records.isEmpty()) {
      return;
    }
    jdbcBatch.batchUpdate(
        UPSERT,
        records,
        500,
        (ps, r) -> {
          int i = 1;
          ps.setObject(i++, r.id());
          ps.setString(i++, r.source());
          ps.setString(i++, r.sourceId());
          ps.setString(i++, r.kind().name());
          ps.setString(i++, r.level().name());
          ps.setObject(
              i++,
              r.parentSourceId() == null
                  ? null
                  : OfferingRecord.idOf(r.source(), r.parentSourceId()));
          for (Language language : List.of(Language.FI, Language.SV, Language.EN)) {
            ps.setString(i++, r.title().get(language));
          }
          for (Language language : List.of(Language.FI, Language.SV, Language.EN)) {
            ps.setString(i++, r.description().get(language));
          }
          ps.setString(
              i++, r.alternativeNames().isEmpty() ? null : String.join("\n", r.alternativeNames()));
          ps.setString(i++, r.fieldCode());
          ps.setObject(i++, r.eqf() == null ? null : r.eqf().shortValue(), Types.SMALLINT);
          ps.setObject(i++, r.nqf() == null ? null : r.nqf().shortValue(), Types.SMALLINT);
          ps.setString(i++, r.nationalLevelCode());
          ps.setBigDecimal(i++, r.extentCredits());
          ps.setString(i++, r.extentUnit());
          ps.setObject(i++, r.durationMonths(), Types.INTEGER);
          ps.setString(i++, r.sourceUrl());
          ps.setBoolean(i++, r.synthetic());
          ps.setString(i, r.contentHash());
        });
    Object[] idArray = records.stream().map(OfferingRecord::id).toArray();
    Set<UUID> ids = new HashSet<>(records.stream().map(OfferingRecord::id).toList());
    for (String table : List.of("education_learning_outcome", "education_implementation")) {
      jdbc.sql("delete from " + table + " where offering_id = any(?)")
          .param(new SqlArrayValue("uuid", idArray))
          .update();
    }
    jdbc.sql("delete from education_offering_skill where offering_id = any(?)")
        .param(new SqlArrayValue("uuid", idArray))
        .update();
    List<Object[]> outcomes = new ArrayList<>();
    List<Object[]> skills = new ArrayList<>();
    for (OfferingRecord r : records) {
      int position = 0;
      for (Map<Language, String> outcome : r.outcomes()) {
        outcomes.add(
            new Object[] {
              r.id(),
              position++,
              outcome.get(Language.FI),
              outcome.get(Language.SV),
              outcome.get(Language.EN)
            });
      }
      for (String skill : new HashSet<>(r.curatedSkills())) {
        skills.add(new Object[] {r.id(), skill, "PROVIDER_CURATED", 1.0f, null});
      }
    }
    jdbcBatch.batchUpdate(
        "insert into education_learning_outcome (offering_id, position, text_fi, text_sv, text_en)"
            + " values (?, ?, ?, ?, ?)",
        outcomes);
    jdbcBatch.batchUpdate(
        "insert into education_offering_skill (offering_id, skill_uri, source, score, evidence)"
            + " values (?, ?, ?, ?, ?)",
        skills);
    Map<String, Map<String, String>> municipalities = municipalityNames(read);
    List<Object[]> implementationRows = new ArrayList<>();
    for (OfferingRecord r : read.records) {
      if (!ids.contains(r.id())) {
        continue;
      }
      int position = 0;
      for (ImplementationRecord m : r.implementations()) {
        implementationRows.add(
            implementationRow(r.id(), position++, m, placeNames(m, municipalities)));
      }
    }
    jdbcBatch.batchUpdate(
        IMPLEMENTATION,
        implementationRows,
        500,
        (ps, row) -> {
          for (int i = 0; i < row.length; i++) {
            Object value = row[i];
            if (value instanceof String[] array) {
              ps.setArray(i + 1, ps.getConnection().createArrayOf("text", array));
            } else {
              ps.setObject(i + 1, value);
            }
          }
        });
  }

  /** The names of the places, so that a query naming the town ("Tampere") finds its offerings. */
  private static @Nullable String placeNames(
      ImplementationRecord m, Map<String, Map<String, String>> municipalities) {
    Set<String> names = new java.util.LinkedHashSet<>();
    for (String code : m.municipalityCodes()) {
      municipalities.getOrDefault(code, Map.of()).values().stream()
          .filter(n -> n != null && !n.isBlank())
          .forEach(names::add);
    }
    return names.isEmpty() ? null : String.join(" ", names);
  }

  private Map<String, Map<String, String>> municipalityNames(ReadResult read) {
    Map<String, Map<String, String>> known = new HashMap<>();
    jdbc.sql(
            "select code, coalesce(name_fi, ''), coalesce(name_sv, '') from education_municipality")
        .query(
            rs -> {
              known.put(rs.getString(1), Map.of("fi", rs.getString(2), "sv", rs.getString(3)));
            });
    known.putAll(read.municipalityNames);
    return known;
  }

  private static Object[] implementationRow(
      UUID offering, int position, ImplementationRecord m, @Nullable String placeNames) {
    return new Object[] {
      offering,
      position,
      m.sourceId(),
      m.name().get(Language.FI),
      m.name().get(Language.SV),
      m.name().get(Language.EN),
      m.providerId(),
      m.provider().get(Language.FI),
      m.provider().get(Language.SV),
      m.provider().get(Language.EN),
      m.institution(),
      m.municipalityCodes().toArray(String[]::new),
      placeNames,
      m.teachingLanguages().toArray(String[]::new),
      m.mode(),
      m.schedule(),
      m.cost(),
      m.startDate(),
      m.endDate(),
      m.applicationStart() == null ? null : Timestamp.from(m.applicationStart()),
      m.applicationEnd() == null ? null : Timestamp.from(m.applicationEnd()),
      m.url()
    };
  }

  /** The active offerings of the read's complete scopes that it no longer holds. */
  private List<UUID> retired(ReadResult read, boolean allowShrink) {
    Set<String> seen = new HashSet<>();
    read.records.forEach(r -> seen.add(r.sourceId()));
    Set<UUID> active = new HashSet<>();
    List<UUID> gone = new ArrayList<>();
    for (String scope : read.completeScopes) {
      jdbc.sql(
              "select id, source_id from education_offering"
                  + " where source = ? and active and starts_with(source_id, ?)")
          .params(read.source, scope)
          .query(
              rs -> {
                UUID id = rs.getObject(1, UUID.class);
                // Scopes may nest (a qualification and the whole source): count each offering once.
                if (active.add(id) && !seen.contains(rs.getString(2))) {
                  gone.add(id);
                }
              });
    }
    SnapshotShrinkGuard.check(
        read.describe(),
        "active " + read.source + " offerings",
        active.size(),
        gone.size(),
        allowShrink);
    return gone;
  }

  private void writeMunicipalities(Map<String, Map<String, String>> names) {
    List<Object[]> rows = new ArrayList<>();
    names.forEach(
        (code, byLanguage) ->
            rows.add(
                new Object[] {
                  code, emptyToNull(byLanguage.get("fi")), emptyToNull(byLanguage.get("sv"))
                }));
    jdbcBatch.batchUpdate(
        "insert into education_municipality (code, name_fi, name_sv) values (?, ?, ?)"
            + " on conflict (code) do update set name_fi = coalesce(excluded.name_fi,"
            + " education_municipality.name_fi), name_sv = coalesce(excluded.name_sv,"
            + " education_municipality.name_sv)",
        rows);
  }

  private static @Nullable String emptyToNull(@Nullable String text) {
    return text == null || text.isBlank() ? null : text;
  }

  private record Existing(String hash, boolean active) {}
}
