package fi.osaava.opportunities.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.education.CatalogueChanged;
import fi.osaava.education.EducationApi;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationTestData;
import fi.osaava.education.MatchableOffering;
import fi.osaava.education.OfferingId;
import fi.osaava.opportunities.internal.OpportunityViews.GapItem;
import fi.osaava.opportunities.internal.OpportunityViews.PathOption;
import fi.osaava.opportunities.internal.OpportunityViews.PathStep;
import fi.osaava.opportunities.internal.OpportunityViews.PathView;
import fi.osaava.opportunities.internal.engine.PathConstraints;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.web.WebTestBase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Paths on the real national catalogue (degree programmes, vocational qualification units,
 * competence badges) with their identified skills: every step of every option is a step towards the
 * goal by this test's own count (it teaches a skill the goal requires and the person misses, or
 * mostly skills the goal misses), and every limit holds. The catalogue has no hospitality
 * qualification: before the relevance floor, a cook's 30-credit path was a spare-parts store unit
 * and a hiking guide's unit; a practical nurse's comes from the social and health care units.
 */
class PathRelevanceTest extends WebTestBase {

  @Autowired OpportunityService opportunities;
  @Autowired EducationApi education;
  @Autowired EducationCatalogue catalogue;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  @BeforeEach
  void catalogueWithSkills() {
    EducationTestData.ensureImported(catalogue);
    education.identifyPendingSkills();
    transactions.executeWithoutResult(status -> events.publishEvent(new CatalogueChanged(0)));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "kock, 1009be17-7efd-45f1-a033-566bf179c588, false",
    "köksbiträde, e1cf6897-158d-4b48-a39e-2a3a8cac216c, false",
    "lähihoitaja, d38c2107-98f2-47b7-8bb4-f69750d51082, true"
  })
  void everyStepOfA30CreditPathIsAStepTowardsTheGoal(String name, String goal, boolean steps) {
    PersonInput nobody = new PersonInput(Set.of(), Set.of(), Set.of(), Map.of());
    PathView path =
        opportunities.path(goal, nobody, PathConstraints.credits(30), false, null, Language.FI);
    Map<String, Boolean> missing = new HashMap<>();
    for (GapItem item : path.gap().items()) {
      missing.put(item.skill().uri(), item.essential());
    }
    assertThat(missing).as(name + ": the gap").isNotEmpty();
    for (PathOption option : List.of(path.best(), path.cheapest(), path.fastest())) {
      double credits = 0;
      for (PathStep step : option.steps()) {
        MatchableOffering offering =
            education
                .matchableOffering(OfferingId.of(step.offeringId()), Language.FI)
                .orElseThrow();
        int inGap = 0;
        boolean essential = false;
        for (ConceptUri skill : offering.skills()) {
          Boolean e = missing.get(skill.value());
          if (e != null) {
            inGap++;
            essential |= e;
          }
        }
        assertThat(essential || 2 * inGap > offering.skills().size())
            .as(
                "%s, %s: %s teaches %d of the goal's missing skills among %d, none essential",
                name, option.label(), step.title(), inGap, offering.skills().size())
            .isTrue();
        assertThat(step.credits()).as(step.title() + ": a known or estimated extent").isNotNull();
        credits += step.credits().doubleValue();
      }
      assertThat(credits).as(name + ", " + option.label()).isLessThanOrEqualTo(30);
    }
    assertThat(path.best().steps().isEmpty()).as(name + ": " + path.best()).isNotEqualTo(steps);
  }
}
