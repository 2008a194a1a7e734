package fi.osaava.taxonomy.internal.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.LabelKind;
import fi.osaava.taxonomy.Suggestion;
import fi.osaava.taxonomy.internal.ConceptAutocomplete;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The label autocomplete on the real ESCO 1.1.1 import (prefixes, typos, ranking, languages and
 * their fallback, type filters, obsolete concepts, bad input), written once and run against every
 * backend the label index can live in: {@link LabelIndexAutocompleteTest} (Lucene, in the shared
 * context) and {@code fi.osaava.education.EducationSearchOpenSearchTest} (every index on an
 * in-process OpenSearch node, in the one context that has one). The query code is the same for
 * both; where an analyser differs (Finnish: Voikko on Lucene, stems on OpenSearch) the assertion
 * asks what both must do.
 */
public interface LabelAutocompleteContract {

  Set<ConceptType> ALL = Set.of();

  ConceptAutocomplete autocomplete();

  JdbcTemplate jdbc();

  /**
   * Inflected Finnish finds the base form as a whole word and as a prefix: Voikko's lemmas on
   * Lucene, stems on OpenSearch. (Compound parts are Lucene's alone: {@link
   * LabelIndexAutocompleteTest}.)
   */
  @Test
  default void finnishFindsInflectedForms() {
    Set<ConceptType> occupations = EnumSet.of(ConceptType.OCCUPATION);
    for (String text : List.of("sairaanhoitaja", "sairaanhoitajan", "sairaanhoitajaksi")) {
      assertThat(labels(autocomplete().suggest(text, Language.FI, occupations, 10)))
          .as(text)
          .contains("sairaanhoitaja");
    }
    Set<ConceptType> skills = EnumSet.of(ConceptType.SKILL);
    for (String text : List.of("ohjelmointia", "ohjelmoin")) {
      List<Suggestion> hits = autocomplete().suggest(text, Language.FI, skills, 10);
      assertThat(hits).as(text).isNotEmpty();
      assertThat(hits)
          .as(text)
          .allSatisfy(
              s -> {
                assertThat(s.matchedLabel().toLowerCase(Locale.ROOT)).contains("ohjelmoi");
                assertThat(s.label().language()).isEqualTo(Language.FI);
              });
    }
  }

  @Test
  default void englishPrefixFindsProgrammingSkills() {
    List<Suggestion> hits = autocomplete().suggest("progr", Language.EN, ALL, 10);

    assertThat(hits).hasSize(10);
    assertThat(hits)
        .allSatisfy(s -> assertThat(s.matchedLabel()).containsPattern(wordStarting("progr")));
    assertThat(hits)
        .anySatisfy(s -> assertThat(s.label().text()).startsWithIgnoringCase("program"));
    assertThat(hits).allSatisfy(s -> assertThat(s.label().fallback()).isFalse());
  }

  @Test
  default void earlierWordsMatchWholeAndTheLastAsAPrefix() {
    List<Suggestion> hits = autocomplete().suggest("computer progr", Language.EN, ALL, 5);

    assertThat(hits.getFirst().label().text()).isEqualTo("computer programming");
  }

  @Test
  default void typoFindsPython() {
    ConceptUri python = preferred(jdbc(), "en", "Python (computer programming)");

    assertThat(uris(autocomplete().suggest("pyhton", Language.EN, ALL, 3))).contains(python);
    assertThat(uris(autocomplete().suggest("pythn", Language.EN, ALL, 5))).contains(python);
  }

  @Test
  default void typoInALongerWord() {
    List<Suggestion> hits = autocomplete().suggest("computr programing", Language.EN, ALL, 5);

    assertThat(labels(hits)).contains("computer programming");
  }

  @Test
  default void swedishOccupations() {
    Set<ConceptType> occupations = EnumSet.of(ConceptType.OCCUPATION);

    List<Suggestion> hits = autocomplete().suggest("sjuksköt", Language.SV, occupations, 5);
    assertThat(hits).isNotEmpty();
    assertThat(hits.getFirst().label().text()).startsWith("sjuksköterska");
    assertThat(hits)
        .allSatisfy(
            s -> {
              assertThat(s.label().language()).isEqualTo(Language.SV);
              assertThat(s.label().fallback()).isFalse();
              assertThat(s.type()).isEqualTo(ConceptType.OCCUPATION);
            });
    // Without the diacritic, and by the compound's second part.
    assertThat(labels(autocomplete().suggest("sjukskot", Language.SV, occupations, 5)))
        .anyMatch(l -> l.startsWith("sjuksköterska"));
    assertThat(labels(autocomplete().suggest("sköterska", Language.SV, occupations, 20)))
        .anyMatch(l -> l.startsWith("sjuksköterska"));
  }

  @Test
  default void norwegianOccupations() {
    List<Suggestion> hits =
        autocomplete().suggest("sykepl", Language.NO, EnumSet.of(ConceptType.OCCUPATION), 5);

    assertThat(hits).isNotEmpty();
    assertThat(hits.getFirst().label().text()).isEqualTo("sykepleier");
    assertThat(hits.getFirst().label().language()).isEqualTo(Language.NO);
  }

  @Test
  default void skillsFallBackToEnglishInSwedishAndNorwegian() {
    ConceptUri python = preferred(jdbc(), "en", "Python (computer programming)");

    for (Language language : List.of(Language.SV, Language.NO)) {
      List<Suggestion> hits =
          autocomplete().suggest("python", language, EnumSet.of(ConceptType.SKILL), 5);
      assertThat(hits).isNotEmpty();
      assertThat(hits.getFirst().uri()).isEqualTo(python);
      assertThat(hits.getFirst().label().language()).isEqualTo(Language.EN);
      assertThat(hits.getFirst().label().fallback()).isTrue();
    }
  }

  @Test
  default void finnishFallsBackToEnglishForIscoGroups() {
    List<Suggestion> hits =
        autocomplete().suggest("manag", Language.FI, EnumSet.of(ConceptType.ISCO_GROUP), 5);

    assertThat(hits).isNotEmpty();
    assertThat(hits)
        .allSatisfy(
            s -> {
              assertThat(s.label().fallback()).isTrue();
              assertThat(s.label().language()).isEqualTo(Language.EN);
            });
  }

  @Test
  default void preferredLabelRanksAboveAnEqualAlternativeLabel() {
    // Labels that are one concept's preferred label and another concept's alternative label:
    // the same text, so the same match; only the kind may order them. Ten pairs, so that a tie
    // broken by chance would not pass.
    List<Map<String, Object>> pairs =
        jdbc()
            .queryForList(
                """
            select p.label, min(p.concept_uri) as preferred, min(a.concept_uri) as alternative
            from taxonomy_label p
            join taxonomy_label a on a.label = p.label and a.language = p.language
              and a.kind = 'ALTERNATIVE' and a.concept_uri <> p.concept_uri
            join taxonomy_concept pc on pc.uri = p.concept_uri and not pc.obsolete
            join taxonomy_concept ac on ac.uri = a.concept_uri and not ac.obsolete
            where p.language = 'en' and p.kind = 'PREFERRED'
              and not exists (select 1 from taxonomy_label x
                              where x.concept_uri = a.concept_uri and x.language = 'en'
                                and x.kind = 'PREFERRED' and x.label = p.label)
            group by p.label
            having count(distinct p.concept_uri) = 1 and count(distinct a.concept_uri) = 1
            order by p.label
            limit 10""");
    assertThat(pairs).hasSize(10);

    for (Map<String, Object> pair : pairs) {
      ConceptUri preferred = ConceptUri.of((String) pair.get("preferred"));
      ConceptUri alternative = ConceptUri.of((String) pair.get("alternative"));

      List<Suggestion> hits =
          autocomplete().suggest((String) pair.get("label"), Language.EN, ALL, 50);

      List<ConceptUri> order = uris(hits);
      assertThat(order).as("%s", pair).contains(preferred, alternative);
      assertThat(order.indexOf(preferred)).as("%s", pair).isLessThan(order.indexOf(alternative));
      assertThat(hits.get(order.indexOf(preferred)).matchedKind()).isEqualTo(LabelKind.PREFERRED);
      assertThat(hits.get(order.indexOf(alternative)).matchedKind())
          .isEqualTo(LabelKind.ALTERNATIVE);
    }
  }

  @Test
  default void typeFilter() {
    for (ConceptType type : ConceptType.values()) {
      List<Suggestion> hits = autocomplete().suggest("man", Language.EN, EnumSet.of(type), 20);
      assertThat(hits).as("%s", type).isNotEmpty();
      assertThat(hits).allSatisfy(s -> assertThat(s.type()).isEqualTo(type));
    }
    List<Suggestion> two =
        autocomplete()
            .suggest("man", Language.EN, EnumSet.of(ConceptType.SKILL, ConceptType.OCCUPATION), 50);
    assertThat(two)
        .extracting(Suggestion::type)
        .containsOnly(ConceptType.SKILL, ConceptType.OCCUPATION);
  }

  @Test
  default void obsoleteConceptsAreLeftOut() {
    ConceptUri fixture =
        ConceptUri.of("http://data.europa.eu/esco/skill/00000000-0000-4000-8000-0bs01e7e0001");
    jdbc()
        .update(
            """
        insert into taxonomy_concept (uri, concept_type, status, obsolete, first_version,
          last_version) values (?, 'SKILL', 'released', false, '1.1.1', '1.1.1')""",
            fixture.value());
    jdbc()
        .update(
            """
        insert into taxonomy_label (concept_uri, language, kind, label, position)
        values (?, 'en', 'PREFERRED', 'qwyxzv retired fixture skill', 0)""",
            fixture.value());
    try {
      reindexConcepts(List.of(fixture));
      assertThat(uris(autocomplete().suggest("qwyxzv", Language.EN, ALL, 10)))
          .as("the live fixture is found")
          .containsExactly(fixture);

      jdbc().update("update taxonomy_concept set obsolete = true where uri = ?", fixture.value());
      reindexConcepts(List.of(fixture));

      assertThat(autocomplete().suggest("qwyxzv", Language.EN, ALL, 10)).isEmpty();
      assertThat(autocomplete().suggest("qwyxzv retired fixture skill", Language.EN, ALL, 10))
          .isEmpty();
    } finally {
      jdbc().update("delete from taxonomy_label where concept_uri = ?", fixture.value());
      jdbc().update("delete from taxonomy_concept where uri = ?", fixture.value());
      reindexConcepts(List.of(fixture));
    }
  }

  @Test
  default void oneSuggestionPerConceptAndLimitsApply() {
    List<Suggestion> hits = autocomplete().suggest("progr", Language.EN, ALL, 50);

    assertThat(hits).hasSize(50);
    assertThat(uris(hits)).doesNotHaveDuplicates();
    assertThat(autocomplete().suggest("progr", Language.EN, ALL, 1000)).hasSize(50);
    assertThat(autocomplete().suggest("progr", Language.EN, ALL, 0)).hasSize(1);
    assertThat(autocomplete().suggest("progr", Language.EN, ALL, -5)).hasSize(1);
  }

  @Test
  default void hostileInputGivesResultsOrNothingButNeverFails() {
    List<String> inputs =
        List.of(
            "",
            "   ",
            "\u0000\u0001\u0007\u001b[31m",
            "title:(a OR b)~2 *?",
            "\"unclosed phrase",
            "+-&&||!(){}[]^\"~*?:\\/",
            "x".repeat(10_000),
            "ohjelmointi ".repeat(1_000),
            "%' or 1=1 --",
            "\uD800\uDC00\uD800 broken surrogates \uDFFF",
            "ﬁ ß İ ǅ 𝔭𝔯𝔬𝔤𝔯");
    for (String input : inputs) {
      for (Language language : Language.values()) {
        assertThatCode(
                () ->
                    assertThat(autocomplete().suggest(input, language, ALL, 10))
                        .hasSizeLessThanOrEqualTo(10))
            .as(
                "input %s in %s",
                input.length() > 40 ? input.substring(0, 40) + "…" : input, language)
            .doesNotThrowAnyException();
      }
    }
    assertThat(autocomplete().suggest(null, null, null, 10)).isEmpty();
    // Query syntax is read as words: "title" is a prefix like any other.
    assertThat(autocomplete().suggest("title:(a OR b)~2 *?", Language.EN, ALL, 10))
        .allSatisfy(s -> assertThat(s).isNotNull());
    assertThat(autocomplete().suggest("java*", Language.EN, ALL, 10)).isNotEmpty();
  }

  /**
   * Brings a few concepts' documents in line with the database; the bean behind {@link
   * #autocomplete()} is the index.
   */
  default void reindexConcepts(List<ConceptUri> uris) {
    ((LabelIndexAutocomplete) autocomplete()).reindexConcepts(uris);
  }

  static ConceptUri preferred(JdbcTemplate jdbc, String language, String label) {
    return ConceptUri.of(
        jdbc.queryForObject(
            """
            select concept_uri from taxonomy_label
            where language = ? and kind = 'PREFERRED' and label = ?""",
            String.class,
            language,
            label));
  }

  static List<ConceptUri> uris(List<Suggestion> hits) {
    return hits.stream().map(Suggestion::uri).toList();
  }

  static List<String> labels(List<Suggestion> hits) {
    return hits.stream().map(s -> s.label().text()).toList();
  }

  private static Pattern wordStarting(String prefix) {
    return Pattern.compile("(?i)(^|[^\\p{L}\\p{N}])" + Pattern.quote(prefix));
  }
}
