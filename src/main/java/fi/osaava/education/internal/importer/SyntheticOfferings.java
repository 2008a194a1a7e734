package fi.osaava.education.internal.importer;

import fi.osaava.education.EducationLevel;
import fi.osaava.education.internal.importer.OfferingRecord.ImplementationRecord;
import fi.osaava.education.internal.importer.OfferingRecord.OfferingKind;
import fi.osaava.platform.Language;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scale-up corpus: synthetic offerings that recombine the real (imported, not synthetic)
 * records. Offering {@code i} of seed {@code S} takes its title, level, kind, field, EQF/NQF and
 * extent from one real record, its description from a second of the same level, its learning
 * outcomes from a third and one or two implementations (provider, institution, municipalities,
 * teaching languages, mode, cost) from a fourth; start and application dates are drawn around
 * today. Its skills are copied from the records that gave the title and the outcomes, with their
 * source and evidence, so the skill backfill leaves it alone. Every record has source {@code
 * synthetic}, source id {@code S/i} and {@code synthetic = true}; the same seed and the same real
 * catalogue give the same records (dates follow the day of the run). Written through {@link
 * CatalogueWriter} in transactions of {@value #BATCH} records.
 */
@Component
public class SyntheticOfferings {

  public static final String SOURCE = "synthetic";

  static final int BATCH = 5_000;

  private static final String DONORS =
      """
      select o.id, o.kind, o.level, o.title_fi, o.title_sv, o.title_en, o.description_fi,
        o.description_sv, o.description_en, o.field_code, o.eqf, o.nqf, o.national_level_code,
        o.extent_credits, o.extent_unit, o.duration_months
      from education_offering o
      where o.active and not o.synthetic
      order by o.id
      """;

  private final JdbcClient jdbc;

  /** Only for batch updates, which {@link JdbcClient} does not have. */
  private final JdbcTemplate jdbcBatch;

  private final CatalogueWriter writer;
  private final TransactionTemplate transactions;
  private final Clock clock = Clock.systemUTC();

  SyntheticOfferings(
      JdbcClient jdbc,
      JdbcTemplate jdbcBatch,
      CatalogueWriter writer,
      TransactionTemplate transactions) {
    this.jdbc = jdbc;
    this.jdbcBatch = jdbcBatch;
    this.writer = writer;
    this.transactions = transactions;
  }

  /**
   * What one generation wrote.
   *
   * @param donors real records recombined
   * @param changedIds offerings inserted or rewritten, whose index documents must be rebuilt
   */
  public record Generated(
      int count, int donors, int inserted, int updated, List<UUID> changedIds) {}

  /** Generates (or regenerates, upserting by source id) offerings {@code 0..count-1} of a seed. */
  public Generated generate(int count, long seed, java.util.function.Consumer<String> progress) {
    if (count < 1) {
      throw new IllegalArgumentException("count must be at least 1, not " + count);
    }
    List<Donor> donors = jdbc.sql(DONORS).query((rs, n) -> donor(rs)).list();
    if (donors.isEmpty()) {
      throw new IllegalStateException(
          "No real offerings to recombine: import the education catalogue first");
    }
    Map<UUID, List<Map<Language, String>>> outcomes = outcomes();
    Map<UUID, List<ImplementationRecord>> implementations = implementations();
    List<Donor> withOutcomes = donors.stream().filter(d -> outcomes.containsKey(d.id)).toList();
    List<Donor> withImplementations =
        donors.stream().filter(d -> implementations.containsKey(d.id)).toList();
    Map<EducationLevel, List<Donor>> byLevel = new EnumMap<>(EducationLevel.class);
    donors.forEach(d -> byLevel.computeIfAbsent(d.level, l -> new ArrayList<>()).add(d));
    LocalDate today = LocalDate.now(clock);
    List<UUID> changed = new ArrayList<>();
    int inserted = 0;
    int updated = 0;
    for (int start = 0; start < count; start += BATCH) {
      List<OfferingRecord> records = new ArrayList<>();
      Map<UUID, List<UUID>> skillDonors = new HashMap<>();
      for (int i = start; i < Math.min(count, start + BATCH); i++) {
        // One generator per record, so record i is the same whatever the batch size or count.
        SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + i);
        Donor title = pick(donors, random);
        // The title is a donor, so its level has donors.
        Donor description = pick(Objects.requireNonNull(byLevel.get(title.level)), random);
        Donor outcome = withOutcomes.isEmpty() ? null : pick(withOutcomes, random);
        List<ImplementationRecord> places = new ArrayList<>();
        if (!withImplementations.isEmpty()) {
          int n = random.nextInt(4) == 0 ? 2 : 1;
          for (int k = 0; k < n; k++) {
            Donor place = pick(withImplementations, random);
            List<ImplementationRecord> candidates =
                Objects.requireNonNull(implementations.get(place.id));
            places.add(
                implementation(
                    seed, i, k, candidates.get(random.nextInt(candidates.size())), today, random));
          }
        }
        OfferingRecord record =
            new OfferingRecord(
                SOURCE,
                seed + "/" + i,
                title.kind,
                title.level,
                null,
                title.title,
                description.description,
                List.of(),
                title.fieldCode,
                title.eqf,
                title.nqf,
                title.nationalLevelCode,
                title.extentCredits,
                title.extentUnit,
                title.durationMonths,
                null,
                true,
                outcome == null ? List.of() : Objects.requireNonNull(outcomes.get(outcome.id)),
                places,
                List.of());
        records.add(record);
        List<UUID> from = new ArrayList<>(List.of(title.id));
        if (outcome != null && !outcome.id.equals(title.id)) {
          from.add(outcome.id);
        }
        skillDonors.put(record.id(), from);
      }
      CatalogueWriter.Outcome outcome =
          transactions.execute(
              status -> {
                CatalogueWriter.Outcome written = writer.upsert(SOURCE, records);
                copySkills(written.changedIds(), skillDonors);
                return written;
              });
      inserted += outcome.inserted();
      updated += outcome.updated();
      changed.addAll(outcome.changedIds());
      progress.accept(
          "synthetic offerings %,d of %,d (%,d written)"
              .formatted(Math.min(count, start + BATCH), count, changed.size()));
    }
    return new Generated(count, donors.size(), inserted, updated, changed);
  }

  /** Ids of the synthetic offerings of one seed, for removing them again. */
  public List<UUID> delete(long seed) {
    List<UUID> ids =
        jdbc.sql(
                "delete from education_offering where source = ? and starts_with(source_id, ?)"
                    + " returning id")
            .params(SOURCE, seed + "/")
            .query(UUID.class)
            .list();
    return ids;
  }

  private void copySkills(List<UUID> changed, Map<UUID, List<UUID>> skillDonors) {
    List<Object[]> rows = new ArrayList<>();
    for (UUID id : changed) {
      for (UUID donor : skillDonors.getOrDefault(id, List.of())) {
        rows.add(new Object[] {id, donor});
      }
    }
    jdbcBatch.batchUpdate(
        """
        insert into education_offering_skill (offering_id, skill_uri, source, score, evidence,
          label_fi, label_sv, label_en, evidence_fi, evidence_sv, evidence_en)
        select ?, skill_uri, source, score, evidence, label_fi, label_sv, label_en,
          evidence_fi, evidence_sv, evidence_en
        from education_offering_skill where offering_id = ?
        on conflict do nothing
        """,
        rows);
    Object[] ids = changed.toArray();
    // Copied skills stand for identified ones: the backfill must not spend hours on copies.
    jdbc.sql("update education_offering set skills_identified_at = now() where id = any(?)")
        .param(new SqlArrayValue("uuid", ids))
        .update();
  }

  private static ImplementationRecord implementation(
      long seed,
      int i,
      int k,
      ImplementationRecord real,
      LocalDate today,
      SplittableRandom random) {
    LocalDate startDate = today.plusDays(random.nextInt(-60, 365));
    LocalDate endDate = startDate.plusMonths(random.nextInt(1, 37));
    LocalDate applicationEnd = startDate.minusDays(random.nextInt(7, 60));
    LocalDate applicationStart = applicationEnd.minusDays(random.nextInt(14, 90));
    BigDecimal cost =
        switch (random.nextInt(3)) {
          case 0 -> BigDecimal.ZERO;
          case 1 -> real.cost();
          default -> BigDecimal.valueOf(random.nextInt(2, 120) * 10L);
        };
    return new ImplementationRecord(
        seed + "/" + i + "/" + k,
        real.name(),
        real.providerId(),
        real.provider(),
        real.institution(),
        real.municipalityCodes(),
        real.teachingLanguages(),
        real.mode(),
        real.schedule(),
        cost,
        startDate,
        endDate,
        applicationStart.atStartOfDay().toInstant(ZoneOffset.UTC),
        applicationEnd.atStartOfDay().toInstant(ZoneOffset.UTC),
        null);
  }

  private static <T> T pick(List<T> items, SplittableRandom random) {
    return items.get(random.nextInt(items.size()));
  }

  private Map<UUID, List<Map<Language, String>>> outcomes() {
    Map<UUID, List<Map<Language, String>>> outcomes = new HashMap<>();
    jdbc.sql(
            "select o.offering_id, o.text_fi, o.text_sv, o.text_en from education_learning_outcome o"
                + " join education_offering e on e.id = o.offering_id"
                + " where e.active and not e.synthetic order by o.offering_id, o.position")
        .query(
            rs -> {
              outcomes
                  .computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                  .add(texts(rs, 2));
            });
    return outcomes;
  }

  private Map<UUID, List<ImplementationRecord>> implementations() {
    Map<UUID, List<ImplementationRecord>> implementations = new HashMap<>();
    jdbc.sql(
            """
        select i.offering_id, i.name_fi, i.name_sv, i.name_en, i.provider_id, i.provider_fi,
          i.provider_sv, i.provider_en, i.institution, i.municipality_codes, i.teaching_languages,
          i.mode, i.schedule, i.cost
        from education_implementation i join education_offering e on e.id = i.offering_id
        where e.active and not e.synthetic order by i.offering_id, i.position
        """)
        .query(
            rs -> {
              implementations
                  .computeIfAbsent(rs.getObject(1, UUID.class), id -> new ArrayList<>())
                  .add(
                      new ImplementationRecord(
                          null,
                          texts(rs, 2),
                          rs.getString(5),
                          texts(rs, 6),
                          rs.getString(9),
                          strings(rs.getArray(10)),
                          strings(rs.getArray(11)),
                          rs.getString(12),
                          rs.getString(13),
                          rs.getBigDecimal(14),
                          null,
                          null,
                          null,
                          null,
                          null));
            });
    return implementations;
  }

  private static Donor donor(ResultSet rs) throws SQLException {
    return new Donor(
        rs.getObject("id", UUID.class),
        OfferingKind.valueOf(rs.getString("kind")),
        EducationLevel.valueOf(rs.getString("level")),
        texts(rs, 4),
        texts(rs, 7),
        rs.getString("field_code"),
        rs.getObject("eqf", Integer.class),
        rs.getObject("nqf", Integer.class),
        rs.getString("national_level_code"),
        rs.getBigDecimal("extent_credits"),
        rs.getString("extent_unit"),
        rs.getObject("duration_months", Integer.class));
  }

  /** Columns {@code first}, {@code first+1}, {@code first+2} as fi, sv, en. */
  private static Map<Language, String> texts(ResultSet rs, int first) throws SQLException {
    Map<Language, String> texts = new EnumMap<>(Language.class);
    List<Language> languages = List.of(Language.FI, Language.SV, Language.EN);
    for (int k = 0; k < 3; k++) {
      String text = rs.getString(first + k);
      if (text != null) {
        texts.put(languages.get(k), text);
      }
    }
    return texts;
  }

  private static List<String> strings(@Nullable Array array) throws SQLException {
    List<String> values = new ArrayList<>();
    if (array != null) {
      for (Object value : (Object[]) array.getArray()) {
        if (value != null) {
          values.add(value.toString());
        }
      }
    }
    return values;
  }

  private record Donor(
      UUID id,
      OfferingKind kind,
      EducationLevel level,
      Map<Language, String> title,
      Map<Language, String> description,
      @Nullable String fieldCode,
      @Nullable Integer eqf,
      @Nullable Integer nqf,
      @Nullable String nationalLevelCode,
      @Nullable BigDecimal extentCredits,
      @Nullable String extentUnit,
      @Nullable Integer durationMonths) {}
}
