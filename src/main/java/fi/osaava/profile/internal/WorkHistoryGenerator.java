package fi.osaava.profile.internal;

import fi.osaava.profile.ConsentPurpose;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.SyntheticWorkHistories;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.TaxonomyApi;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** {@link SyntheticWorkHistories}: people marked synthetic, their jobs and their consents. */
@Component
class WorkHistoryGenerator implements SyntheticWorkHistories {

  /** Towns that draw movers (Helsinki, Espoo, Tampere, Turku, Oulu, Jyväskylä, Kuopio). */
  private static final List<String> MAGNETS =
      List.of("091", "049", "837", "853", "564", "179", "297");

  private final JdbcClient jdbc;
  private final JdbcTemplate batches;
  private final Consents consents;
  private final RegionsApi regions;
  private final TaxonomyApi taxonomy;
  private final Clock clock;

  WorkHistoryGenerator(
      JdbcClient jdbc,
      JdbcTemplate batches,
      Consents consents,
      RegionsApi regions,
      TaxonomyApi taxonomy,
      Clock clock) {
    this.jdbc = jdbc;
    this.batches = batches;
    this.consents = consents;
    this.regions = regions;
    this.taxonomy = taxonomy;
    this.clock = clock;
  }

  @Override
  @Transactional
  public Generated generate(int count, long seed) {
    List<String> municipalities =
        regions.areas(AreaLevel.MUNICIPALITY).stream().map(Area::code).sorted().toList();
    Map<String, String> regionOf = new HashMap<>();
    Map<String, List<String>> inRegion = new TreeMap<>();
    for (Area m : regions.areas(AreaLevel.MUNICIPALITY)) {
      regionOf.put(m.code(), m.regionCode());
      inRegion.computeIfAbsent(m.regionCode(), r -> new ArrayList<>()).add(m.code());
    }
    inRegion.values().forEach(list -> list.sort(Comparator.naturalOrder()));
    if (municipalities.isEmpty()) {
      throw new IllegalStateException("import the regions first (./osaava import regions)");
    }
    List<String> occupations = occupations(seed);
    Random random = new Random(seed);
    // The mobility page publishes complete calendar years only, by this same clock.
    LocalDate thisYear = LocalDate.now(clock).withDayOfYear(1);
    int consenting = 0;
    for (int i = 0; i < count; i++) {
      boolean consents = random.nextInt(5) > 0;
      int jobs = 2 + random.nextInt(3);
      // Backwards from the latest job, which started in a complete year, never the current one
      // (it is not published): for two in three people in the last complete year, the page's
      // default, so that a single year has enough people to publish flows; for the others in the
      // four years before, so that the earlier years offered have some.
      List<LocalDate> starts = new ArrayList<>();
      LocalDate start =
          thisYear.minusMonths(
              random.nextInt(3) > 0 ? 1 + random.nextInt(12) : 13 + random.nextInt(48));
      for (int j = 0; j < jobs; j++) {
        starts.addFirst(start);
        start = start.minusMonths(12 + random.nextInt(48));
      }
      List<String> places = new ArrayList<>();
      List<@Nullable String> held = new ArrayList<>();
      @Nullable String occupation = occupations.isEmpty() ? null : pick(occupations, random);
      for (int j = 0; j < jobs; j++) {
        // Half start anywhere; most moves go to a larger town, a quarter stay in the region (to its
        // larger town where it has one, else anywhere in it: often another sub-region, which the
        // mobility page's sub-region section needs); an occupation mostly stays.
        if (j > 0 && random.nextInt(4) == 0) {
          String region = regionOf.getOrDefault(places.get(j - 1), "");
          List<String> towns =
              MAGNETS.stream().filter(m -> region.equals(regionOf.get(m))).toList();
          places.add(
              !towns.isEmpty() && random.nextBoolean()
                  ? pick(towns, random)
                  : pick(inRegion.getOrDefault(region, municipalities), random));
        } else {
          boolean magnet = j == 0 ? random.nextBoolean() : random.nextInt(3) > 0;
          String place =
              magnet ? MAGNETS.get(random.nextInt(MAGNETS.size())) : pick(municipalities, random);
          places.add(municipalities.contains(place) ? place : pick(municipalities, random));
        }
        if (j > 0 && !occupations.isEmpty() && random.nextInt(4) == 0) {
          occupation = pick(occupations, random);
        }
        held.add(occupation);
      }
      // A UUID from the seed and index, so that a second run with the same seed adds nobody new.
      UUID id = new UUID(0x5157_4848L << 32 | seed, i);
      int inserted =
          jdbc.sql(
                  "INSERT INTO profile_person (id, synthetic) VALUES (?, true)"
                      + " ON CONFLICT DO NOTHING")
              .param(id)
              .update();
      if (inserted == 0) {
        continue;
      }
      for (int j = 0; j < jobs; j++) {
        jdbc.sql(
                "INSERT INTO profile_experience (id, person_id, kind, organisation, title,"
                    + " start_date, end_date, description, occupation_uri, municipality_code)"
                    + " VALUES (?, ?, 'WORK', ?, ?, ?, ?, ?, ?, ?)")
            .param(UUID.randomUUID())
            .param(id)
            .param("Synthetic employer " + (1 + random.nextInt(500)))
            .param("Synthetic job " + (j + 1))
            .param(starts.get(j))
            .param(j == jobs - 1 ? null : starts.get(j + 1).minusDays(1))
            .param("Synthetic work history for demonstration")
            .param(held.get(j))
            .param(places.get(j))
            .update();
      }
      if (consents) {
        this.consents.decide(new PersonId(id), ConsentPurpose.ANONYMISED_STATISTICS, true);
        consenting++;
      }
    }
    return new Generated(count, consenting);
  }

  @Override
  @Transactional
  public List<PersonId> generateWithSkills(int count, int skills, long seed) {
    List<String> all = new ArrayList<>();
    taxonomy.forEachConcept(Set.of(ConceptType.SKILL), c -> all.add(c.uri().value()));
    if (all.size() < skills) {
      throw new IllegalStateException(
          "only " + all.size() + " ESCO skills; import ESCO first (./osaava import esco)");
    }
    all.sort(Comparator.naturalOrder());
    Random random = new Random(seed);
    List<String> levels = List.of("BASIC", "INTERMEDIATE", "ADVANCED", "EXPERT");
    List<PersonId> made = new ArrayList<>(count);
    // Batches of 500 people: tens of thousands of single-row inserts would dominate a benchmark's
    // set-up on a shared machine.
    for (int from = 0; from < count; from += 500) {
      List<Object[]> people = new ArrayList<>();
      List<Object[]> jobs = new ArrayList<>();
      List<Object[]> skillRows = new ArrayList<>();
      for (int i = from; i < Math.min(count, from + 500); i++) {
        // Another namespace than generate's people, from the seed and index as there.
        UUID id = new UUID(0x534B_494CL << 32 | seed, i);
        UUID job = new UUID(0x4A4F_4200L << 32 | seed, i);
        made.add(new PersonId(id));
        people.add(new Object[] {id});
        jobs.add(
            new Object[] {
              job,
              id,
              "Synthetic employer " + (1 + random.nextInt(500)),
              LocalDate.of(2010 + random.nextInt(15), 1 + random.nextInt(12), 1)
            });
        Set<String> chosen = new java.util.LinkedHashSet<>();
        while (chosen.size() < skills) {
          chosen.add(pick(all, random));
        }
        for (String skill : chosen) {
          skillRows.add(new Object[] {UUID.randomUUID(), id, skill, job, pick(levels, random)});
        }
      }
      batches.batchUpdate(
          "INSERT INTO profile_person (id, synthetic) VALUES (?, true) ON CONFLICT DO NOTHING",
          people);
      batches.batchUpdate(
          "INSERT INTO profile_experience (id, person_id, kind, organisation, title, start_date,"
              + " description) VALUES (?, ?, 'WORK', ?, 'Synthetic job', ?,"
              + " 'Synthetic work history for benchmarks') ON CONFLICT DO NOTHING",
          jobs);
      batches.batchUpdate(
          "INSERT INTO profile_skill (id, person_id, skill_uri, label, source_kind, experience_id,"
              + " source_label, evidence, proficiency) VALUES (?, ?, ?, 'synthetic', 'EXPERIENCE',"
              + " ?, 'Synthetic job', 'synthetic', ?) ON CONFLICT DO NOTHING",
          skillRows);
    }
    return made;
  }

  private static <T> T pick(List<T> list, Random random) {
    return list.get(random.nextInt(list.size()));
  }

  /** A few dozen ESCO occupations with an ISCO group, the same for a seed; none without ESCO. */
  private List<String> occupations(long seed) {
    List<String> all = new ArrayList<>();
    taxonomy.forEachConcept(
        Set.of(ConceptType.OCCUPATION),
        c -> {
          if (c.iscoCode() != null) {
            all.add(c.uri().value());
          }
        });
    all.sort(Comparator.naturalOrder());
    java.util.Collections.shuffle(all, new Random(seed));
    return all.subList(0, Math.min(40, all.size()));
  }
}
