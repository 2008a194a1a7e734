package fi.osaava.education;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.education.internal.bench.EducationRelevanceEvaluation;
import fi.osaava.education.internal.bench.EducationRelevanceEvaluation.Result;
import fi.osaava.web.WebTestBase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The judged query set through both engines on the real catalogue: the education search must beat
 * the PostgreSQL ILIKE/trigram baseline by the margin (nDCG@10 ≥ 1.3× the baseline's).
 */
class EducationRelevanceTest extends WebTestBase {

  @Autowired EducationCatalogue catalogue;
  @Autowired EducationRelevanceEvaluation evaluation;

  @Test
  void osaavaBeatsTheTrigramBaseline() {
    EducationTestData.ensureImported(catalogue);
    Result result = evaluation.run();
    System.err.println(result.engine());
    assertThat(result.queries()).isGreaterThanOrEqualTo(60);
    assertThat(result.engine().get("osaava")).containsKeys("fi", "sv", "en");
    assertThat(result.osaava().ndcg10())
        .as("Osaava %s vs baseline %s", result.osaava(), result.baseline())
        .isGreaterThanOrEqualTo(1.3 * result.baseline().ndcg10());
  }
}
