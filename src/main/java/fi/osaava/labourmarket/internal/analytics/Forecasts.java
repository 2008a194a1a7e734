package fi.osaava.labourmarket.internal.analytics;

import com.workday.insights.timeseries.arima.Arima;
import com.workday.insights.timeseries.arima.struct.ArimaParams;
import com.workday.insights.timeseries.arima.struct.ForecastResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Twelve-month forecasts of open vacancies per region and per ISCO group from the statistics
 * series, with a seasonal ARIMA(1,0,0)(0,1,1)₁₂ on log(1 + x) from Workday's timeseries-forecast
 * library, and their backtest against the seasonal-naive forecast (the value of the same month a
 * year before) on held-back months.
 */
@Component
public class Forecasts {

  static final int HORIZON = 12;
  static final int SEASON = 12;

  /** Months of history a model is fitted on: long enough for several seasons, recent enough. */
  static final int HISTORY = 96;

  /** Backtest origins, in months before the end of each series. */
  static final int[] ORIGINS = {12, 24, 36};

  private final JdbcClient jdbc;
  private final Map<String, Forecast> cache = new ConcurrentHashMap<>();

  Forecasts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** A series: monthly values from {@code start}. */
  public record Series(String key, String label, LocalDate start, double[] values) {

    LocalDate month(int i) {
      return start.plusMonths(i);
    }
  }

  /** Forecast months with the model's 95 % prediction band. */
  public record Forecast(
      Series series, LocalDate firstMonth, double[] mean, double[] lower, double[] upper) {}

  /** Open vacancies per region ({@code region:<code>}) or ISCO group ({@code isco:<code>}). */
  public @Nullable Series series(String key) {
    List<LocalDate> months = new ArrayList<>();
    List<Double> values = new ArrayList<>();
    String[] parts = key.split(":", 2);
    if (parts.length != 2) {
      throw new IllegalArgumentException("A series is region:<code> or isco:<code>: " + key);
    }
    String sql =
        switch (parts[0]) {
          case "region" ->
              "select month, sum(vacancies) as v, min(area_name) as name from lm_area_series"
                  + " where level = 'REGION' and area_code = ? group by month order by month";
          case "isco" ->
              "select month, sum(vacancies) as v, min(group_name) as name from"
                  + " lm_occupation_series where isco_code = ? group by month order by month";
          default ->
              throw new IllegalArgumentException(
                  "A series is region:<code> or isco:<code>: " + key);
        };
    String[] label = new String[1];
    jdbc.sql(sql)
        .param(parts[1])
        .query(
            rs -> {
              double v = rs.getDouble("v");
              months.add(rs.getDate("month").toLocalDate());
              values.add(rs.wasNull() ? Double.NaN : v);
              label[0] = rs.getString("name");
            });
    if (months.isEmpty()) {
      return null;
    }
    return new Series(
        key,
        label[0],
        months.getFirst(),
        values.stream().mapToDouble(Double::doubleValue).toArray());
  }

  /** Every region and every ISCO group with a complete recent history, for the backtest. */
  public List<String> seriesKeys() {
    List<String> keys = new ArrayList<>();
    jdbc.sql(
            "select distinct area_code from lm_area_series where level = 'REGION' and area_code is"
                + " not null order by 1")
        .query(
            rs -> {
              keys.add("region:" + rs.getString(1));
            });
    jdbc.sql(
            "select isco_code from lm_occupation_series where isco_code is not null group by 1"
                + " having count(vacancies) = count(*) and avg(vacancies) >= 10 order by 1")
        .query(
            rs -> {
              keys.add("isco:" + rs.getString(1));
            });
    return keys;
  }

  /** The forecast of the 12 months after the series ends, or null when it is too short. */
  public @Nullable Forecast forecast(String key) {
    return cache.computeIfAbsent(
        key,
        k -> {
          Series s = series(k);
          if (s == null) {
            return null;
          }
          double[] history = tail(s.values(), s.values().length);
          if (history == null) {
            return null;
          }
          double[][] f = sarima(history);
          return new Forecast(s, s.month(s.values().length), f[0], f[1], f[2]);
        });
  }

  private volatile @Nullable Backtest backtest;

  /** The backtest over every series, computed once (about two seconds) and kept. */
  public Backtest backtest() {
    Backtest b = backtest;
    if (b == null) {
      b = backtest(seriesKeys());
      backtest = b;
    }
    return b;
  }

  /** Forgets the forecasts, after the statistics are imported again. */
  @EventListener(fi.osaava.labourmarket.StatisticsImportReport.class)
  public void clear() {
    cache.clear();
    backtest = null;
  }

  /** Statistics imported beside the service or on another node. */
  @EventListener
  void dataChanged(fi.osaava.platform.DataChanged event) {
    if (event.concerns(fi.osaava.labourmarket.StatisticsImportReport.DATASET)) {
      clear();
    }
  }

  /** The last {@link #HISTORY} values before {@code end}; null when gaps or too short. */
  static double @Nullable [] tail(double[] values, int end) {
    int start = Math.max(0, end - HISTORY);
    if (end - start < 3 * SEASON) {
      return null;
    }
    double[] h = new double[end - start];
    for (int i = 0; i < h.length; i++) {
      h[i] = values[start + i];
      if (Double.isNaN(h[i])) {
        return null;
      }
    }
    return h;
  }

  /** Mean, lower and upper 95 % bound of the next {@link #HORIZON} months. */
  static double[][] sarima(double[] history) {
    double[] log = new double[history.length];
    for (int i = 0; i < log.length; i++) {
      log[i] = Math.log1p(Math.max(0, history[i]));
    }
    ForecastResult r =
        Arima.forecast_arima(log, HORIZON, new ArimaParams(1, 0, 0, 0, 1, 1, SEASON));
    double[][] out = new double[3][HORIZON];
    for (int h = 0; h < HORIZON; h++) {
      out[0][h] = Math.max(0, Math.expm1(r.getForecast()[h]));
      out[1][h] = Math.max(0, Math.expm1(r.getForecastLowerConf()[h]));
      out[2][h] = Math.max(0, Math.expm1(r.getForecastUpperConf()[h]));
    }
    return out;
  }

  static double[] seasonalNaive(double[] history) {
    double[] f = new double[HORIZON];
    for (int h = 0; h < HORIZON; h++) {
      f[h] = history[history.length - SEASON + (h % SEASON)];
    }
    return f;
  }

  /** Errors of one method on one series and origin. */
  record Errors(double mase, double smape) {}

  static Errors errors(double[] history, double[] actual, double[] forecast) {
    double scale = 0;
    for (int i = SEASON; i < history.length; i++) {
      scale += Math.abs(history[i] - history[i - SEASON]);
    }
    scale /= history.length - SEASON;
    double mae = 0;
    double smape = 0;
    for (int h = 0; h < actual.length; h++) {
      mae += Math.abs(actual[h] - forecast[h]);
      double denominator = Math.abs(actual[h]) + Math.abs(forecast[h]);
      smape += denominator == 0 ? 0 : 2 * Math.abs(actual[h] - forecast[h]) / denominator;
    }
    mae /= actual.length;
    return new Errors(scale == 0 ? Double.NaN : mae / scale, 100 * smape / actual.length);
  }

  /**
   * The backtest: per series and origin, both methods fitted on the months before the origin and
   * scored on the {@link #HORIZON} months after it.
   *
   * @param series how many series were scored (regions, ISCO groups)
   * @param mase mean MASE of {model, seasonal naive}
   * @param smape mean sMAPE (%) of {model, seasonal naive}
   * @param wins share of series–origin pairs where the model's MASE is lower
   */
  public record Backtest(
      int series,
      int regions,
      int groups,
      int pairs,
      double[] mase,
      double[] smape,
      double wins,
      Map<String, double[]> perSeries) {}

  public Backtest backtest(List<String> keys) {
    double[] mase = new double[2];
    double[] smape = new double[2];
    int pairs = 0;
    int wins = 0;
    int regions = 0;
    int groups = 0;
    Map<String, double[]> perSeries = new LinkedHashMap<>();
    for (String key : keys) {
      Series s = series(key);
      if (s == null) {
        continue;
      }
      double[] seriesSum = new double[4];
      int seriesPairs = 0;
      for (int origin : ORIGINS) {
        int end = s.values().length - origin;
        double[] history = tail(s.values(), end);
        if (history == null) {
          continue;
        }
        double[] actual = new double[HORIZON];
        boolean complete = true;
        for (int h = 0; h < HORIZON; h++) {
          actual[h] = s.values()[end + h];
          complete &= !Double.isNaN(actual[h]);
        }
        if (!complete) {
          continue;
        }
        Errors model = errors(history, actual, sarima(history)[0]);
        Errors naive = errors(history, actual, seasonalNaive(history));
        if (Double.isNaN(model.mase()) || Double.isNaN(naive.mase())) {
          continue;
        }
        mase[0] += model.mase();
        mase[1] += naive.mase();
        smape[0] += model.smape();
        smape[1] += naive.smape();
        seriesSum[0] += model.mase();
        seriesSum[1] += naive.mase();
        seriesSum[2] += model.smape();
        seriesSum[3] += naive.smape();
        seriesPairs++;
        pairs++;
        if (model.mase() < naive.mase()) {
          wins++;
        }
      }
      if (seriesPairs > 0) {
        for (int i = 0; i < 4; i++) {
          seriesSum[i] /= seriesPairs;
        }
        perSeries.put(key, seriesSum);
        if (key.startsWith("region:")) {
          regions++;
        } else {
          groups++;
        }
      }
    }
    for (int i = 0; i < 2; i++) {
      mase[i] /= Math.max(1, pairs);
      smape[i] /= Math.max(1, pairs);
    }
    return new Backtest(
        perSeries.size(),
        regions,
        groups,
        pairs,
        mase,
        smape,
        wins / (double) Math.max(1, pairs),
        perSeries);
  }
}
