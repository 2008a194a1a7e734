package fi.osaava.labourmarket.internal.analytics;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code ./osaava evaluate forecasts} (also {@code bench forecasts}): the seasonal ARIMA against
 * the seasonal-naive baseline on held-back months of every region and ISCO group series.
 */
@Component
class ForecastBenchmark implements Benchmark {

  private final Forecasts forecasts;

  ForecastBenchmark(Forecasts forecasts) {
    this.forecasts = forecasts;
  }

  @Override
  public String name() {
    return "forecasts";
  }

  @Override
  public String description() {
    return "Backtest of the 12-month vacancy forecasts (SARIMA vs seasonal naive): MASE, sMAPE";
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    long started = System.nanoTime();
    var keys = forecasts.seriesKeys();
    if (keys.isEmpty()) {
      throw new IllegalStateException("No statistics series; run ./osaava import labour-market");
    }
    progress.report(
        "Backtesting " + keys.size() + " series at " + Forecasts.ORIGINS.length + " origins");
    Forecasts.Backtest b = forecasts.backtest(keys);
    double seconds = (System.nanoTime() - started) / 1e9;
    String markdown =
        String.format(
            Locale.ROOT,
            """
            Open vacancies per region (%d series) and per ISCO-08 unit group (%d series, those with \
            no missing month and at least 10 vacancies a month on average), Statistics Finland \
            employment service statistics. Each series is cut %s months before its end; both \
            methods see the %d months before the cut and forecast the next %d; %d series–origin \
            pairs in all. MASE is scaled by the in-sample seasonal-naive error (m = 12); sMAPE in \
            %%. Means over all pairs:

            | method | MASE | sMAPE %% | pairs where it has the lower MASE |
            |---|---:|---:|---:|
            | SARIMA(1,0,0)(0,1,1)12 on log(1+x) (Workday timeseries-forecast 1.1.1) | %.3f | %.2f | %.1f %% |
            | seasonal naive (same month a year before) | %.3f | %.2f | %.1f %% |

            %s on aggregate MASE. Run time %.1f s.
            """,
            b.regions(),
            b.groups(),
            java.util.Arrays.toString(Forecasts.ORIGINS).replaceAll("[\\[\\]]", ""),
            Forecasts.HISTORY,
            Forecasts.HORIZON,
            b.pairs(),
            b.mase()[0],
            b.smape()[0],
            100 * b.wins(),
            b.mase()[1],
            b.smape()[1],
            100 * (1 - b.wins()),
            b.mase()[0] < b.mase()[1]
                ? "The model beats the baseline"
                : "The model does NOT beat the baseline",
            seconds);
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("series", b.series());
    metrics.put("pairs", b.pairs());
    metrics.put("mase_model", b.mase()[0]);
    metrics.put("mase_seasonal_naive", b.mase()[1]);
    metrics.put("smape_model", b.smape()[0]);
    metrics.put("smape_seasonal_naive", b.smape()[1]);
    metrics.put("model_wins", b.wins());
    return new Report(markdown, metrics);
  }
}
