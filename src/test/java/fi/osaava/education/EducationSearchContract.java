package fi.osaava.education;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.education.internal.SkillBackfill;
import fi.osaava.education.internal.search.EducationQuery;
import fi.osaava.education.internal.search.EducationQuery.SortOrder;
import fi.osaava.education.internal.search.EducationSearchResult;
import fi.osaava.education.internal.search.EducationSearchResult.Hit;
import fi.osaava.education.internal.search.EducationSearchService;
import fi.osaava.education.internal.search.Facet;
import fi.osaava.education.internal.web.EducationPush;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The education search on the real catalogue (language analysis, facets, paging, highlighting, bad
 * input), written once and run against every backend the education index can live in: {@link
 * EducationSearchTest} (Lucene, in the shared context) and {@link EducationSearchOpenSearchTest}
 * (an in-process OpenSearch node). The search code is the same for both; where an analyser differs
 * the assertion asks what both must do.
 */
interface EducationSearchContract {

  EducationCatalogue catalogue();

  EducationSearchService search();

  SkillBackfill backfill();

  JdbcTemplate jdbc();

  MockMvc mvc();

  EducationPush push();

  @BeforeEach
  default void importCatalogue() {
    EducationTestData.ensureImported(catalogue());
    backfill().runToCompletion();
  }

  static EducationQuery query(String text, Map<Facet, Set<String>> filters, int page) {
    return new EducationQuery(
        text, null, filters, false, Set.of(), SortOrder.RELEVANCE, page, 10, Language.FI);
  }

  static List<String> titles(EducationSearchResult result) {
    return result.hits().stream()
        .map(h -> String.join(" | ", h.titles().values()).toLowerCase(Locale.ROOT))
        .toList();
  }

  @Test
  default void findsFinnishInflectedFormsAndTypos() {
    for (String text : List.of("sairaanhoitajaksi", "sairaanhoitajan koulutus", "sairanhoitaja")) {
      List<String> titles = titles(search().search(query(text, Map.of(), 0)));
      assertThat(titles.subList(0, 3))
          .as("top hits for %s: %s", text, titles)
          .allMatch(t -> t.contains("sairaanhoitaja"));
    }
  }

  @Test
  default void findsSwedishAndEnglishTitles() {
    assertThat(titles(search().search(query("sjukskötare", Map.of(), 0))).getFirst())
        .contains("sjukskötare");
    assertThat(titles(search().search(query("nursing", Map.of(), 0))).getFirst()).contains("nurs");
  }

  /**
   * Issue #13, finding 9: the most common Swedish word for a nurse finds the nursing degrees, which
   * the Finnish catalogue names in Finland-Swedish (sjukskötare); today's analysis alone finds
   * nothing for it.
   */
  @Test
  default void swedenSwedishNurseFindsNurseEducation() {
    assertThat(search().count("sjuksköterska", Language.SV, false))
        .as("without synonyms (the baseline)")
        .isZero();
    for (String text : List.of("sjuksköterska", "sjuksköterskor", "sjukskoterska")) {
      List<String> titles =
          titles(
              search()
                  .search(
                      new EducationQuery(
                          text,
                          null,
                          Map.of(),
                          false,
                          Set.of(),
                          SortOrder.RELEVANCE,
                          0,
                          10,
                          Language.SV)));
      assertThat(titles).as("hits for %s", text).isNotEmpty();
      assertThat(titles.subList(0, Math.min(3, titles.size())))
          .as("top hits for %s: %s", text, titles)
          .allMatch(t -> t.contains("sjukskötare") || t.contains("sairaanhoitaja"));
    }
  }

  /** Every offering a Swedish-language query finds, page by page. */
  private Set<UUID> allHits(String text) {
    Set<UUID> ids = new HashSet<>();
    long total = Long.MAX_VALUE;
    for (int page = 0; (long) page * 50 < total; page++) {
      EducationSearchResult result =
          search()
              .search(
                  new EducationQuery(
                      text,
                      null,
                      Map.of(),
                      false,
                      Set.of(),
                      SortOrder.RELEVANCE,
                      page,
                      50,
                      Language.SV));
      total = result.total();
      result.hits().forEach(h -> ids.add(h.id()));
    }
    assertThat(ids).as("every hit of %s once", text).hasSize((int) total);
    return ids;
  }

  /** A Finland-Swedish word and its Sweden-Swedish counterpart find the same offerings. */
  @Test
  default void finlandSwedishAndSwedenSwedishFindTheSameOfferings() {
    for (List<String> pair :
        List.of(
            List.of("sjukskötare", "sjuksköterska"),
            List.of("barnträdgårdslärare", "förskollärare"),
            List.of("närvårdare", "undersköterska"))) {
      Set<UUID> finland = allHits(pair.get(0));
      Set<UUID> sweden = allHits(pair.get(1));
      assertThat(finland).as("offerings for %s", pair.get(0)).isNotEmpty();
      assertThat(sweden)
          .as("offerings for %s and for %s", pair.get(1), pair.get(0))
          .isEqualTo(finland);
    }
  }

  @Test
  default void facetsFilterAndCount() {
    EducationSearchResult all = search().search(query("sairaanhoitaja", Map.of(), 0));
    long tampere =
        all.facets().get(Facet.LOCATION).stream()
            .filter(c -> c.value().equals("837"))
            .findFirst()
            .orElseThrow()
            .count();
    EducationSearchResult filtered =
        search()
            .search(
                query(
                    "sairaanhoitaja",
                    Map.of(Facet.LOCATION, Set.of("837"), Facet.LANGUAGE, Set.of("fi")),
                    0));
    assertThat(filtered.total()).isPositive().isLessThanOrEqualTo(tampere);
    assertThat(filtered.hits()).allMatch(h -> h.locations().contains("837"));
    assertThat(filtered.facets().get(Facet.LEVEL)).isNotEmpty();
    // Pirkanmaa, the region of Tampere, counts at least the Tampere offerings.
    assertThat(all.facets().get(Facet.REGION))
        .anySatisfy(c -> assertThat(c.value()).isEqualTo("06"));
  }

  /**
   * The oracle of every facet count: the number of results with that facet value, asked as a filter
   * on the facet's own field, while the counts come from the combined facet field (or the facet's
   * own aggregation); and each terms facet lists its values by count, then by value.
   */
  @Test
  default void everyFacetCountIsTheTotalFilteredByItsValue() {
    for (String text : List.of("sairaanhoitaja")) {
      EducationSearchResult all = search().search(query(text, Map.of(), 0));
      assertThat(all.total()).as(text).isPositive();
      int checked = 0;
      for (Facet facet : Facet.values()) {
        List<EducationSearchResult.FacetCount> counts = all.facets().get(facet);
        for (EducationSearchResult.FacetCount count : counts) {
          EducationSearchResult filtered =
              search().search(query(text, Map.of(facet, Set.of(count.value())), 0));
          assertThat(filtered.total())
              .as("%s: %s=%s", text, facet.parameter(), count.value())
              .isEqualTo(count.count());
          checked++;
        }
        if (facet != Facet.EXTENT && facet != Facet.DURATION && facet != Facet.START) {
          for (int i = 1; i < counts.size(); i++) {
            EducationSearchResult.FacetCount before = counts.get(i - 1);
            EducationSearchResult.FacetCount after = counts.get(i);
            assertThat(
                    before.count() > after.count()
                        || (before.count() == after.count()
                            && before.value().compareTo(after.value()) < 0))
                .as("%s: %s ordered by count, then value: %s", text, facet, counts)
                .isTrue();
          }
        }
      }
      assertThat(checked).as(text).isGreaterThan(10);
    }
  }

  @Test
  default void pagesAreStableAndDisjoint() {
    EducationSearchResult first = search().search(query("insinööri", Map.of(), 0));
    EducationSearchResult second = search().search(query("insinööri", Map.of(), 1));
    EducationSearchResult firstAgain = search().search(query("insinööri", Map.of(), 0));
    assertThat(first.total()).isGreaterThan(20);
    Set<UUID> ids = new HashSet<>();
    first.hits().forEach(h -> ids.add(h.id()));
    assertThat(second.hits()).noneMatch(h -> ids.contains(h.id()));
    assertThat(firstAgain.hits().stream().map(Hit::id).toList())
        .isEqualTo(first.hits().stream().map(Hit::id).toList());
  }

  @Test
  default void countsApplicationsOpenNowPerImplementation() {
    // Konfo's records carry no application periods, so this pushes two courses that do: one open
    // now, one with an ended and a future application period (not open: no single
    // implementation's period contains today).
    String document =
        """
        {"@context": "https://schema.org", "@graph": [
          {"@type": "Course", "@id": "https://contract.example.fi/hakuaika-auki",
           "name": {"@language": "fi", "@value": "Hakuaikakokeilun peruskurssi"},
           "provider": {"name": "Sopimusopisto"},
           "hasCourseInstance": [{"@type": "CourseInstance", "courseMode": "online",
             "offers": {"validFrom": "2020-01-01", "validThrough": "2099-01-10"}}]},
          {"@type": "Course", "@id": "https://contract.example.fi/hakuaika-kiinni",
           "name": {"@language": "fi", "@value": "Hakuaikakokeilun jatkokurssi"},
           "provider": {"name": "Sopimusopisto"},
           "hasCourseInstance": [
             {"@type": "CourseInstance", "courseMode": "online",
              "offers": {"validFrom": "2020-01-01", "validThrough": "2021-01-10"}},
             {"@type": "CourseInstance", "courseMode": "online",
              "offers": {"validFrom": "2098-01-01", "validThrough": "2099-01-10"}}]}
        ]}
        """;
    assertThat(push().publish(document.getBytes(StandardCharsets.UTF_8)).errors()).isEmpty();
    Map<Facet, Set<String>> provider = Map.of(Facet.PROVIDER, Set.of("Sopimusopisto"));
    EducationSearchResult all = search().search(query("hakuaikakokeilun", provider, 0));
    EducationSearchResult open =
        search()
            .search(
                new EducationQuery(
                    "hakuaikakokeilun",
                    null,
                    provider,
                    true,
                    Set.of(),
                    SortOrder.RELEVANCE,
                    0,
                    10,
                    Language.FI));
    assertThat(all.total()).isEqualTo(2);
    assertThat(all.openNow()).isEqualTo(1);
    assertThat(open.total()).isEqualTo(1);
    assertThat(open.hits().getFirst().titles()).containsValue("Hakuaikakokeilun peruskurssi");
  }

  /**
   * A doctoral programme's score is multiplied by the doctoral prior (0.5): of two courses named
   * alike, the one whose description names the word as well scores higher and comes first, unless
   * it is a doctoral programme (EQF 8). The control pair differs only in that level (7).
   */
  @Test
  default void doctoralProgrammesScoreIsMultipliedByThePrior() {
    String document =
        """
        {"@context": "https://schema.org", "@graph": [
          %s, %s, %s, %s
        ]}
        """
            .formatted(
                priorCourse("priorikoe-tohtori", "Priorikoe", 8, true),
                priorCourse("priorikoe-kurssi", "Priorikoe", 6, false),
                priorCourse("vertailukoe-maisteri", "Vertailukoe", 7, true),
                priorCourse("vertailukoe-kurssi", "Vertailukoe", 6, false));
    assertThat(push().publish(document.getBytes(StandardCharsets.UTF_8)).errors()).isEmpty();
    Map<Facet, Set<String>> provider = Map.of(Facet.PROVIDER, Set.of("Prioriopisto"));
    EducationSearchResult control = search().search(query("vertailukoe", provider, 0));
    assertThat(control.hits().stream().map(h -> h.id()).toList()).hasSize(2);
    assertThat(descriptions(control)).as("the control pair").containsExactly(true, false);
    EducationSearchResult doctoral = search().search(query("priorikoe", provider, 0));
    assertThat(descriptions(doctoral)).as("the doctoral pair").containsExactly(false, true);
  }

  /** Whether each hit is the one of its pair whose description names the word. */
  private List<Boolean> descriptions(EducationSearchResult result) {
    List<UUID> ids = result.hits().stream().map(Hit::id).toList();
    return ids.stream()
        .map(
            id ->
                jdbc()
                    .queryForObject(
                        "select source_id like '%-kurssi' from education_offering where id = ?",
                        Boolean.class, id))
        .map(plain -> !plain)
        .toList();
  }

  private static String priorCourse(String id, String name, int eqf, boolean described) {
    String description =
        described
            ? ", \"description\": {\"@language\": \"fi\", \"@value\": \"%s opettaa.\"}"
                .formatted(name)
            : "";
    return """
        {"@type": "Course", "@id": "https://contract.example.fi/%s",
         "name": {"@language": "fi", "@value": "%s"}%s, "eqfLevel": %d,
         "provider": {"name": "Prioriopisto"},
         "hasCourseInstance": [{"@type": "CourseInstance", "courseMode": "online"}]}"""
        .formatted(id, name, description, eqf);
  }

  @Test
  default void highlightsMatchedWords() {
    EducationSearchResult result = search().search(query("metsätalous", Map.of(), 0));
    assertThat(result.hits().stream().flatMap(h -> h.highlights().stream()))
        .as("highlights of %s", titles(result))
        .anyMatch(s -> s.contains("<mark>"));
  }

  @Test
  default void skillsAreIdentifiedWithEvidenceAndSearchable() {
    EducationSearchResult result =
        search()
            .search(
                new EducationQuery(
                    "",
                    "data analysis",
                    Map.of(),
                    false,
                    Set.of(),
                    SortOrder.RELEVANCE,
                    0,
                    10,
                    Language.EN));
    assertThat(result.total()).isPositive();
    assertThat(result.hits()).anyMatch(h -> !h.skills().isEmpty());
    Integer withEvidence =
        jdbc()
            .queryForObject(
                "select count(*) from education_offering_skill where source = 'IDENTIFIED'"
                    + " and evidence is not null",
                Integer.class);
    Integer qualificationDefined =
        jdbc()
            .queryForObject(
                "select count(*) from education_offering_skill where source = 'QUALIFICATION_DEFINED'",
                Integer.class);
    assertThat(withEvidence).isPositive();
    assertThat(qualificationDefined).isPositive();
  }

  @Test
  default void queryTextIsNeverSyntax() {
    for (String text :
        List.of(
            "title:(a OR b)~2 *?",
            "\"",
            "AND OR NOT",
            "\\",
            "+-&&||!(){}[]^\"~*?:\\/",
            "x".repeat(EducationQuery.MAX_TEXT),
            "💥 ja 日本語")) {
      search().search(query(text, Map.of(), 0));
    }
    assertThatThrownBy(() -> query("x".repeat(EducationQuery.MAX_TEXT + 1), Map.of(), 0))
        .isInstanceOf(InvalidInputException.class);
  }

  @Test
  default void apiAnswersRandomInputWithPageOr400() throws Exception {
    Random random = new Random(42);
    String[] parameters = {"q", "level", "location", "size", "page", "sort", "open", "extent"};
    for (int i = 0; i < 200; i++) {
      String parameter = parameters[random.nextInt(parameters.length)];
      StringBuilder value = new StringBuilder();
      int length = random.nextInt(i % 10 == 0 ? 800 : 30);
      for (int c = 0; c < length; c++) {
        value.appendCodePoint(
            random.nextInt(3) == 0 ? random.nextInt(0x3000) + 1 : 32 + random.nextInt(95));
      }
      MvcResult result =
          mvc()
              .perform(get("/api/v1/education/search").param(parameter, value.toString()))
              .andReturn();
      assertThat(result.getResponse().getStatus()).as("%s=%s", parameter, value).isIn(200, 400);
    }
    mvc()
        .perform(get("/api/v1/education/search").param("size", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("between")));
    // Search words as long as the search box allows are searched; longer ones are refused.
    mvc()
        .perform(get("/api/v1/education/search").param("q", "hoitaja ".repeat(62) + "hoi"))
        .andExpect(status().isOk());
    mvc()
        .perform(get("/api/v1/education/search").param("q", "hoitaja ".repeat(63)))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("q"))
        .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("500")));
    mvc()
        .perform(
            get("/api/v1/education/search").param("q", "tietojenkäsittely").param("lang", "fi"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[0].title.text").isNotEmpty())
        .andExpect(jsonPath("$.facets.level").isArray());
  }

  /**
   * Words that name nothing in the catalogue but an occupation ESCO knows are answered with the
   * offerings that teach that occupation's skills, and the result says so; the oracle is the stored
   * skills, not the ranking.
   */
  @Test
  default void anOccupationTheCatalogueDoesNotNameIsAnsweredThroughItsSkills() {
    // The real catalogue has no electrician's qualification: the words alone find nothing.
    assertThat(search().count("sähköasentaja", Language.FI, true)).isZero();

    EducationSearchResult result = search().firstPage("sähköasentaja", Language.FI, 10);

    assertThat(result.related()).isTrue();
    assertThat(result.relatedVia())
        .extracting(fi.osaava.platform.LocalizedText::text)
        .contains("sähköasentaja");
    assertThat(result.hits()).isNotEmpty();
    for (EducationSearchResult.Hit hit :
        result.hits().subList(0, Math.min(3, result.hits().size()))) {
      List<String> labels =
          jdbc()
              .queryForList(
                  "select coalesce(label_fi, label_en) from education_offering_skill"
                      + " where offering_id = ?",
                  String.class,
                  hit.id());
      assertThat(labels).as("skills of %s", hit.titles()).anyMatch(l -> l.contains("sähkö"));
    }

    EducationSearchResult nurse = search().firstPage("sairaanhoitaja", Language.FI, 10);
    assertThat(nurse.related()).isFalse();
    assertThat(nurse.total()).isPositive();
    EducationSearchResult nonsense = search().firstPage("qxzvkw plorbt", Language.EN, 10);
    assertThat(nonsense.related()).isFalse();
    assertThat(nonsense.total()).isZero();
  }

  /**
   * A hit's titles and strongest skills, which the page shows, are projected from the index: the
   * same as the tables hold (the titles in every language given; the three strongest skills by
   * score, then URI, labelled in the reader's language or else English or Finnish).
   */
  @Test
  default void shownTitlesAndSkillsAreTheCatalogues() {
    for (Language language : List.of(Language.FI, Language.SV, Language.EN)) {
      String label = "label_" + language.code();
      EducationSearchResult result =
          search()
              .search(
                  new EducationQuery(
                      "", "", Map.of(), false, Set.of(), SortOrder.RELEVANCE, 0, 20, language));
      assertThat(result.hits()).hasSize(20);
      assertThat(result.hits()).anyMatch(h -> h.skills().size() == 3);
      for (Hit hit : result.hits()) {
        Map<String, Object> row =
            jdbc()
                .queryForMap(
                    "select title_fi, title_sv, title_en from education_offering where id = ?",
                    hit.id());
        Map<String, String> titles = new java.util.HashMap<>();
        row.forEach(
            (column, title) -> {
              if (title != null) {
                titles.put(column.substring("title_".length()), (String) title);
              }
            });
        List<String> skills =
            jdbc()
                .queryForList(
                    "select coalesce("
                        + label
                        + ", label_en, label_fi) from education_offering_skill"
                        + " where offering_id = ? order by score desc, skill_uri limit 3",
                    String.class,
                    hit.id());
        skills.removeIf(java.util.Objects::isNull);
        assertThat(hit.titles()).as("titles of %s", hit.id()).isEqualTo(titles);
        assertThat(hit.skills()).as("skills of %s in %s", hit.id(), language).isEqualTo(skills);
      }
    }
  }
}
