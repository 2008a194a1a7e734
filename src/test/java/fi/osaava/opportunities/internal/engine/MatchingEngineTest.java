package fi.osaava.opportunities.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.ReferenceData;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.WebTestBase;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The engine over the real ESCO 1.1.1 graph (read through the taxonomy's API from the shared test
 * context) and a seeded synthetic catalogue: a reduced evaluation whose targets can fail, and the
 * properties of gaps, rankings and paths.
 */
class MatchingEngineTest extends WebTestBase {

  private static final Logger log = LoggerFactory.getLogger(MatchingEngineTest.class);
  private static final ConceptUri SOFTWARE_DEVELOPER =
      ConceptUri.of("http://data.europa.eu/esco/occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1");

  private static MatchIndex index;

  @Autowired TaxonomyApi taxonomy;

  @BeforeEach
  void loadOnce() {
    if (index == null) {
      RiasecCodes riasec =
          RiasecCodes.read(
              ReferenceData.directory().resolve("labour-market/ammattitieto-avo-2023-02-17.jsonl"));
      EscoTables tables = EscoTables.load(taxonomy, riasec, uri -> Double.NaN);
      List<OfferingEntry> offerings =
          SyntheticOfferings.generate(tables.occupations(), 4_000, 11, LocalDate.of(2026, 11, 22));
      index =
          new MatchIndex(
              tables.graph(),
              tables.occupations(),
              List.of(),
              offerings,
              new float[tables.graph().size()]);
    }
  }

  @Test
  void occupationRecallMeetsTargetAndBeatsOverlap() {
    MatchingEvaluator evaluator =
        new MatchingEvaluator(index, new PathComposer(index, java.time.Duration.ofMillis(100)));
    MatchingEvaluator.RecallResult recall = evaluator.occupationRecall(150, 42, log::info);
    log.info("{}", recall);
    assertThat(recall.recall10()).as(recall.toString()).isGreaterThanOrEqualTo(0.9);
    assertThat(recall.mrr()).as(recall.toString()).isGreaterThan(recall.baselineMrr());
  }

  @Test
  void pathQualityBeatsGreedyRatio() {
    MatchingEvaluator evaluator =
        new MatchingEvaluator(index, new PathComposer(index, java.time.Duration.ofMillis(100)));
    MatchingEvaluator.PathResult path = evaluator.pathQuality(40, 60, 43, log::info);
    log.info("{}", path);
    assertThat(path.coverage()).as(path.toString()).isGreaterThanOrEqualTo(path.baselineCoverage());
    assertThat(path.credits()).as(path.toString()).isLessThanOrEqualTo(60);
    assertThat(path.shareHigherCoverage()).as(path.toString()).isGreaterThanOrEqualTo(0.3);
    assertThat(path.coverageAtBaselineCredits())
        .as(path.toString())
        .isGreaterThanOrEqualTo(path.baselineCoverage());
  }
}
