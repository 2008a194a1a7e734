package fi.osaava.taxonomy.internal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import fi.osaava.taxonomy.internal.web.EscoFixture.Labelled;
import fi.osaava.taxonomy.internal.web.EscoFixture.OccupationSkill;
import fi.osaava.web.WebTestBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The REST API against the real database with ESCO 1.1.1 imported; expected values come from the
 * ESCO CSV files themselves ({@link EscoFixture}).
 */
class TaxonomyApiControllerTest extends WebTestBase {

  private static final String API = "/api/v1/taxonomy";

  @Test
  void conceptInFinnishHasItsOwnLabelAndInSwedishFallsBackToEnglish() throws Exception {
    // ESCO 1.1.1 as published here has Finnish skills but no Swedish ones.
    Labelled skill = EscoFixture.firstFinnishSkill();
    String english = EscoFixture.englishLabel("skills_en.csv", skill.uri());

    mvc.perform(get(API + "/concept").param("uri", skill.uri()).param("lang", "fi"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
        .andExpect(jsonPath("$.uri").value(skill.uri()))
        .andExpect(jsonPath("$.type").value("skill"))
        .andExpect(jsonPath("$.label.text").value(skill.label()))
        .andExpect(jsonPath("$.label.language").value("fi"))
        .andExpect(jsonPath("$.label.fallback").value(false))
        .andExpect(jsonPath("$.preferredLabels.fi").value(skill.label()))
        .andExpect(jsonPath("$.preferredLabels.en").value(english))
        .andExpect(jsonPath("$.descriptions.en").isNotEmpty());

    mvc.perform(get(API + "/concept").param("uri", skill.uri()).param("lang", "sv"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.label.text").value(english))
        .andExpect(jsonPath("$.label.language").value("en"))
        .andExpect(jsonPath("$.label.fallback").value(true))
        .andExpect(jsonPath("$.description.language").value("en"))
        .andExpect(jsonPath("$.description.fallback").value(true))
        .andExpect(jsonPath("$.preferredLabels.sv").doesNotExist());
  }

  @Test
  void languageDefaultsToAcceptLanguageThenFinnish() throws Exception {
    Labelled skill = EscoFixture.firstFinnishSkill();
    mvc.perform(get(API + "/concept").param("uri", skill.uri()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.label.language").value("fi"));
    mvc.perform(
            get(API + "/concept")
                .param("uri", skill.uri())
                .header("Accept-Language", "de, en;q=0.5"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.label.language").value("en"))
        .andExpect(jsonPath("$.label.fallback").value(false));
  }

  @Test
  void occupationSkillsAreSplitIntoEssentialAndOptionalAsInEsco() throws Exception {
    List<OccupationSkill> rows = EscoFixture.occupationSkills();
    String occupation = rows.getFirst().occupation();
    Map<String, Set<String>> expected =
        rows.stream()
            .filter(r -> r.occupation().equals(occupation))
            .collect(
                Collectors.groupingBy(
                    OccupationSkill::relation,
                    Collectors.mapping(OccupationSkill::skill, Collectors.toSet())));
    Set<String> essential = expected.getOrDefault("essential", Set.of());
    Set<String> optional = expected.getOrDefault("optional", Set.of());
    assertThat(essential).as("the fixture occupation has essential skills").isNotEmpty();

    String all =
        mvc.perform(
                get(API + "/occupation/skills")
                    .param("uri", occupation)
                    .param("lang", "en")
                    .param("size", "200"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.total").value(essential.size() + optional.size()))
            .andExpect(jsonPath("$.page").value(0))
            .andExpect(jsonPath("$.size").value(200))
            .andReturn()
            .getResponse()
            .getContentAsString();
    List<String> relations = JsonPath.read(all, "$.items[*].relation");
    List<String> uris = JsonPath.read(all, "$.items[*].concept.uri");
    // Essential first, then optional, and each skill under the relation ESCO gives it.
    assertThat(relations)
        .isSortedAccordingTo((a, b) -> Boolean.compare(a.equals("optional"), b.equals("optional")));
    for (int i = 0; i < uris.size(); i++) {
      Set<String> wanted = relations.get(i).equals("essential") ? essential : optional;
      assertThat(wanted).as("%s is %s", uris.get(i), relations.get(i)).contains(uris.get(i));
    }

    mvc.perform(
            get(API + "/occupation/skills")
                .param("uri", occupation)
                .param("relation", "optional")
                .param("size", "200"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(optional.size()))
        .andExpect(jsonPath("$.items[*].relation", everyItem(is("optional"))));
  }

  @Test
  void skillOccupationsAndRelatedListsArePaged() throws Exception {
    List<OccupationSkill> rows = EscoFixture.occupationSkills();
    String skill = rows.getFirst().skill();
    long expectedOccupations = rows.stream().filter(r -> r.skill().equals(skill)).count();
    mvc.perform(get(API + "/skill/occupations").param("uri", skill).param("size", "1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(expectedOccupations))
        .andExpect(jsonPath("$.items.length()").value(1))
        .andExpect(jsonPath("$.items[0].concept.type").value("occupation"));
    mvc.perform(get(API + "/skill/related").param("uri", skill))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(0))
        .andExpect(jsonPath("$.size").value(20))
        .andExpect(jsonPath("$.total").isNumber());
  }

  @Test
  void broaderAndNarrowerFollowTheOccupationPillar() throws Exception {
    List<String[]> rows = EscoFixture.occupationPillarBroader();
    String[] first = rows.getFirst();
    String child = first[0];
    String parent = first[1];
    long children = rows.stream().filter(r -> r[1].equals(parent)).count();

    mvc.perform(get(API + "/concept/broader").param("uri", child).param("lang", "en"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[*].uri", hasItem(parent)));
    mvc.perform(get(API + "/concept/narrower").param("uri", parent).param("size", "200"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(children))
        .andExpect(jsonPath("$.items[*].uri", hasItem(child)));
  }

  @Test
  void browsePagesAreBoundedAndOrdered() throws Exception {
    String firstPage =
        mvc.perform(get(API + "/browse/isco-group").param("lang", "en").param("size", "200"))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.items.length()").value(200))
            .andReturn()
            .getResponse()
            .getContentAsString();
    int total = JsonPath.read(firstPage, "$.total");
    assertThat(total).isEqualTo(EscoFixture.rowCount("ISCOGroups_en.csv"));
    List<String> labels = JsonPath.read(firstPage, "$.items[*].label.text");
    List<String> lower = new ArrayList<>(labels.stream().map(String::toLowerCase).toList());
    assertThat(lower).isSorted();

    int beyond = total / 200 + 1;
    mvc.perform(
            get(API + "/browse/isco-group")
                .param("size", "200")
                .param("page", String.valueOf(beyond)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items.length()").value(0))
        .andExpect(jsonPath("$.total").value(total));
  }

  @Test
  void collectionsListTheirMembers() throws Exception {
    int digital = EscoFixture.rowCount("digitalSkillsCollection_en.csv");
    String member = EscoFixture.uris("digitalSkillsCollection_en.csv").getFirst();
    mvc.perform(get(API + "/collections"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items[?(@.code == 'digital')].size", hasItem(digital)));
    mvc.perform(get(API + "/collections/digital").param("size", "5"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.total").value(digital))
        .andExpect(jsonPath("$.items.length()").value(5));
    mvc.perform(get(API + "/concept").param("uri", member))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.collections", hasItem("digital")));
  }

  @Test
  void badParametersAreProblemDetailsNamingTheParameter() throws Exception {
    String skill = EscoFixture.firstFinnishSkill().uri();
    problem(get(API + "/concept").param("uri", skill).param("lang", "de"), 400)
        .andExpect(jsonPath("$.detail", containsString("fi, sv, en, no")))
        .andExpect(jsonPath("$.parameter").value("lang"));
    problem(get(API + "/concept").param("uri", "not a uri"), 400)
        .andExpect(jsonPath("$.parameter").value("uri"));
    problem(get(API + "/concept").param("uri", "http:///nohost"), 400)
        .andExpect(jsonPath("$.detail", containsString("host")));
    problem(get(API + "/concept"), 400).andExpect(jsonPath("$.detail", containsString("uri")));
    problem(get(API + "/browse/skill").param("size", "201"), 400)
        .andExpect(jsonPath("$.detail", containsString("size")));
    problem(get(API + "/browse/skill").param("size", "0"), 400)
        .andExpect(jsonPath("$.detail", containsString("size")));
    problem(get(API + "/browse/skill").param("page", "-1"), 400)
        .andExpect(jsonPath("$.detail", containsString("page")));
    problem(get(API + "/browse/skill").param("page", "x"), 400)
        .andExpect(jsonPath("$.parameter").value("page"));
    problem(get(API + "/browse/skills"), 400)
        .andExpect(jsonPath("$.detail", containsString("skill-group")));
    problem(get(API + "/occupation/skills").param("uri", skill).param("relation", "maybe"), 400)
        .andExpect(jsonPath("$.detail", containsString("essential or optional")));
    // Asking for an occupation's skills of a skill is a mistake worth saying, not an empty list.
    problem(get(API + "/occupation/skills").param("uri", skill), 400)
        .andExpect(jsonPath("$.detail", containsString("of type occupation")));
    problem(get(API + "/autocomplete").param("q", " "), 400)
        .andExpect(jsonPath("$.detail", containsString("q")));
    problem(get(API + "/autocomplete").param("q", "x").param("limit", "51"), 400)
        .andExpect(jsonPath("$.detail", containsString("limit")));
  }

  @Test
  void unknownConceptsAndCollectionsAre404Problems() throws Exception {
    String unknown = "http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000";
    problem(get(API + "/concept").param("uri", unknown), 404)
        .andExpect(jsonPath("$.detail", containsString(unknown)));
    problem(get(API + "/concept/narrower").param("uri", unknown), 404);
    problem(get(API + "/skill/occupations").param("uri", unknown), 404);
    problem(get(API + "/collections/no-such-collection"), 404);
  }

  @Test
  void openApiDocumentsEveryEndpoint() throws Exception {
    String docs =
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    Map<String, Object> paths = JsonPath.read(docs, "$.paths");
    assertThat(paths)
        .containsKeys(
            API + "/concept",
            API + "/concept/broader",
            API + "/concept/narrower",
            API + "/occupation/skills",
            API + "/skill/occupations",
            API + "/skill/related",
            API + "/browse/{type}",
            API + "/collections",
            API + "/collections/{code}",
            API + "/autocomplete");
    // The ConceptUri and Language parameters are documented as strings, not as Java objects.
    List<String> langEnums =
        JsonPath.read(
            docs,
            "$.paths['" + API + "/concept'].get.parameters[?(@.name == 'lang')].schema.enum[*]");
    assertThat(langEnums).containsExactlyInAnyOrder("fi", "sv", "en", "no");
    // The paged lists' parameter object is flattened into plain query parameters, each with its
    // accepted values, so that clients (and the hostile-input run) see lang, page and size.
    for (String list : List.of("/concept/broader", "/browse/{type}", "/collections/{code}")) {
      String parameters = "$.paths['" + API + list + "'].get.parameters";
      List<String> names = JsonPath.read(docs, parameters + "[?(@.in == 'query')].name");
      assertThat(names).as(list).contains("lang", "page", "size").doesNotContain("query");
      List<String> listLangs =
          JsonPath.read(docs, parameters + "[?(@.name == 'lang')].schema.enum[*]");
      assertThat(listLangs).as(list).containsExactlyInAnyOrder("fi", "sv", "en", "no");
      List<Integer> minimumPage =
          JsonPath.read(docs, parameters + "[?(@.name == 'page')].schema.minimum");
      assertThat(minimumPage).as(list).containsExactly(0);
      List<Integer> maximumSize =
          JsonPath.read(docs, parameters + "[?(@.name == 'size')].schema.maximum");
      assertThat(maximumSize).as(list).containsExactly(200);
    }
    List<String> autocomplete =
        JsonPath.read(docs, "$.paths['" + API + "/autocomplete'].get.parameters[*].name");
    assertThat(autocomplete).contains("q", "lang", "type", "limit").doesNotContain("page");
  }

  /** Autocomplete comes from the search index; this passes once that is merged. */
  @Test
  void autocompleteFindsAConceptByTheStartOfItsLabel() throws Exception {
    Labelled skill = EscoFixture.firstFinnishSkill();
    String english = EscoFixture.englishLabel("skills_en.csv", skill.uri());
    mvc.perform(
            get(API + "/autocomplete")
                .param("q", english)
                .param("lang", "en")
                .param("type", "skill")
                .param("limit", "10"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.language").value("en"))
        .andExpect(jsonPath("$.items[*].uri", hasItem(skill.uri())))
        .andExpect(jsonPath("$.items[*].type", everyItem(is("skill"))));
    String prefix = english.substring(0, Math.min(5, english.length()));
    mvc.perform(get(API + "/autocomplete").param("q", prefix).param("lang", "en"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.items").isNotEmpty())
        .andExpect(jsonPath("$.items[0].uri", startsWith("http://data.europa.eu/esco/")));
  }

  private org.springframework.test.web.servlet.ResultActions problem(
      org.springframework.test.web.servlet.RequestBuilder request, int status) throws Exception {
    return mvc.perform(request)
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(status))
        .andExpect(jsonPath("$.title").isNotEmpty());
  }
}
