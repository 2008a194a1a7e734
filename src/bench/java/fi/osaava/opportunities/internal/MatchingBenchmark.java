package fi.osaava.opportunities.internal;

import fi.osaava.opportunities.internal.engine.GapFinder;
import fi.osaava.opportunities.internal.engine.GapSkill;
import fi.osaava.opportunities.internal.engine.JobAdEntry;
import fi.osaava.opportunities.internal.engine.MatchIndex;
import fi.osaava.opportunities.internal.engine.MatchProfile;
import fi.osaava.opportunities.internal.engine.MatchQuery;
import fi.osaava.opportunities.internal.engine.Matcher;
import fi.osaava.opportunities.internal.engine.OccupationEntry;
import fi.osaava.opportunities.internal.engine.OfferingEntry;
import fi.osaava.opportunities.internal.engine.PathComposer;
import fi.osaava.opportunities.internal.engine.PathConstraints;
import fi.osaava.opportunities.internal.engine.SyntheticOfferings;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import org.springframework.stereotype.Component;

/**
 * {@code ./osaava bench matching}: server-side latency of ranking every occupation, job ad and
 * offering for one profile, against a plain overlap ranking of the same items; and of composing a
 * path for a 50-skill gap, against the peer's greedy ratio selection, both over a catalogue topped
 * up with synthetic offerings (generated from ESCO occupations' skill sets, flagged synthetic) to
 * {@code offerings=N} (default 100,000).
 *
 * <p>Options: {@code offerings=N}, {@code profiles=N} (default 300), {@code paths=N} (default 60),
 * {@code seed=S}. Wall-clock and per-thread CPU time are both reported: the machine is shared.
 */
@Component
class MatchingBenchmark implements Benchmark {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final MatchingData data;

  MatchingBenchmark(MatchingData data) {
    this.data = data;
  }

  @Override
  public String name() {
    return "matching";
  }

  @Override
  public String description() {
    return "Ranking and path latency over ~3,000 occupations and 100,000 offerings vs baselines";
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    int total = Integer.parseInt(options.getOrDefault("offerings", "100000"));
    int profiles = Integer.parseInt(options.getOrDefault("profiles", "300"));
    int paths = Integer.parseInt(options.getOrDefault("paths", "60"));
    long seed = Long.parseLong(options.getOrDefault("seed", "20261122"));
    MatchIndex base = data.current();
    List<OfferingEntry> offerings = new ArrayList<>(base.offerings());
    int synthetic = Math.max(0, total - offerings.size());
    offerings.addAll(
        SyntheticOfferings.generate(base.occupations(), synthetic, seed, LocalDate.now()));
    MatchIndex index =
        new MatchIndex(
            base.graph(), base.occupations(), base.jobAds(), offerings, base.skillDemand());
    progress.report(
        "index: "
            + index.occupations().size()
            + " occupations, "
            + index.jobAds().size()
            + " job ads, "
            + offerings.size()
            + " offerings ("
            + synthetic
            + " synthetic)");
    Matcher matcher = new Matcher(index);
    SplittableRandom random = new SplittableRandom(seed);
    List<MatchProfile> people = new ArrayList<>();
    for (int i = 0; i < profiles; i++) {
      OccupationEntry o = index.occupations().get(random.nextInt(index.occupations().size()));
      int[] pool = concat(o.essential(), o.optional());
      int keep = Math.max(1, (int) Math.round(pool.length * 0.7));
      people.add(
          MatchProfile.of(
              index.graph(),
              sample(pool, keep, random),
              new int[0],
              new int[0],
              Map.of('S', 1.0, 'I', 0.5)));
    }
    MatchQuery query = MatchQuery.defaults(Set.of(), 20);
    for (int i = 0; i < Math.min(30, people.size()); i++) {
      matcher.rank(people.get(i), query);
      overlapTop(index, people.get(i), 20);
    }
    Timings osaava = new Timings();
    Timings overlap = new Timings();
    for (MatchProfile person : people) {
      osaava.time(() -> matcher.rank(person, query));
      overlap.time(() -> overlapTop(index, person, 20));
    }
    progress.report("ranking done");
    PathComposer composer = new PathComposer(index, OpportunityService.SOLVE_LIMIT);
    GapFinder gaps = new GapFinder(index);
    Timings path = new Timings();
    Timings greedy = new Timings();
    double pathCoverage = 0;
    double greedyCoverage = 0;
    double pathCredits = 0;
    double greedyCredits = 0;
    int timeLimits = 0;
    int candidates = 0;
    int pruned = 0;
    MatchProfile nobody =
        MatchProfile.of(index.graph(), new int[0], new int[0], new int[0], Map.of());
    for (int i = 0; i < paths; i++) {
      int[] skills = fiftySkills(index, random);
      List<GapSkill> gap = gaps.gap(skills, new int[0], nobody, null);
      PathConstraints limits = PathConstraints.credits(60);
      PathComposer.PathResult[] result = new PathComposer.PathResult[1];
      PathComposer.PathPlan[] baseline = new PathComposer.PathPlan[1];
      path.time(() -> result[0] = composer.compose(gap, limits));
      greedy.time(() -> baseline[0] = composer.greedyRatio(gap, limits));
      pathCoverage += result[0].best().coverageShare(gap.size());
      greedyCoverage += baseline[0].coverageShare(gap.size());
      pathCredits += result[0].best().credits();
      greedyCredits += baseline[0].credits();
      timeLimits += result[0].best().outcome().timeLimitHit() ? 1 : 0;
      candidates += result[0].candidates();
      pruned += result[0].afterPruning();
    }
    progress.report("paths done");
    String markdown =
        String.format(
            Locale.ROOT,
            """
            Index: %d occupations, %d job ads, %d offerings (%d of them synthetic, generated from \
            ESCO occupations' skill sets). %d profiles (70%% of an occupation's skills), ranking \
            all kinds, page of 20. %d cores, load average %.2f at the end (the benchmark's own \
            thread included): CPU time of the calling thread is reported beside wall-clock time.

            | ranking | p50 ms | p95 ms | p99 ms | p95 CPU ms |
            |---|---|---|---|---|
            | Osaava (scoring model with ESCO proximity, interests, demand) | %.1f | %.1f | %.1f | %.1f |
            | plain overlap baseline (count of held skills, same top 20) | %.1f | %.1f | %.1f | %.1f |

            Paths: %d gaps of 50 skills, 60-credit budget; on average %d offerings cover a gap \
            skill, %d remain after pruning. Solver stopped by its time limit in %d of %d.

            | path | p50 ms | p95 ms | p95 CPU ms | gap coverage | credits |
            |---|---|---|---|---|---|
            | Osaava (CP-SAT: path + cheapest + fastest) | %.1f | %.1f | %.1f | %.3f | %.1f |
            | greedy by peer ratio (one path) | %.1f | %.1f | %.1f | %.3f | %.1f |
            """,
            index.occupations().size(),
            index.jobAds().size(),
            offerings.size(),
            synthetic,
            profiles,
            Runtime.getRuntime().availableProcessors(),
            ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
            osaava.percentile(0.5),
            osaava.percentile(0.95),
            osaava.percentile(0.99),
            osaava.cpuPercentile(0.95),
            overlap.percentile(0.5),
            overlap.percentile(0.95),
            overlap.percentile(0.99),
            overlap.cpuPercentile(0.95),
            paths,
            candidates / Math.max(1, paths),
            pruned / Math.max(1, paths),
            timeLimits,
            paths,
            path.percentile(0.5),
            path.percentile(0.95),
            path.cpuPercentile(0.95),
            pathCoverage / paths,
            pathCredits / paths,
            greedy.percentile(0.5),
            greedy.percentile(0.95),
            greedy.cpuPercentile(0.95),
            greedyCoverage / paths,
            greedyCredits / paths);
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("rankingP95Ms", osaava.percentile(0.95));
    metrics.put("overlapP95Ms", overlap.percentile(0.95));
    metrics.put("pathP95Ms", path.percentile(0.95));
    metrics.put("greedyP95Ms", greedy.percentile(0.95));
    metrics.put("pathCoverage", pathCoverage / paths);
    metrics.put("greedyCoverage", greedyCoverage / paths);
    return new Report(markdown, metrics);
  }

  /** Skills of a random occupation and of others in its ISCO group, up to 50. */
  private static int[] fiftySkills(MatchIndex index, SplittableRandom random) {
    List<OccupationEntry> occupations = index.occupations();
    OccupationEntry first = occupations.get(random.nextInt(occupations.size()));
    Set<Integer> skills = new LinkedHashSet<>();
    Arrays.stream(first.essential()).forEach(skills::add);
    Arrays.stream(first.optional()).forEach(skills::add);
    int tries = 0;
    while (skills.size() < 50 && tries++ < 2000) {
      OccupationEntry other = occupations.get(random.nextInt(occupations.size()));
      if (tries < 1000
          && (other.iscoGroup() == null
              || first.iscoGroup() == null
              || !other.iscoGroup().regionMatches(0, first.iscoGroup(), 0, 2))) {
        continue;
      }
      Arrays.stream(other.essential()).forEach(skills::add);
    }
    return skills.stream().limit(50).mapToInt(Integer::intValue).sorted().toArray();
  }

  /** The baseline: how many of each item's skills the person holds, top {@code k} by that. */
  static List<long[]> overlapTop(MatchIndex index, MatchProfile person, int k) {
    boolean[] held = new boolean[index.graph().size()];
    for (int s : person.held()) {
      held[s] = true;
    }
    PriorityQueue<long[]> heap = new PriorityQueue<>((a, b) -> Long.compare(a[0], b[0]));
    int position = 0;
    for (OccupationEntry o : index.occupations()) {
      offer(heap, k, count(held, o.essential()) + count(held, o.optional()), position++);
    }
    for (JobAdEntry ad : index.jobAds()) {
      offer(heap, k, count(held, ad.skills()), position++);
    }
    for (OfferingEntry offering : index.offerings()) {
      offer(heap, k, count(held, offering.skills()), position++);
    }
    return new ArrayList<>(heap);
  }

  private static void offer(PriorityQueue<long[]> heap, int k, int score, int position) {
    if (heap.size() < k) {
      heap.add(new long[] {score, position});
    } else if (score > heap.peek()[0]) {
      heap.poll();
      heap.add(new long[] {score, position});
    }
  }

  private static int count(boolean[] held, int[] skills) {
    int n = 0;
    for (int s : skills) {
      if (held[s]) {
        n++;
      }
    }
    return n;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  private static int[] sample(int[] pool, int size, SplittableRandom random) {
    int[] copy = pool.clone();
    for (int i = 0; i < size; i++) {
      int j = i + random.nextInt(copy.length - i);
      int t = copy[i];
      copy[i] = copy[j];
      copy[j] = t;
    }
    return Arrays.copyOf(copy, size);
  }

  /** Wall-clock and thread CPU milliseconds of repeated calls. */
  private static final class Timings {
    final List<Double> wall = new ArrayList<>();
    final List<Double> cpu = new ArrayList<>();

    void time(Runnable call) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      call.run();
      wall.add((System.nanoTime() - start) / 1e6);
      cpu.add((THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e6);
    }

    double percentile(double p) {
      return of(wall, p);
    }

    double cpuPercentile(double p) {
      return of(cpu, p);
    }

    private static double of(List<Double> values, double p) {
      if (values.isEmpty()) {
        return Double.NaN;
      }
      double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
      return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }
  }
}
