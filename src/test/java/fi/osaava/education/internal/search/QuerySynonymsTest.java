package fi.osaava.education.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.education.internal.search.QuerySynonyms.Alternative;
import fi.osaava.education.internal.search.QuerySynonyms.Expansion;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptRecord.Label;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.LabelKind;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.text.FinnishMorphology;
import fi.osaava.text.WordAnalysis;
import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The Finland-Swedish and Sweden-Swedish variants of the education search, and how ESCO labels are
 * turned into names to search for; the ESCO part against the real classification is in {@code
 * EducationSearchContract}.
 */
class QuerySynonymsTest {

  // Swedish variants need neither ESCO nor Finnish morphology.
  private final QuerySynonyms synonyms = new QuerySynonyms(null, null);

  private List<String> variants(String word) {
    return synonyms.variants(word).stream().map(Alternative::text).toList();
  }

  @Test
  void swedishVariantsGoBothWaysWhateverTheInflection() {
    assertThat(variants("sjuksköterska")).containsExactly("sjukskötare");
    assertThat(variants("sjuksköterskor")).containsExactly("sjukskötare");
    assertThat(variants("sjukskoterska")).as("without accents").containsExactly("sjukskötare");
    assertThat(variants("sjukskötare")).containsExactly("sjuksköterska");
    assertThat(variants("sjukskötaren")).containsExactly("sjuksköterska");
    assertThat(variants("förskollärare")).containsExactly("barnträdgårdslärare");
    assertThat(variants("arbetsterapeut")).containsExactly("ergoterapeut");
    assertThat(synonyms.variants("närvårdare"))
        .containsExactly(new Alternative(Language.SV, "undersköterska"));
  }

  @Test
  void compoundsFollowTheirLastPart() {
    assertThat(variants("operationssjuksköterska")).containsExactly("operationssjukskötare");
    assertThat(variants("skolsjukskötare")).containsExactly("skolsjuksköterska");
  }

  @Test
  void wordsWithoutAVariantHaveNone() {
    assertThat(variants("programmering")).isEmpty();
    assertThat(variants("barnmorska")).isEmpty();
    // "undersköterska" ends in "sköterska" but is no sjuksköterska; its own pair applies.
    assertThat(variants("undersköterska")).containsExactly("närvårdare");
  }

  @Test
  void labelsBecomeTheirHeadWithoutQualifiersOrParentheses() {
    assertThat(QuerySynonyms.name("sjuksköterska, grundutbildad")).isEqualTo("sjuksköterska");
    assertThat(QuerySynonyms.name("Sjukskötare (YH)")).isEqualTo("sjukskötare");
    assertThat(QuerySynonyms.name("ICT-säkerhetsingenjör")).isEqualTo("ict säkerhetsingenjör");
  }

  /**
   * ESCO's occupations as the taxonomy module hands them over: here one nurse and one developer.
   */
  private static TaxonomyApi taxonomy(List<ConceptRecord> concepts) {
    return (TaxonomyApi)
        Proxy.newProxyInstance(
            TaxonomyApi.class.getClassLoader(),
            new Class<?>[] {TaxonomyApi.class},
            (proxy, method, args) -> {
              if (method.getName().equals("forEachConcept")) {
                @SuppressWarnings("unchecked")
                Consumer<ConceptRecord> consumer = (Consumer<ConceptRecord>) args[1];
                concepts.forEach(consumer);
                return null;
              }
              throw new UnsupportedOperationException(method.getName());
            });
  }

  /** Finnish without Voikko: every word is its own lemma. */
  private static final FinnishMorphology NO_VOIKKO =
      new FinnishMorphology() {
        @Override
        public WordAnalysis analyze(String word) {
          return new WordAnalysis(word, List.of(), List.of());
        }

        @Override
        public boolean isVoikkoAvailable() {
          return false;
        }
      };

  private static ConceptRecord occupation(String id, Label... labels) {
    return new ConceptRecord(
        ConceptUri.of("http://data.europa.eu/esco/occupation/" + id),
        ConceptType.OCCUPATION,
        "2221",
        null,
        null,
        List.of(labels),
        Map.of());
  }

  private final QuerySynonyms esco =
      new QuerySynonyms(
          taxonomy(
              List.of(
                  occupation(
                      "nurse",
                      new Label(Language.SV, LabelKind.PREFERRED, "sjuksköterska, grundutbildad"),
                      new Label(Language.FI, LabelKind.PREFERRED, "sairaanhoitaja"),
                      new Label(Language.EN, LabelKind.PREFERRED, "general nurse"),
                      new Label(Language.SV, LabelKind.HIDDEN, "sjukskoterka")),
                  occupation(
                      "developer",
                      new Label(Language.SV, LabelKind.PREFERRED, "mjukvaruutvecklare"),
                      new Label(Language.SV, LabelKind.ALTERNATIVE, "programmerare"),
                      new Label(Language.FI, LabelKind.PREFERRED, "ohjelmistokehittäjä"),
                      new Label(Language.EN, LabelKind.PREFERRED, "software developer")))),
          NO_VOIKKO);

  @Test
  void escoLabelsExpandToTheOccupationsOtherNames() {
    List<Expansion> expansions = esco.expand(List.of("programmerare", "distans"));
    assertThat(expansions).hasSize(1);
    assertThat(expansions.getFirst().start()).isZero();
    assertThat(expansions.getFirst().end()).isEqualTo(1);
    assertThat(expansions.getFirst().alternatives())
        .containsExactly(
            new Alternative(Language.FI, "ohjelmistokehittäjä"),
            new Alternative(Language.EN, "software developer"),
            new Alternative(Language.SV, "mjukvaruutvecklare"));
    assertThat(esco.expand(List.of("sairaanhoitaja")).getFirst().alternatives())
        .contains(new Alternative(Language.SV, "sjuksköterska"));
  }

  @Test
  void aFinlandSwedishWordGetsTheLabelsOfItsCounterpart() {
    List<Alternative> sweden =
        esco.expand(List.of("sjuksköterska")).stream()
            .flatMap(e -> e.alternatives().stream())
            .toList();
    List<Alternative> finland =
        esco.expand(List.of("sjukskötare")).stream()
            .flatMap(e -> e.alternatives().stream())
            .toList();
    assertThat(sweden)
        .contains(
            new Alternative(Language.FI, "sairaanhoitaja"),
            new Alternative(Language.SV, "sjukskötare"));
    assertThat(finland)
        .contains(
            new Alternative(Language.FI, "sairaanhoitaja"),
            new Alternative(Language.SV, "sjuksköterska"));
    assertThat(esco.expand(List.of("sjukskoterka"))).as("hidden labels are not read").isEmpty();
  }

  @Test
  void aLongQueryOfOccupationsStaysWithinTheClauseBudget() {
    List<Expansion> expansions = esco.expand(Collections.nCopies(12, "sjuksköterska"));
    assertThat(expansions.stream().mapToInt(e -> e.alternatives().size()).sum())
        .isEqualTo(QuerySynonyms.MAX_QUERY_ALTERNATIVES);
  }
}
