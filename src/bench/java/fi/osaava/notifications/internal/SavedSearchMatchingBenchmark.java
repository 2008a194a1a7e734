package fi.osaava.notifications.internal;

import fi.osaava.education.EducationApi;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code ./osaava bench saved-searches}: 100,000 saved searches against a batch of 1,000 new
 * offerings, evaluated through the inverted {@link AlertIndex} and, as the baseline, by running
 * every search as a query over the batch. The offerings are the catalogue's real titles; the
 * searches take one or two of their words (more often the frequent ones) and zero to two facets.
 * Both must find the same (search, offering) pairs.
 */
@Component
class SavedSearchMatchingBenchmark implements Benchmark {

  private static final List<String> MODES = List.of("ON_SITE", "ONLINE", "BLENDED");
  private static final List<String> LANGUAGES = List.of("fi", "sv", "en");
  private static final List<String> REGIONS =
      List.of("01", "02", "04", "05", "06", "07", "08", "09", "10", "11", "12", "13", "14", "15");

  private final EducationApi education;

  SavedSearchMatchingBenchmark(EducationApi education) {
    this.education = education;
  }

  @Override
  public String name() {
    return "saved-searches";
  }

  @Override
  public String description() {
    return "100,000 saved searches against 1,000 new offerings: inverted index vs each search as a"
        + " query";
  }

  @Override
  public Report run(Map<String, String> options, ImportProgress progress) {
    int searchCount = Integer.parseInt(options.getOrDefault("searches", "100000"));
    int itemCount = Integer.parseInt(options.getOrDefault("items", "1000"));
    Random random = new Random(Long.parseLong(options.getOrDefault("seed", "17")));
    List<String> titles = new ArrayList<>();
    education.forEachMatchableOffering(Language.FI, o -> titles.add(o.title().text()));
    if (titles.size() < itemCount) {
      throw new IllegalStateException(
          "Need "
              + itemCount
              + " offerings, the catalogue has "
              + titles.size()
              + "; run ./osaava import education");
    }
    // Words by how many titles have them: searches pick frequent words more often.
    Map<String, Integer> frequency = new HashMap<>();
    for (String title : titles) {
      for (String word : new HashSet<>(SavedQuery.words(title))) {
        if (word.length() >= 3) {
          frequency.merge(word, 1, Integer::sum);
        }
      }
    }
    List<String> vocabulary = new ArrayList<>(frequency.keySet());
    vocabulary.sort((a, b) -> frequency.get(b) - frequency.get(a));

    List<AlertIndex.Item> items = new ArrayList<>();
    for (int i = 0; i < itemCount; i++) {
      String title = titles.get(random.nextInt(titles.size()));
      Map<String, Set<String>> facets = new HashMap<>();
      facets.put("mode", Set.of(MODES.get(random.nextInt(MODES.size()))));
      facets.put("language", Set.of(LANGUAGES.get(random.nextInt(LANGUAGES.size()))));
      facets.put("region", Set.of(REGIONS.get(random.nextInt(REGIONS.size()))));
      items.add(AlertIndex.Item.of(title, facets));
    }
    List<SavedQuery> searches = new ArrayList<>(searchCount);
    for (int i = 0; i < searchCount; i++) {
      StringBuilder words = new StringBuilder();
      int wordCount = random.nextInt(10) < 2 ? 0 : 1 + random.nextInt(2);
      for (int w = 0; w < wordCount; w++) {
        // Squared uniform: skewed towards the frequent words, as people's searches are.
        double u = random.nextDouble();
        words.append(vocabulary.get((int) (u * u * vocabulary.size()))).append(' ');
      }
      Map<String, Set<String>> facets = new HashMap<>();
      int facetCount = random.nextInt(3);
      if (facetCount > 0 || wordCount == 0) {
        facets.put("region", Set.of(REGIONS.get(random.nextInt(REGIONS.size()))));
      }
      if (facetCount > 1) {
        facets.put("mode", Set.of(MODES.get(random.nextInt(MODES.size()))));
      }
      searches.add(SavedQuery.of(words.toString(), facets));
    }
    progress.report(
        "%,d searches, %,d items, %,d distinct words"
            .formatted(searchCount, itemCount, vocabulary.size()));

    IndexAgainstQueries run = IndexAgainstQueries.run(searches, items, List.of(), progress);
    String markdown =
        String.format(
                Locale.ROOT,
                """
                %,d saved searches (80 %% with one or two words from the catalogue's real titles, \
                skewed to frequent words; 0 to 2 facets) against %,d new offerings (real titles, \
                random mode, language and region), seed %d.

                """,
                searchCount,
                itemCount,
                Long.parseLong(options.getOrDefault("seed", "17")))
            + run.markdown("offering");
    Map<String, Object> metrics = new LinkedHashMap<>();
    metrics.put("searches", searchCount);
    metrics.put("items", itemCount);
    run.addMetrics(metrics);
    return new Report(markdown, metrics);
  }
}
