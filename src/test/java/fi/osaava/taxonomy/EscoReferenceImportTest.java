package fi.osaava.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.ReferenceData;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import fi.osaava.web.WebTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The real ESCO 1.1.1 packages from the reference data, imported once for the shared context. */
class EscoReferenceImportTest extends WebTestBase {

  private static final ConceptUri NURSE =
      ConceptUri.of("http://data.europa.eu/esco/occupation/8d3e8aaa-791b-4c75-a465-f3f827028f50");
  private static final ConceptUri JAVA_SKILL =
      ConceptUri.of("http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389");

  @Autowired TaxonomyApi taxonomy;
  @Autowired JdbcTemplate jdbc;

  @Test
  void importsEveryConceptOfTheOfficialPackages() {
    TaxonomyStatus status = taxonomy.status();
    assertThat(status.version()).isEqualTo("1.1.1");
    assertThat(status.concepts().get(ConceptType.SKILL)).isEqualTo(13_896);
    assertThat(status.concepts().get(ConceptType.OCCUPATION)).isEqualTo(3_007);
    assertThat(status.concepts().get(ConceptType.ISCO_GROUP)).isEqualTo(619);
    // 640 groups of skillGroups_en.csv plus those that only the hierarchy file publishes.
    assertThat(status.concepts().get(ConceptType.SKILL_GROUP)).isGreaterThanOrEqualTo(640);
    assertThat(status.preferredLabels().get(Language.EN))
        .isEqualTo(status.concepts().values().stream().mapToLong(Long::longValue).sum());
    assertThat(status.preferredLabels().get(Language.FI)).isEqualTo(13_891 + 3_007);
    assertThat(status.preferredLabels().get(Language.SV)).isEqualTo(3_007 + 619);
    assertThat(status.preferredLabels().get(Language.NO)).isGreaterThan(3_500);
  }

  @Test
  void reimportingTheSameFilesChangesNothing() {
    Long rowsBefore = jdbc.queryForObject("select count(*) from taxonomy_label", Long.class);
    EscoImportReport report =
        taxonomy.importEsco(
            List.of(ReferenceData.esco()), EscoImportOptions.defaults(), ImportProgress.silent());
    assertThat(report.unchanged()).isTrue();
    assertThat(jdbc.queryForObject("select count(*) from taxonomy_label", Long.class))
        .isEqualTo(rowsBefore);
    assertThat(jdbc.queryForObject("select count(*) from taxonomy_import", Long.class))
        .isEqualTo(1);
  }

  @Test
  void keepsTheRelationsOfTheOfficialPackage() {
    Long relations =
        jdbc.queryForObject("select count(*) from taxonomy_occupation_skill", Long.class);
    // 123,855 rows; 67 name an occupation that only the Finnish file has and are skipped.
    assertThat(relations).isEqualTo(123_855 - 67);
    var essential =
        taxonomy.skillsOfOccupation(NURSE, RelationType.ESSENTIAL, Language.EN, Paging.first(200));
    assertThat(essential.total()).isGreaterThan(10);
    assertThat(essential.items()).allMatch(r -> r.relation() == RelationType.ESSENTIAL);
  }

  @Test
  void readsLabelsPerLanguageWithAVisibleFallback() {
    Concept nurseFi = taxonomy.concept(NURSE, Language.FI).orElseThrow();
    assertThat(nurseFi.label().fallback()).isFalse();
    assertThat(nurseFi.label().language()).isEqualTo(Language.FI);
    assertThat(nurseFi.preferredLabels()).containsKeys(Language.EN, Language.FI, Language.SV);

    Concept javaSv = taxonomy.concept(JAVA_SKILL, Language.SV).orElseThrow();
    // There are no Swedish skill labels in the data: English, marked as a fallback.
    assertThat(javaSv.label().fallback()).isTrue();
    assertThat(javaSv.label().language()).isEqualTo(Language.EN);
    assertThat(javaSv.label().text()).isEqualTo("Java (computer programming)");
    assertThat(javaSv.description()).isNotNull();
  }

  @Test
  void navigatesTheHierarchyAndCollections() {
    List<ConceptSummary> broader = taxonomy.broader(NURSE, Language.EN);
    assertThat(broader).isNotEmpty();
    ConceptSummary parent = broader.getFirst();
    assertThat(taxonomy.narrower(parent.uri(), Language.EN, Paging.first(200)).items())
        .extracting(ConceptSummary::uri)
        .contains(NURSE);
    assertThat(taxonomy.collections())
        .extracting(SkillCollection::code)
        .contains("digital", "green", "transversal", "language", "digcomp");
    assertThat(taxonomy.occupationsOfSkill(JAVA_SKILL, null, Language.FI, Paging.first(10)).total())
        .isPositive();
  }

  @Test
  void browsesEveryConceptOfATypeInPages() {
    var first = taxonomy.browse(ConceptType.ISCO_GROUP, Language.SV, new Paging(0, 200));
    var last = taxonomy.browse(ConceptType.ISCO_GROUP, Language.SV, new Paging(3, 200));
    assertThat(first.total()).isEqualTo(619);
    assertThat(first.items()).hasSize(200);
    assertThat(last.items()).hasSize(19);
    assertThat(first.items()).allMatch(s -> !s.label().fallback());
  }
}
