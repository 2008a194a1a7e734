package fi.osaava.education;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.education.internal.SkillBackfill;
import fi.osaava.education.internal.search.EducationQuery;
import fi.osaava.education.internal.search.EducationQuery.SortOrder;
import fi.osaava.education.internal.search.EducationSearchResult;
import fi.osaava.education.internal.search.EducationSearchService;
import fi.osaava.education.internal.web.EducationPush;
import fi.osaava.platform.Language;
import fi.osaava.web.WebTestBase;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** The education search contract on the default Lucene backend, in the shared test context. */
class EducationSearchTest extends WebTestBase implements EducationSearchContract {

  @Autowired EducationCatalogue catalogue;
  @Autowired EducationSearchService search;
  @Autowired SkillBackfill backfill;
  @Autowired JdbcTemplate jdbc;
  @Autowired EducationPush push;

  /**
   * A hit that a two-word query matches with one word in its description still shows that word
   * marked: the highlights come from the description clauses alone, and when the whole query was
   * evaluated again inside the highlighter such hits got no snippet at all (issue #20). Lucene
   * only: OpenSearch's analysis matches and ranks this query otherwise, so the hit is not there.
   */
  @Test
  void highlightsADescriptionWordOfAHitMatchedByTheOtherWordElsewhere() {
    EducationSearchResult result =
        search.search(
            new EducationQuery(
                "potilaan terveyden",
                null,
                Map.of(),
                false,
                Set.of(),
                SortOrder.RELEVANCE,
                0,
                50,
                Language.FI));
    List<String> highlights =
        result.hits().stream()
            .filter(
                h ->
                    h.titles().getOrDefault("fi", "").contains("terveyden edistäminen, Metropolia"))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "not in the first 50: " + EducationSearchContract.titles(result)))
            .highlights();
    assertThat(highlights).anyMatch(s -> s.contains("<mark>terveyden</mark>"));
  }

  @Override
  public EducationCatalogue catalogue() {
    return catalogue;
  }

  @Override
  public EducationSearchService search() {
    return search;
  }

  @Override
  public SkillBackfill backfill() {
    return backfill;
  }

  @Override
  public JdbcTemplate jdbc() {
    return jdbc;
  }

  @Override
  public EducationPush push() {
    return push;
  }

  @Override
  public MockMvc mvc() {
    return mvc;
  }
}
