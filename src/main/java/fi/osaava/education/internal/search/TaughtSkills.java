package fi.osaava.education.internal.search;

import fi.osaava.education.CatalogueChanged;
import fi.osaava.platform.DataChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which active offerings teach given skills, how strongly: the related offerings of a search whose
 * words found nothing ({@link RelatedSkills}). Answered from a copy in memory of the offerings'
 * skills, by skill, so that the search's last resort costs no database round trip: as a query
 * joining the skills to {@code education_offering_skill} it read a popular skill's tens of
 * thousands of rows on every such search, some 25 ms each at 100,000 offerings and the largest part
 * of the search's tail latency (docs/benchmarks.md, issue #20).
 *
 * <p>The copy is exact or unused. Every change of the catalogue, here, beside the service or on
 * another node, is heard as a {@link DataChanged} of the catalogue's dataset (at once after the
 * commit here, within the poll interval elsewhere); from then until a new copy is read the same
 * question goes to the database as before, and a new copy is read in the background, at most once
 * every {@link #PAUSE} while changes keep coming (an ingestion of thousands of offerings would
 * otherwise keep a core reading copies).
 */
@Component
class TaughtSkills {

  private static final Logger log = LoggerFactory.getLogger(TaughtSkills.class);

  /** The least time between two copies read one after the other. */
  static final Duration PAUSE = Duration.ofSeconds(10);

  private final JdbcClient jdbc;

  /** Read-only, so that PostgreSQL hands the rows out by the fetch size instead of all at once. */
  private final TransactionTemplate readOnly;

  /** Counts the catalogue's changes heard; a copy is current while it was read after the last. */
  private final AtomicLong changes = new AtomicLong();

  private final AtomicBoolean reading = new AtomicBoolean();

  private volatile @Nullable Copy copy;

  TaughtSkills(JdbcClient jdbc, PlatformTransactionManager transactionManager) {
    this.jdbc = jdbc;
    this.readOnly = new TransactionTemplate(transactionManager);
    this.readOnly.setReadOnly(true);
  }

  /** In the service, reads the first copy once the application is ready, off the start-up path. */
  @EventListener(ApplicationReadyEvent.class)
  void warmUp(ApplicationReadyEvent event) {
    if (event.getApplicationContext() instanceof WebServerApplicationContext) {
      readInBackground();
    }
  }

  @EventListener
  void dataChanged(DataChanged event) {
    if (event.concerns(CatalogueChanged.DATASET)) {
      changes.incrementAndGet();
      readInBackground();
    }
  }

  /**
   * The active offerings whose sum over the given skills of the skill's weight times how strongly
   * the offering teaches it reaches {@code enough}, best first (ties by id), at most {@code max}.
   *
   * @param uris skill URIs
   * @param weights their weights, in the same order
   */
  List<UUID> offerings(String[] uris, double[] weights, double enough, int max) {
    Copy current = copy;
    if (current == null || current.change != changes.get()) {
      readInBackground();
      return fromDatabase(uris, weights, enough, max);
    }
    return current.offerings(uris, weights, enough, max);
  }

  /** The same question asked of the database: the answer while there is no current copy. */
  List<UUID> fromDatabase(String[] uris, double[] weights, double enough, int max) {
    Double[] boxed = Arrays.stream(weights).boxed().toArray(Double[]::new);
    return jdbc.sql(
            "select s.offering_id from education_offering_skill s"
                + " join unnest(?::text[], ?::float8[]) as w(uri, weight) on w.uri = s.skill_uri"
                + " join education_offering o on o.id = s.offering_id and o.active"
                + " group by s.offering_id having sum(w.weight * s.score) >= ?"
                + " order by sum(w.weight * s.score) desc, s.offering_id limit ?")
        .params(uris, boxed, enough, max)
        .query(UUID.class)
        .list();
  }

  /** Whether the answers come from a copy now (for tests). */
  boolean current() {
    Copy current = copy;
    return current != null && current.change == changes.get();
  }

  /** How many changes of the catalogue were heard (for tests). */
  long changesHeard() {
    return changes.get();
  }

  /** Reads a copy now, in the caller's thread (for tests and benchmarks). */
  void readNow() {
    long change = changes.get();
    copy = read(change);
  }

  private void readInBackground() {
    if (!reading.compareAndSet(false, true)) {
      return; // The reader under way reads again if a change came while it read.
    }
    Thread.ofVirtual()
        .name("education-taught-skills")
        .start(
            () -> {
              try {
                long change = changes.get();
                copy = read(change);
                while (change != changes.get()) {
                  Thread.sleep(PAUSE);
                  change = changes.get();
                  copy = read(change);
                }
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } catch (RuntimeException e) {
                // The database answers meanwhile; the next search or change tries again.
                log.warn("Offerings' skills not copied to memory: {}", e.toString());
              } finally {
                reading.set(false);
              }
            });
  }

  private Copy read(long change) {
    long started = System.nanoTime();
    Map<UUID, Integer> ordinals = new HashMap<>();
    List<UUID> ids = new ArrayList<>();
    Map<String, Postings.Builder> bySkill = new HashMap<>();
    // One statement: one consistent snapshot of the catalogue. An offering taught a skill by two
    // sources has two rows, summed as the query sums them.
    readOnly.executeWithoutResult(
        status ->
            jdbc.sql(
                    "select s.skill_uri, s.offering_id, s.score from education_offering_skill s"
                        + " join education_offering o on o.id = s.offering_id and o.active")
                .withFetchSize(10_000)
                .query(
                    (java.sql.ResultSet rs) -> {
                      UUID id = rs.getObject(2, UUID.class);
                      Integer ordinal = ordinals.get(id);
                      if (ordinal == null) {
                        ordinal = ids.size();
                        ordinals.put(id, ordinal);
                        ids.add(id);
                      }
                      bySkill
                          .computeIfAbsent(rs.getString(1), k -> new Postings.Builder())
                          .add(ordinal, rs.getFloat(3));
                    }));
    Map<String, Postings> postings = HashMap.newHashMap(bySkill.size());
    bySkill.forEach((uri, builder) -> postings.put(uri, builder.build()));
    Copy read = new Copy(change, ids.toArray(UUID[]::new), Map.copyOf(postings));
    log.info(
        "Offerings' skills in memory: {} offerings, {} skills in {} ms",
        ids.size(),
        postings.size(),
        (System.nanoTime() - started) / 1_000_000);
    return read;
  }

  /** The offerings that teach one skill, as ordinals into {@link Copy#ids}, and how strongly. */
  private record Postings(int[] offerings, float[] scores) {

    private static final class Builder {
      private int[] offerings = new int[8];
      private float[] scores = new float[8];
      private int size;

      void add(int offering, float score) {
        if (size == offerings.length) {
          offerings = Arrays.copyOf(offerings, size * 2);
          scores = Arrays.copyOf(scores, size * 2);
        }
        offerings[size] = offering;
        scores[size] = score;
        size++;
      }

      Postings build() {
        return new Postings(Arrays.copyOf(offerings, size), Arrays.copyOf(scores, size));
      }
    }
  }

  /** A copy of every active offering's skills, as it was after {@code change} changes. */
  private record Copy(long change, UUID[] ids, Map<String, Postings> postings) {

    List<UUID> offerings(String[] uris, double[] weights, double enough, int max) {
      double[] sums = new double[ids.length];
      boolean[] seen = new boolean[ids.length];
      int[] touched = new int[16];
      int count = 0;
      for (int i = 0; i < uris.length; i++) {
        Postings p = postings.get(uris[i]);
        if (p == null) {
          continue;
        }
        for (int j = 0; j < p.offerings().length; j++) {
          int o = p.offerings()[j];
          if (!seen[o]) {
            seen[o] = true;
            if (count == touched.length) {
              touched = Arrays.copyOf(touched, count * 2);
            }
            touched[count++] = o;
          }
          // As the database computes it: the real score widened to double, times the weight.
          sums[o] += weights[i] * (double) p.scores()[j];
        }
      }
      PriorityQueue<Integer> best = new PriorityQueue<>(max + 1, (a, b) -> -better(sums, a, b));
      for (int k = 0; k < count; k++) {
        int o = touched[k];
        if (sums[o] >= enough) {
          best.add(o);
          if (best.size() > max) {
            best.poll();
          }
        }
      }
      List<Integer> ordered = new ArrayList<>(best);
      ordered.sort((a, b) -> better(sums, a, b));
      return ordered.stream().map(o -> ids[o]).toList();
    }

    /** Negative when offering {@code a} ranks before {@code b}: the larger sum, then the id. */
    private int better(double[] sums, int a, int b) {
      int bySum = Double.compare(sums[b], sums[a]);
      return bySum != 0 ? bySum : compareAsDatabase(ids[a], ids[b]);
    }

    /** PostgreSQL orders uuids by their bytes, unsigned; {@link UUID#compareTo} signs them. */
    private static int compareAsDatabase(UUID a, UUID b) {
      int high = Long.compareUnsigned(a.getMostSignificantBits(), b.getMostSignificantBits());
      return high != 0
          ? high
          : Long.compareUnsigned(a.getLeastSignificantBits(), b.getLeastSignificantBits());
    }
  }
}
