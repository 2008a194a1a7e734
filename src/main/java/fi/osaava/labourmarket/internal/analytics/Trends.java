package fi.osaava.labourmarket.internal.analytics;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Rising and declining skills and occupation groups in the job ads. The share of ads asking for a
 * skill (or in an ISCO group) in the latest {@value #WINDOW} full months is compared with the
 * {@value #WINDOW} months before by a two-sided two-proportion z-test (pooled variance), and the
 * p-values of all items tested together are controlled for a false discovery rate of {@value #FDR}
 * by the Benjamini–Hochberg procedure. Items seen in fewer than {@value #MIN_ADS} ads in the two
 * windows together are not tested. Read from the demand aggregates, so it costs two grouped queries
 * whatever the number of ads.
 */
@Component
public class Trends {

  static final int WINDOW = 6;
  static final double FDR = 0.05;
  static final int MIN_ADS = 20;

  private static final NormalDistribution NORMAL = new NormalDistribution();

  private final JdbcClient jdbc;

  private final Clock clock;

  Trends(JdbcClient jdbc, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
  }

  /** Whether {@code item} is a skill URI or an ISCO group code. */
  public enum Kind {
    SKILL,
    OCCUPATION
  }

  /**
   * One tested item.
   *
   * @param before ads with it in the earlier window
   * @param after ads with it in the later window
   * @param shareBefore its share of all ads in the earlier window
   * @param shareAfter its share of all ads in the later window
   * @param significant whether it passed the Benjamini–Hochberg cut
   */
  public record Trend(
      String item,
      long before,
      long after,
      double shareBefore,
      double shareAfter,
      double z,
      double p,
      boolean significant) {

    public boolean rising() {
      return shareAfter > shareBefore;
    }
  }

  /**
   * The windows compared and the tested items, most significant first.
   *
   * @param from first month of the earlier window
   * @param to last month of the later window
   */
  public record Result(
      @Nullable LocalDate from,
      @Nullable LocalDate split,
      @Nullable LocalDate to,
      long adsBefore,
      long adsAfter,
      List<Trend> items) {

    public List<Trend> rising() {
      return items.stream().filter(t -> t.significant() && t.rising()).toList();
    }

    public List<Trend> declining() {
      return items.stream().filter(t -> t.significant() && !t.rising()).toList();
    }
  }

  /** Trends nationally ({@code regionCode} null) or in one region. */
  public Result trends(Kind kind, @Nullable String regionCode) {
    LocalDate last =
        jdbc.sql("select max(month) from lm_demand_ads where month < ?")
            .param(LocalDate.now(clock).withDayOfMonth(1))
            .query(LocalDate.class)
            .optional()
            .orElse(null);
    if (last == null) {
      return new Result(null, null, null, 0, 0, List.of());
    }
    LocalDate split = last.minusMonths(WINDOW - 1);
    LocalDate from = split.minusMonths(WINDOW);
    String region = regionCode == null || regionCode.isBlank() ? null : regionCode;
    long[] totals = new long[2];
    jdbc.sql(
            "select month >= ? as late, sum(ads) as n from lm_demand_ads where month between ? and ?"
                + " and (?::text is null or region_code = ?) group by 1")
        .param(Date.valueOf(split))
        .param(Date.valueOf(from))
        .param(Date.valueOf(last))
        .param(region)
        .param(region)
        .query(
            rs -> {
              totals[rs.getBoolean("late") ? 1 : 0] = rs.getLong("n");
            });
    Map<String, long[]> counts = new HashMap<>();
    List<Object> params =
        new ArrayList<>(List.of(Date.valueOf(split), Date.valueOf(from), Date.valueOf(last)));
    String sql;
    if (kind == Kind.SKILL) {
      // The rollups over occupation groups: the full skill aggregate is many times larger.
      sql =
          region == null
              ? "select skill_uri as item, month >= ? as late, sum(ads) as n"
                  + " from lm_demand_skill_national where month between ? and ? group by 1, 2"
              : "select skill_uri as item, month >= ? as late, sum(ads) as n"
                  + " from lm_demand_skill_region where month between ? and ? and region_code = ?"
                  + " group by 1, 2";
      if (region != null) {
        params.add(region);
      }
    } else {
      sql =
          "select isco_code as item, month >= ? as late, sum(ads) as n from lm_demand_ads"
              + " where month between ? and ? and (?::text is null or region_code = ?)"
              + " and isco_code <> '' group by 1, 2";
      params.add(region);
      params.add(region);
    }
    jdbc.sql(sql)
        .params(params)
        .query(
            rs -> {
              counts
                      .computeIfAbsent(rs.getString("item"), k -> new long[2])[
                      rs.getBoolean("late") ? 1 : 0] =
                  rs.getLong("n");
            });
    return new Result(from, split, last, totals[0], totals[1], test(counts, totals[0], totals[1]));
  }

  static List<Trend> test(Map<String, long[]> counts, long n0, long n1) {
    List<Trend> tested = new ArrayList<>();
    if (n0 == 0 || n1 == 0) {
      return tested;
    }
    for (var e : counts.entrySet()) {
      long x0 = e.getValue()[0];
      long x1 = e.getValue()[1];
      if (x0 + x1 < MIN_ADS) {
        continue;
      }
      double p0 = x0 / (double) n0;
      double p1 = x1 / (double) n1;
      double pooled = (x0 + x1) / (double) (n0 + n1);
      double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / n0 + 1.0 / n1));
      double z = se == 0 ? 0 : (p1 - p0) / se;
      double p = 2 * (1 - NORMAL.cumulativeProbability(Math.abs(z)));
      tested.add(new Trend(e.getKey(), x0, x1, p0, p1, z, p, false));
    }
    tested.sort(Comparator.comparingDouble(Trend::p).thenComparing(Trend::item));
    // Benjamini–Hochberg: the largest rank k with p_(k) <= k/m * FDR, and every rank up to it.
    int m = tested.size();
    int cut = 0;
    for (int k = 1; k <= m; k++) {
      if (tested.get(k - 1).p() <= k * FDR / m) {
        cut = k;
      }
    }
    List<Trend> result = new ArrayList<>(m);
    for (int i = 0; i < m; i++) {
      Trend t = tested.get(i);
      result.add(
          new Trend(
              t.item(),
              t.before(),
              t.after(),
              t.shareBefore(),
              t.shareAfter(),
              t.z(),
              t.p(),
              i < cut));
    }
    return result;
  }
}
