package fi.osaava.education.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.education.EducationImportReport;
import fi.osaava.education.internal.search.EducationQuery;
import fi.osaava.education.internal.search.EducationQuery.SortOrder;
import fi.osaava.education.internal.search.EducationSearchResult;
import fi.osaava.education.internal.search.EducationSearchService;
import fi.osaava.education.internal.search.Facet;
import fi.osaava.education.internal.web.EducationPush;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.web.WebTestBase;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The providers' push ingestion on the real database (the bearer-token check of the HTTP endpoint
 * belongs to the web shell): a JSON-LD course with an open application period becomes searchable
 * with its facets; a malformed record refuses the whole document, named by its line and field.
 */
class EducationPushTest extends WebTestBase {

  @Autowired EducationPush push;
  @Autowired EducationSearchService search;

  private static final String BROKEN =
      """
          {"@type": "Course", "@id": "https://courses.example.fi/broken",
           "name": "Rikki", "numberOfCredits": "viisi"},
      """;

  @Test
  void pushedCourseIsSearchableWithItsFacets() {
    String withBroken =
"""
        {"@context": "https://schema.org", "@graph": [
          {"@type": "Course", "@id": "https://courses.example.fi/kvanttilaskenta-101",
           "name": [{"@language": "fi", "@value": "Kvanttilaskennan perusteet"},
                    {"@language": "en", "@value": "Quantum computing basics"}],
           "description": "Kurssilla opit kvanttitietokoneiden ohjelmoinnin perusteet.",
           "educationalLevel": "MOOC", "numberOfCredits": 5, "timeRequired": "P2M",
           "provider": {"@id": "https://example.fi", "name": "Esimerkkiopisto"},
           "hasCourseInstance": [{"@type": "CourseInstance", "courseMode": "online",
             "inLanguage": ["fi", "en"], "startDate": "2099-01-15",
             "offers": {"price": 0, "validFrom": "2020-01-01", "validThrough": "2099-01-10"}}]},
%s          {"@type": "Course", "@id": "https://courses.example.fi/kvanttilaskenta-201",
           "name": {"@language": "fi", "@value": "Kvanttilaskennan jatkokurssi"},
           "educationalLevel": "MOOC", "provider": {"name": "Esimerkkiopisto"},
           "hasCourseInstance": [
             {"@type": "CourseInstance", "courseMode": "online", "startDate": "2021-02-01",
              "offers": {"price": 0, "validFrom": "2020-01-01", "validThrough": "2021-01-10"}},
             {"@type": "CourseInstance", "courseMode": "online", "startDate": "2099-02-01",
              "offers": {"price": 0, "validFrom": "2098-01-01", "validThrough": "2099-01-10"}}]}
        ]}
        """
            .formatted(BROKEN);
    // A document is all or nothing: the broken record refuses it, named by its line and field.
    assertThatThrownBy(() -> push.publish(withBroken.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.line()).isEqualTo(11);
              assertThat(e.field()).isEqualTo("numberOfCredits");
            });
    assertThat(search.search(kvanttilaskenta(false)).total()).isZero();

    String document = withBroken.replace(BROKEN, "");
    EducationImportReport report = push.publish(document.getBytes(StandardCharsets.UTF_8));
    assertThat(report.records()).isEqualTo(2);

    EducationSearchResult result =
        search.search(
            new EducationQuery(
                "kvanttilaskentaa",
                null,
                Map.of(
                    Facet.LEVEL, Set.of("MOOC"),
                    Facet.LOCATION, Set.of("online"),
                    Facet.COST, Set.of("free")),
                true,
                Set.of(),
                SortOrder.RELEVANCE,
                0,
                10,
                Language.FI));
    assertThat(result.total()).isEqualTo(1);
    assertThat(result.hits().getFirst().titles()).containsEntry("en", "Quantum computing basics");
    assertThat(result.openNow()).isEqualTo(1);
    assertThat(result.facets().get(Facet.EXTENT))
        .anySatisfy(c -> assertThat(c.value()).isEqualTo("5-15"));

    // "Open now" needs one implementation whose application has started and not ended: the
    // follow-up course has an ended and a future application period, so it is not open.
    EducationSearchResult both = search.search(kvanttilaskenta(false));
    assertThat(both.total()).isEqualTo(2);
    assertThat(both.openNow()).isEqualTo(1);
    assertThat(search.search(kvanttilaskenta(true)).total()).isEqualTo(both.openNow());

    // Pushing the same document again changes nothing.
    EducationImportReport again = push.publish(document.getBytes(StandardCharsets.UTF_8));
    assertThat(again.changed()).isZero();
  }

  private static EducationQuery kvanttilaskenta(boolean openNow) {
    return new EducationQuery(
        "kvanttilaskenta",
        null,
        Map.of(Facet.PROVIDER, Set.of("Esimerkkiopisto")),
        openNow,
        Set.of(),
        SortOrder.RELEVANCE,
        0,
        10,
        Language.FI);
  }
}
