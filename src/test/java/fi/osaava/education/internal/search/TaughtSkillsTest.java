package fi.osaava.education.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fi.osaava.education.CatalogueChanged;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationTestData;
import fi.osaava.education.internal.SkillBackfill;
import fi.osaava.platform.DataChanged;
import fi.osaava.web.WebTestBase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The copy in memory of the offerings' skills answers exactly as the database query it replaces,
 * the oracle: random sets of taught (and unknown) skills with random weights, thresholds and
 * limits, seeded. And a change of the catalogue is heard and read again without a search asking.
 */
class TaughtSkillsTest extends WebTestBase {

  @Autowired EducationCatalogue catalogue;
  @Autowired SkillBackfill backfill;
  @Autowired TaughtSkills taught;
  @Autowired JdbcTemplate jdbc;
  @Autowired ApplicationEventPublisher events;

  @BeforeEach
  void importCatalogue() {
    EducationTestData.ensureImported(catalogue);
    backfill.runToCompletion();
  }

  @Test
  void theCopyAnswersAsTheDatabase() {
    List<String> skills =
        jdbc.queryForList(
            "select distinct skill_uri from education_offering_skill order by 1", String.class);
    assertThat(skills).as("the test catalogue teaches skills").hasSizeGreaterThan(20);
    taught.readNow();
    Random random = new Random(20261207);
    int nonEmpty = 0;
    for (int round = 0; round < 60; round++) {
      List<String> shuffled = new ArrayList<>(skills);
      Collections.shuffle(shuffled, random);
      int n = 1 + random.nextInt(30);
      List<String> chosen = new ArrayList<>(shuffled.subList(0, n));
      if (random.nextInt(4) == 0) {
        chosen.add("http://data.europa.eu/esco/skill/not-taught-" + round);
      }
      String[] uris = chosen.toArray(String[]::new);
      double[] weights = new double[uris.length];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = random.nextBoolean() ? 1.0 : 0.05 + random.nextDouble() * 0.5;
      }
      double enough = random.nextBoolean() ? RelatedSkills.ENOUGH : random.nextDouble();
      int max = random.nextBoolean() ? RelatedSkills.MAX_OFFERINGS : 1 + random.nextInt(10);

      List<UUID> expected = taught.fromDatabase(uris, weights, enough, max);
      assertThat(taught.current()).as("no change since the copy was read").isTrue();
      assertThat(taught.offerings(uris, weights, enough, max))
          .as("round %d: %d skills, enough %.3f, at most %d", round, uris.length, enough, max)
          .containsExactlyElementsOf(expected);
      if (!expected.isEmpty()) {
        nonEmpty++;
      }
    }
    assertThat(nonEmpty).as("rounds where some offering teaches enough").isGreaterThan(20);
  }

  @Test
  void aChangeOfTheCatalogueIsReadAgainInTheBackground() {
    taught.readNow();
    long before = taught.changesHeard();

    events.publishEvent(new DataChanged("something-else", false));
    assertThat(taught.changesHeard()).as("another dataset's change").isEqualTo(before);

    events.publishEvent(new DataChanged(CatalogueChanged.DATASET, true));
    assertThat(taught.changesHeard())
        .as("a change of the catalogue elsewhere")
        .isEqualTo(before + 1);
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(() -> assertThat(taught.current()).as("read again, unasked").isTrue());
  }
}
