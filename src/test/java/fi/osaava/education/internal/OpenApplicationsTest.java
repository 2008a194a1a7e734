package fi.osaava.education.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.education.internal.search.EducationIndexer;
import fi.osaava.education.internal.search.EducationQuery;
import fi.osaava.education.internal.search.EducationQuery.SortOrder;
import fi.osaava.education.internal.search.EducationSearchService;
import fi.osaava.education.internal.search.Facet;
import fi.osaava.education.internal.web.EducationPush;
import fi.osaava.platform.Language;
import fi.osaava.web.FixedClock;
import fi.osaava.web.WebTestBase;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "Application open now" is indexed as of an offering's last indexing, and the round re-indexes the
 * offerings whose period opened or closed since its last mark. The test context's clock stands
 * still, so the passing of time is played the other way round: an offering is indexed with its
 * application opening in an hour (not open), then its period is moved an hour into the past in the
 * table alone, as if the clock had passed the start since it was indexed. The index is then stale
 * until the round re-indexes it.
 */
class OpenApplicationsTest extends WebTestBase {

  @Autowired EducationPush push;
  @Autowired EducationSearchService search;
  @Autowired OpenApplications openApplications;
  @Autowired JdbcClient jdbc;
  @Autowired EducationIndexer indexer;

  private static final String DOCUMENT =
      """
      {"@context": "https://schema.org", "@graph": [
        {"@type": "Course", "@id": "https://courses.example.fi/%1$s",
         "name": {"@language": "fi", "@value": "Sammalpuutarhan hoito %1$s"},
         "educationalLevel": "MOOC", "provider": {"name": "Sammalopisto"},
         "hasCourseInstance": [{"@type": "CourseInstance", "courseMode": "online",
           "startDate": "2099-03-01",
           "offers": {"price": 0, "validFrom": "2099-01-01", "validThrough": "2099-02-01"}}]}
      ]}
      """;

  @Test
  void aRoundIndexesTheOfferingsWhosePeriodOpenedOrClosedSinceItsMark() {
    Instant now = FixedClock.NOW;
    UUID opening = pushed("avautuva");
    UUID later = pushed("myohempi");
    setPeriod(opening, now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    setPeriod(later, now.plus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    reindex(opening, later);
    assertThat(search.search(sammal(false)).openNow()).isZero();

    // The clock "passed" the first one's start an hour ago; the second opens in three hours.
    setPeriod(opening, now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(30)));
    setPeriod(later, now.plus(Duration.ofHours(3)), now.plus(Duration.ofDays(30)));
    assertThat(search.search(sammal(false)).openNow())
        .as("until the round, the index holds what was open when it was indexed")
        .isZero();

    jdbc.sql("delete from education_open_applications_round").update();
    jdbc.sql("insert into education_open_applications_round (refreshed_to) values (?)")
        .param(Timestamp.from(now.minus(Duration.ofHours(2))))
        .update();
    assertThat(openApplications.changedBetween(now.minus(Duration.ofHours(2)), now))
        .contains(opening)
        .doesNotContain(later);
    assertThat(openApplications.refresh()).isPositive();

    assertThat(search.search(sammal(false)).openNow()).isEqualTo(1);
    assertThat(search.search(sammal(true)).total()).isEqualTo(1);
    assertThat(
            jdbc.sql("select refreshed_to from education_open_applications_round")
                .query(Timestamp.class)
                .single()
                .toInstant())
        .isEqualTo(now);
    // The mark is now: nothing more is due until the clock moves.
    assertThat(openApplications.refresh()).isZero();
  }

  private UUID pushed(String name) {
    push.publish(DOCUMENT.formatted(name).getBytes(StandardCharsets.UTF_8));
    return jdbc.sql("select id from education_offering where source_id like ?")
        .param("%" + name)
        .query(UUID.class)
        .single();
  }

  private void setPeriod(UUID offering, Instant start, Instant end) {
    jdbc.sql(
            "update education_implementation set application_start = ?, application_end = ?"
                + " where offering_id = ?")
        .params(Timestamp.from(start), Timestamp.from(end), offering)
        .update();
  }

  private void reindex(UUID... offerings) {
    indexer.reindex(Set.of(offerings));
  }

  private static EducationQuery sammal(boolean openNow) {
    return new EducationQuery(
        "sammalpuutarhan",
        null,
        Map.of(Facet.PROVIDER, Set.of("Sammalopisto")),
        openNow,
        Set.of(),
        SortOrder.RELEVANCE,
        0,
        10,
        Language.FI);
  }
}
