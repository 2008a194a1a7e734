package fi.osaava.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.labourmarket.JobAdId;
import fi.osaava.labourmarket.MatchableJobAd;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptUri;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

/**
 * Opportunity filters and goals through the inverted index, against an oracle that applies the
 * opportunities page's rules to each pair directly: regions ORed (a remote ad passes any region),
 * remote only, language, and a goal's occupation. Seeded random filters and ads.
 */
class JobAdMatchingTest {

  private static final List<String> REGIONS = List.of("01", "02", "06", "11", "19");
  private static final List<Language> LANGUAGES = List.of(Language.FI, Language.SV, Language.EN);

  @Test
  void theIndexFindsExactlyThePairsThePageRulesFind() {
    Random random = new Random(17);
    List<UUID> occupations = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      occupations.add(new UUID(0, i + 1L));
    }
    List<SavedSearches.SavedSearch> searches = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      Map<String, Set<String>> facets = new HashMap<>();
      String kind = random.nextInt(3) == 0 ? SavedSearches.GOAL : SavedSearches.OPPORTUNITY;
      if (kind.equals(SavedSearches.GOAL)) {
        facets.put(SavedSearches.GOAL, Set.of(pick(random, occupations).toString()));
      } else {
        Set<String> regions = new HashSet<>();
        for (int r = random.nextInt(3); r > 0; r--) {
          regions.add(pick(random, REGIONS));
        }
        if (!regions.isEmpty()) {
          facets.put("region", regions);
        }
        if (random.nextInt(4) == 0) {
          facets.put("remote", Set.of("true"));
        }
        if (random.nextInt(3) == 0) {
          facets.put("language", Set.of(pick(random, LANGUAGES).code()));
        }
      }
      searches.add(
          new SavedSearches.SavedSearch(
              new UUID(1, i), new UUID(2, i), kind, "", facets, Instant.EPOCH));
    }
    AlertIndex<SavedSearches.SavedSearch> index = new AlertIndex<>(JobAdAlerts.ANCHOR_FACETS);
    searches.forEach(s -> index.add(s, JobAdAlerts.query(s)));

    int pairs = 0;
    for (int i = 0; i < 300; i++) {
      UUID occupation = random.nextInt(5) == 0 ? null : pick(random, occupations);
      String region = random.nextInt(6) == 0 ? null : pick(random, REGIONS);
      MatchableJobAd ad =
          new MatchableJobAd(
              new JobAdId(new UUID(3, i)),
              "ad " + i,
              pick(random, LANGUAGES),
              occupation == null ? null : ConceptUri.escoOccupation(occupation),
              Set.of(),
              null,
              region,
              random.nextInt(4) == 0,
              LocalDate.of(2026, 12, 1),
              null,
              false);
      Set<SavedSearches.SavedSearch> expected = new HashSet<>();
      for (SavedSearches.SavedSearch search : searches) {
        if (oracle(search, ad, occupation)) {
          expected.add(search);
        }
      }
      List<SavedSearches.SavedSearch> found = index.matches(JobAdAlerts.item(ad));
      // A remote ad has its region and the any-region value: a filter under both is found once.
      assertThat(found).as("ad " + i).doesNotHaveDuplicates();
      assertThat(new HashSet<>(found)).as("ad " + i).isEqualTo(expected);
      pairs += expected.size();
    }
    assertThat(pairs).as("the workload has matches to find").isGreaterThan(1000);
  }

  /** The page's rules, one pair at a time. */
  private static boolean oracle(
      SavedSearches.SavedSearch search, MatchableJobAd ad, @Nullable UUID occupation) {
    Map<String, Set<String>> f = search.facets();
    if (search.kind().equals(SavedSearches.GOAL)) {
      return occupation != null && f.get(SavedSearches.GOAL).contains(occupation.toString());
    }
    if (f.containsKey("remote") && !ad.remote()) {
      return false;
    }
    if (f.containsKey("region")
        && !ad.remote()
        && (ad.regionCode() == null || !f.get("region").contains(ad.regionCode()))) {
      return false;
    }
    return !f.containsKey("language") || f.get("language").contains(ad.language().code());
  }

  private static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }
}
