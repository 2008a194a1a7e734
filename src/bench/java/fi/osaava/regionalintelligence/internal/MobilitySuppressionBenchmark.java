package fi.osaava.regionalintelligence.internal;

import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.regionalintelligence.internal.overview.RegionalContext;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.TaxonomyApi;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiFunction;
import org.springframework.stereotype.Component;

/**
 * {@code ./osaava bench mobility-suppression [moves=300,861,5000] [seeds=10]}: the complementary
 * suppression of the expert-mobility tables ({@link Suppression}, the target) against the rule it
 * replaced ({@link EarlierSuppression}, the baseline) on the same sets of moves in the same run.
 * The moves follow real margins: a move leaves a region in proportion to the region's departures
 * and arrives in another in proportion to its arrivals (Statistics Finland's migration between
 * municipalities, summed per region), in an ISCO sub-major group in proportion to the ESCO
 * occupations in it (a tenth of moves with no occupation). Reported: the figures and the flows
 * published, the people in figures of 5 or more that complementary suppression hid (the information
 * lost), and the time; and, as a check, that no hidden figure is computable from the published ones
 * in either.
 */
@Component
class MobilitySuppressionBenchmark implements Benchmark {

  private static final String ARRIVALS = "ssaaty_121w/ssaaty-vm43_tulo";
  private static final String DEPARTURES = "ssaaty_121w/ssaaty-vm43_lahto";

  private final RegionsApi regions;
  private final RegionalContext context;
  private final TaxonomyApi taxonomy;

  MobilitySuppressionBenchmark(RegionsApi regions, RegionalContext context, TaxonomyApi taxonomy) {
    this.regions = regions;
    this.context = context;
    this.taxonomy = taxonomy;
  }

  @Override
  public String name() {
    return "mobility-suppression";
  }

  @Override
  public String description() {
    return "expert-mobility complementary suppression against the earlier rule, on moves that"
        + " follow the regions' real migration margins";
  }

  private record Outcome(
      int shown, int flows, long lost, boolean allHidden, double ms, boolean safe) {}

  private record Sum(
      double shown, double flows, double lost, int allHidden, double[] ms, boolean safe) {}

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    int[] sizes =
        Arrays.stream(options.getOrDefault("moves", "300,861,5000").split(","))
            .mapToInt(s -> Integer.parseInt(s.trim()))
            .toArray();
    int seeds = Integer.parseInt(options.getOrDefault("seeds", "10"));
    double loadBefore = load();
    List<String> codes = new ArrayList<>();
    List<Double> out = new ArrayList<>();
    List<Double> in = new ArrayList<>();
    Integer year = null;
    for (Area r : regions.areas(AreaLevel.REGION)) {
      List<String> municipalities =
          regions.municipalitiesIn(AreaLevel.REGION, r.code()).stream().map(Area::code).toList();
      Map<String, RegionalContext.Figure> f =
          context.figures(AreaLevel.REGION, r.code(), municipalities);
      if (f.get(ARRIVALS) == null || f.get(DEPARTURES) == null) {
        continue;
      }
      codes.add(r.code());
      out.add(f.get(DEPARTURES).value());
      in.add(f.get(ARRIVALS).value());
      year = f.get(ARRIVALS).year();
    }
    if (codes.size() < 2) {
      throw new IllegalStateException(
          "The migration statistics are missing: import the regional context first");
    }
    Map<String, Double> groups = new TreeMap<>();
    taxonomy.forEachConcept(
        Set.of(ConceptType.OCCUPATION),
        c -> {
          String code = c.iscoCode() == null ? "" : c.iscoCode().replaceAll("[^0-9]", "");
          if (code.length() >= 2) {
            groups.merge(code.substring(0, 2), 1.0, Double::sum);
          }
        });
    if (groups.isEmpty()) {
      throw new IllegalStateException("ESCO is not imported: the occupation groups are missing");
    }
    double known = groups.values().stream().mapToDouble(Double::doubleValue).sum();
    groups.put(MobilityFlows.UNKNOWN_SUB_MAJOR, known / 9);
    List<String> subMajors = new ArrayList<>(groups.keySet());
    double[] groupWeights = subMajors.stream().mapToDouble(groups::get).toArray();
    double[] outWeights = out.stream().mapToDouble(Double::doubleValue).toArray();
    double[] inWeights = in.stream().mapToDouble(Double::doubleValue).toArray();

    StringBuilder table = new StringBuilder();
    table.append(
        "| moves | rule | figures published | flows published | people hidden in figures ≥ 5 |"
            + " all hidden | ms p50 | ms max | nothing computable |\n");
    table.append("|---:|---|---:|---:|---:|---:|---:|---:|---|\n");
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (int size : sizes) {
      progress.report("Publishing " + seeds + " sets of " + size + " moves with both rules");
      List<List<MobilityFlows.Move>> sets = new ArrayList<>();
      for (int s = 0; s < seeds; s++) {
        sets.add(
            moves(
                new SplittableRandom(1000L * size + s),
                size,
                codes,
                outWeights,
                inWeights,
                subMajors,
                groupWeights));
      }
      Sum target = measure(sets, (v, r) -> Suppression.suppress(v, r, ExpertMobility.MINIMUM));
      Sum baseline =
          measure(sets, (v, r) -> EarlierSuppression.suppress(v, r, ExpertMobility.MINIMUM));
      row(table, size, "target: single hidden figure of a sum first", target, seeds);
      row(table, size, "baseline: earlier rule", baseline, seeds);
      metrics.put("target_lost_" + size, target.lost() / seeds);
      metrics.put("baseline_lost_" + size, baseline.lost() / seeds);
      metrics.put("target_p50_ms_" + size, percentile(target.ms(), 50));
      metrics.put("baseline_p50_ms_" + size, percentile(baseline.ms(), 50));
      metrics.put("safe_" + size, target.safe() && baseline.safe());
    }
    double loadAfter = load();
    metrics.put("load_before", loadBefore);
    metrics.put("load_after", loadAfter);
    String markdown =
        String.format(
                Locale.ROOT,
                "%d sets of moves per size (seeded); origins and destinations in proportion to"
                    + " the %d regions' departures and arrivals in %s, groups in proportion to the"
                    + " ESCO occupations per ISCO sub-major group (%d groups and no occupation)."
                    + " Figures are means per set. Load average (%d cores): %.1f at the start, %.1f"
                    + " after.%n%n",
                seeds,
                codes.size(),
                year,
                subMajors.size() - 1,
                Runtime.getRuntime().availableProcessors(),
                loadBefore,
                loadAfter)
            + table;
    return new Report(markdown, metrics);
  }

  private static void row(StringBuilder table, int size, String rule, Sum s, int seeds) {
    table.append(
        String.format(
            Locale.ROOT,
            "| %,d | %s | %.1f | %.1f | %.1f | %d of %d | %.0f | %.0f | %s |%n",
            size,
            rule,
            s.shown() / seeds,
            s.flows() / seeds,
            s.lost() / seeds,
            s.allHidden(),
            seeds,
            percentile(s.ms(), 50),
            percentile(s.ms(), 100),
            s.safe() ? "yes" : "**no**"));
  }

  private static Sum measure(
      List<List<MobilityFlows.Move>> sets,
      BiFunction<long[], List<Suppression.Relation>, boolean[]> rule) {
    double shown = 0;
    double flows = 0;
    double lost = 0;
    int allHidden = 0;
    boolean safe = true;
    double[] ms = new double[sets.size()];
    for (int i = 0; i < sets.size(); i++) {
      Outcome o = publish(sets.get(i), rule);
      shown += o.shown();
      flows += o.flows();
      lost += o.lost();
      allHidden += o.allHidden() ? 1 : 0;
      safe &= o.safe();
      ms[i] = o.ms();
    }
    return new Sum(shown, flows, lost, allHidden, ms, safe);
  }

  /** What {@link MobilityFlows#publish} does, with the rule to compare put in. */
  private static Outcome publish(
      List<MobilityFlows.Move> moves,
      BiFunction<long[], List<Suppression.Relation>, boolean[]> rule) {
    // The regions' figures only, as when the two rules were compared (no sub-region figures).
    Map<String, Long> counts = MobilityFlows.counts(moves, false);
    List<String> keys = new ArrayList<>(counts.keySet());
    Map<String, Integer> index = new HashMap<>();
    long[] values = new long[keys.size()];
    for (int i = 0; i < keys.size(); i++) {
      index.put(keys.get(i), i);
      values[i] = counts.get(keys.get(i));
    }
    List<Suppression.Relation> relations = new ArrayList<>();
    for (String[] s : MobilityFlows.sums(counts, Map.of())) {
      int[] parts = new int[s.length - 1];
      for (int i = 1; i < s.length; i++) {
        parts[i - 1] = index.get(s[i]);
      }
      relations.add(new Suppression.Relation(index.get(s[0]), parts));
    }
    long t0 = System.nanoTime();
    boolean[] hidden = rule.apply(values, relations);
    double ms = (System.nanoTime() - t0) / 1e6;
    int shown = 0;
    int flows = 0;
    long lost = 0;
    for (int i = 0; i < keys.size(); i++) {
      if (!hidden[i]) {
        shown++;
        if (keys.get(i).startsWith("flow|") && keys.get(i).split("\\|").length == 3) {
          flows++;
        }
      } else if (values[i] >= ExpertMobility.MINIMUM) {
        lost += values[i];
      }
    }
    boolean safe = true;
    for (boolean d : Suppression.determined(hidden, relations, values.length)) {
      safe &= !d;
    }
    return new Outcome(shown, flows, lost, hidden[index.get("all")], ms, safe);
  }

  private static List<MobilityFlows.Move> moves(
      SplittableRandom random,
      int size,
      List<String> regions,
      double[] out,
      double[] in,
      List<String> subMajors,
      double[] groups) {
    List<MobilityFlows.Move> moves = new ArrayList<>();
    while (moves.size() < size) {
      int from = pick(random, out);
      int to = pick(random, in);
      if (from != to) {
        moves.add(
            new MobilityFlows.Move(
                regions.get(from), regions.get(to), subMajors.get(pick(random, groups))));
      }
    }
    return moves;
  }

  private static int pick(SplittableRandom random, double[] weights) {
    double total = 0;
    for (double w : weights) {
      total += w;
    }
    double u = random.nextDouble() * total;
    for (int i = 0; i < weights.length; i++) {
      u -= weights[i];
      if (u < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  private static double percentile(double[] values, int p) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
