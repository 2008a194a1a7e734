package fi.osaava.labourmarket.internal;

import fi.osaava.labourmarket.AdDemand;
import fi.osaava.labourmarket.EmploymentFigures;
import fi.osaava.labourmarket.JobAdId;
import fi.osaava.labourmarket.JobAdIngestReport;
import fi.osaava.labourmarket.LabourMarketApi;
import fi.osaava.labourmarket.LabourMarketImports;
import fi.osaava.labourmarket.MatchableJobAd;
import fi.osaava.labourmarket.OccupationIndicators;
import fi.osaava.labourmarket.SkillDemandCell;
import fi.osaava.labourmarket.StatisticsImportReport;
import fi.osaava.labourmarket.internal.ads.JobAdGenerator;
import fi.osaava.labourmarket.internal.ads.JobAdIngestion;
import fi.osaava.labourmarket.internal.importer.StatisticsImporter;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.regions.AreaLevel;
import fi.osaava.taxonomy.ConceptUri;
import java.io.InputStream;
import java.io.Writer;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** The labour-market module's reads for other modules, and its importers. */
@Service
class LabourMarketService implements LabourMarketApi, LabourMarketImports {

  static final String INDICATOR_SOURCE =
      "Työmarkkinatori / Statistics Finland, occupation indicators joined to ESCO by ISCO group"
          + " (esco-occupation-indicators-fi.csv), whole country";

  private final JdbcClient jdbc;
  private final StatisticsImporter statistics;
  private final JobAdIngestion ingestion;
  private final JobAdGenerator generator;
  private final ApplicationEventPublisher events;
  private final TransactionTemplate readOnly;
  private final Clock clock;

  LabourMarketService(
      JdbcClient jdbc,
      TransactionTemplate transaction,
      StatisticsImporter statistics,
      JobAdIngestion ingestion,
      JobAdGenerator generator,
      ApplicationEventPublisher events,
      Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.statistics = statistics;
    this.ingestion = ingestion;
    this.generator = generator;
    this.events = events;
    // Spring Boot's TransactionTemplate always carries the application's transaction manager.
    this.readOnly =
        new TransactionTemplate(Objects.requireNonNull(transaction.getTransactionManager()));
    this.readOnly.setReadOnly(true);
  }

  @Override
  public Optional<OccupationIndicators> indicators(ConceptUri occupation) {
    return jdbc
        .sql("select * from lm_occupation_indicator where occupation_uri = ?")
        .param(occupation.value())
        .query(
            (rs, i) ->
                new OccupationIndicators(
                    occupation,
                    rs.getString("isco_group"),
                    number(rs, "labour_force"),
                    number(rs, "open_vacancies"),
                    number(rs, "vacancy_rate"),
                    number(rs, "unemployment_rate"),
                    number(rs, "non_standard_work_share"),
                    (Integer) rs.getObject("pay_decile"),
                    number(rs, "median_hourly_earnings"),
                    number(rs, "labour_shortage_share"),
                    number(rs, "mismatch_share"),
                    number(rs, "shortage_volume"),
                    number(rs, "foreign_background_share"),
                    INDICATOR_SOURCE))
        .list()
        .stream()
        .findFirst();
  }

  private static @Nullable Double number(ResultSet rs, String column) throws SQLException {
    double d = rs.getDouble(column);
    return rs.wasNull() ? null : d;
  }

  @Override
  public OptionalDouble skillDemandShare(ConceptUri skill, @Nullable String regionCode) {
    LocalDate from = LocalDate.now(clock).withDayOfMonth(1).minusMonths(11);
    String region = regionCode == null ? null : regionCode.strip();
    Long ads =
        jdbc.sql(
                "select coalesce(sum(ads), 0) from lm_demand_ads where month >= ?"
                    + " and (?::text is null or region_code = ?)")
            .param(from)
            .param(region)
            .param(region)
            .query(Long.class)
            .single();
    if (ads == null || ads == 0) {
      return OptionalDouble.empty();
    }
    Long asking =
        jdbc.sql(
                region == null
                    ? "select coalesce(sum(ads), 0) from lm_demand_skill_national"
                        + " where skill_uri = ? and month >= ?"
                    : "select coalesce(sum(ads), 0) from lm_demand_skill_region"
                        + " where skill_uri = ? and month >= ? and region_code = ?")
            .params(
                region == null
                    ? List.of(skill.value(), from)
                    : List.of(skill.value(), from, region))
            .query(Long.class)
            .single();
    return OptionalDouble.of((asking == null ? 0 : asking) / (double) ads);
  }

  private static final String AD_SELECT =
      "select a.id, a.title, a.language, a.occupation_uri, a.municipality_code, a.region_code,"
          + " a.remote,"
          + " a.date_posted, a.valid_through, a.synthetic,"
          + " coalesce((select array_agg(s.skill_uri) from lm_job_ad_skill s where s.ad_id = a.id),"
          + " '{}') as skills from lm_job_ad a";

  @Override
  public void forEachOpenJobAd(Consumer<MatchableJobAd> consumer) {
    // PostgreSQL streams a result only inside a transaction and with a fetch size; without them
    // the driver would hold every open ad in memory at once.
    readOnly.executeWithoutResult(
        status ->
            jdbc.sql(
                    AD_SELECT
                        + " where a.duplicate_of is null and a.closed_at is null"
                        + " and (a.valid_through is null or a.valid_through >= ?)"
                        + " order by a.id")
                .withFetchSize(1_000)
                .param(LocalDate.now(clock))
                .query(
                    rs -> {
                      consumer.accept(ad(rs));
                    }));
  }

  @Override
  public Optional<MatchableJobAd> jobAd(JobAdId id) {
    return jdbc
        .sql(AD_SELECT + " where a.id = ?")
        .param(id.value())
        .query((rs, i) -> ad(rs))
        .list()
        .stream()
        .findFirst();
  }

  private static MatchableJobAd ad(ResultSet rs) throws SQLException {
    Set<ConceptUri> skills = new HashSet<>();
    for (String uri : (String[]) rs.getArray("skills").getArray()) {
      skills.add(new ConceptUri(uri));
    }
    String occupation = rs.getString("occupation_uri");
    java.sql.Date valid = rs.getDate("valid_through");
    return new MatchableJobAd(
        new JobAdId(rs.getObject("id", java.util.UUID.class)),
        rs.getString("title"),
        Language.fromCode(rs.getString("language")).orElse(Language.FI),
        occupation == null ? null : new ConceptUri(occupation),
        skills,
        rs.getString("municipality_code"),
        rs.getString("region_code"),
        rs.getBoolean("remote"),
        rs.getDate("date_posted").toLocalDate(),
        valid == null ? null : valid.toLocalDate(),
        rs.getBoolean("synthetic"));
  }

  @Override
  public void forEachSkillDemandCell(int minimumAds, Consumer<SkillDemandCell> consumer) {
    readOnly.executeWithoutResult(
        status ->
            jdbc.sql(
                    "select month, region_code, skill_uri, ads from lm_demand_skill_region"
                        + " where region_code <> '' and ads >= ?"
                        + " order by month, region_code, skill_uri")
                .withFetchSize(1_000)
                .param(minimumAds)
                .query(
                    rs -> {
                      consumer.accept(
                          new SkillDemandCell(
                              rs.getDate("month").toLocalDate(),
                              rs.getString("region_code"),
                              rs.getString("skill_uri"),
                              rs.getLong("ads")));
                    }));
  }

  @Override
  public boolean hasSyntheticAds() {
    return Boolean.TRUE.equals(
        jdbc.sql("select exists (select 1 from lm_job_ad where synthetic)")
            .query(Boolean.class)
            .single());
  }

  @Override
  public AdDemand adDemand() {
    LocalDate last =
        jdbc.sql(
                "select date_trunc('month', max(date_posted))::date from lm_job_ad"
                    + " where duplicate_of is null")
            .query(LocalDate.class)
            .optional()
            .orElse(null);
    if (last == null) {
      LocalDate month = LocalDate.now(clock).withDayOfMonth(1);
      return new AdDemand(month.minusMonths(11), month, month.minusMonths(23), false, List.of());
    }
    LocalDate from = last.minusMonths(11);
    LocalDate previousFrom = last.minusMonths(23);
    List<AdDemand.Cell> cells = new ArrayList<>();
    // The ads of both windows once, then grouped three ways; the skill join is the heavy part.
    String ads =
        "with ads as (select a.id, a.municipality_code, a.isco_code, a.date_posted >= ? as cur"
            + " from lm_job_ad a where a.duplicate_of is null and a.municipality_code is not null"
            + " and a.date_posted >= ? and a.date_posted < ?) ";
    String[] groupings = {
      "select municipality_code, 'ALL', '', count(*) filter (where cur),"
          + " count(*) filter (where not cur) from ads group by 1",
      "select municipality_code, 'OCCUPATION_GROUP', isco_code, count(*) filter (where cur),"
          + " count(*) filter (where not cur) from ads where isco_code is not null group by 1, 3",
      "select municipality_code, 'SKILL', s.skill_uri, count(*) filter (where cur),"
          + " count(*) filter (where not cur) from ads join lm_job_ad_skill s on s.ad_id = ads.id"
          + " group by 1, 3"
    };
    readOnly.executeWithoutResult(
        status -> {
          for (String grouping : groupings) {
            jdbc.sql(ads + grouping)
                .withFetchSize(10_000)
                .params(
                    java.sql.Date.valueOf(from),
                    java.sql.Date.valueOf(previousFrom),
                    java.sql.Date.valueOf(last.plusMonths(1)))
                .query(
                    rs -> {
                      cells.add(
                          new AdDemand.Cell(
                              rs.getString(1),
                              AdDemand.Kind.valueOf(rs.getString(2)),
                              rs.getString(3),
                              rs.getInt(4),
                              rs.getInt(5)));
                    });
          }
        });
    boolean synthetic =
        Boolean.TRUE.equals(
            jdbc.sql(
                    "select exists (select 1 from lm_job_ad where synthetic and duplicate_of is null"
                        + " and date_posted >= ?)")
                .param(java.sql.Date.valueOf(previousFrom))
                .query(Boolean.class)
                .single());
    return new AdDemand(from, last, previousFrom, synthetic, cells);
  }

  @Override
  public Optional<EmploymentFigures> employmentFigures(
      @Nullable AreaLevel level, @Nullable String code) {
    LocalDate month =
        jdbc.sql("select max(month) from lm_current_area")
            .query(LocalDate.class)
            .optional()
            .orElse(null);
    if (month == null) {
      return Optional.empty();
    }
    Map<String, @Nullable Double> figures = new HashMap<>();
    // The country's rows have no area code; an area's are found by theirs.
    String area = level == null || code == null ? "" : code;
    jdbc.sql(
            "select measure, value from lm_current_area where month = ? and level = ?"
                + " and coalesce(area_code, '') = ?")
        .params(java.sql.Date.valueOf(month), level == null ? "COUNTRY" : level.name(), area)
        .query(
            rs -> {
              double v = rs.getDouble(2);
              figures.put(rs.getString(1), rs.wasNull() ? null : v);
            });
    if (figures.isEmpty()) {
      return Optional.empty();
    }
    String source =
        jdbc.sql("select source from lm_current_measure limit 1")
            .query(String.class)
            .optional()
            .orElse("");
    return Optional.of(new EmploymentFigures(month, figures, source));
  }

  @Override
  public StatisticsImportReport importStatistics(
      Path referenceData, boolean allowShrink, ImportProgress progress) {
    StatisticsImportReport report = statistics.importFrom(referenceData, allowShrink, progress);
    // Forecasts and projected maps are kept in memory; they are rebuilt from the new rows.
    events.publishEvent(report);
    return report;
  }

  @Override
  public JobAdIngestReport ingestJobAds(InputStream json, String source, ImportProgress progress) {
    return ingestion.ingest(json, source, progress);
  }

  @Override
  public void generateJobAds(int count, long seed, Writer out) {
    generator.generate(count, seed, out);
  }
}
