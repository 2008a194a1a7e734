package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The REST lists and lookups of education, services, opportunities and regions take {@code lang},
 * {@code page} and {@code size} as parameter objects: each route keeps its own limits and accepted
 * languages, refuses the rest with a 400 naming the parameter, and still documents all three as
 * plain query parameters with those limits.
 */
class ApiParameterObjectsTest extends WebTestBase {

  @ParameterizedTest(name = "{0}?{1}={2}")
  @CsvSource({
    "/api/v1/education/search, size, 0",
    "/api/v1/education/search, size, 51",
    "/api/v1/education/search, page, -1",
    "/api/v1/education/search, page, x",
    "/api/v1/education/search, lang, no",
    "/api/v1/education/search, lang, de",
    "/api/v1/education/offerings/00000000-0000-0000-0000-000000000001, lang, nb",
    "/api/v1/services, page, 10001",
    "/api/v1/services, size, 201",
    "/api/v1/services, lang, no",
    "/api/v1/services/recommendations?situation=UNEMPLOYED, lang, no",
    "/api/v1/opportunities, size, 101",
    "/api/v1/opportunities, page, -1",
    "/api/v1/opportunities, lang, de",
    "/api/v1/regions/region, lang, de",
    "/api/v1/regions/region/06, lang, de"
  })
  void aValueOutsideTheRoutesLimitsIsA400NamingTheParameter(
      String path, String parameter, String value) throws Exception {
    mvc.perform(get(path).param(parameter, value))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value(parameter));
  }

  @Test
  void eachRouteKeepsItsDefaultsAndAcceptedValues() throws Exception {
    mvc.perform(get("/api/v1/education/search").param("size", "50").param("lang", "fi-FI"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.size").value(50));
    mvc.perform(get("/api/v1/education/search").header("Accept-Language", "nb"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.size").value(20))
        .andExpect(jsonPath("$.page").value(0));
    mvc.perform(get("/api/v1/services").param("page", "10000").param("size", "200"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.page").value(10000))
        .andExpect(jsonPath("$.size").value(200));
    mvc.perform(get("/api/v1/services").param("lang", " "))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.size").value(20));
    // Regions name areas in the language asked for; Norwegian is accepted and falls back.
    mvc.perform(get("/api/v1/regions/region/01").param("lang", "sv"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.area.name").value("Nyland"));
    mvc.perform(get("/api/v1/regions/region/01").param("lang", "no"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.area.fallback").value(true));
  }

  @Test
  void theOpenApiDocumentShowsEachRoutesParametersWithTheirLimits() throws Exception {
    String docs =
        mvc.perform(get("/v3/api-docs"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertLimits(docs, "/api/v1/education/search", 0, null, 50, List.of("fi", "sv", "en"));
    assertLimits(docs, "/api/v1/services", 0, 10000, 200, List.of("fi", "sv", "en"));
    assertLimits(docs, "/api/v1/opportunities", 0, null, 100, List.of("fi", "sv", "en", "no"));
    assertLanguages(docs, "/api/v1/education/offerings/{id}", List.of("fi", "sv", "en"));
    assertLanguages(docs, "/api/v1/services/recommendations", List.of("fi", "sv", "en"));
    assertLanguages(docs, "/api/v1/regions/{level}", List.of("fi", "sv", "en", "no"));
    assertLanguages(docs, "/api/v1/regions/{level}/{code}", List.of("fi", "sv", "en", "no"));
  }

  private static void assertLimits(
      String docs,
      String path,
      int minimumPage,
      Integer maximumPage,
      int maximumSize,
      List<String> languages) {
    String parameters = "$.paths['" + path + "'].get.parameters";
    List<String> names = JsonPath.read(docs, parameters + "[?(@.in == 'query')].name");
    assertThat(names)
        .as(path)
        .contains("lang", "page", "size")
        .doesNotContain("paging")
        .doesNotHaveDuplicates();
    List<Integer> pageMinimum =
        JsonPath.read(docs, parameters + "[?(@.name == 'page')].schema.minimum");
    assertThat(pageMinimum).as(path).containsExactly(minimumPage);
    List<Integer> pageMaximum =
        JsonPath.read(docs, parameters + "[?(@.name == 'page')].schema.maximum");
    assertThat(pageMaximum)
        .as(path)
        .isEqualTo(maximumPage == null ? List.of() : List.of(maximumPage));
    List<Integer> sizeMaximum =
        JsonPath.read(docs, parameters + "[?(@.name == 'size')].schema.maximum");
    assertThat(sizeMaximum).as(path).containsExactly(maximumSize);
    List<Object> sizeDefault =
        JsonPath.read(docs, parameters + "[?(@.name == 'size')].schema.default");
    assertThat(sizeDefault).as(path).hasSize(1).allMatch(d -> String.valueOf(d).equals("20"));
    assertLanguages(docs, path, languages);
  }

  private static void assertLanguages(String docs, String path, List<String> languages) {
    List<String> accepted =
        JsonPath.read(
            docs, "$.paths['" + path + "'].get.parameters[?(@.name == 'lang')].schema.enum[*]");
    assertThat(accepted).as(path).containsExactlyInAnyOrderElementsOf(languages);
  }
}
