package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.labourmarket.LabourMarketImports;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Pushed batches are all or nothing: a bad record in the middle of a request refuses the whole
 * request with a problem naming its line and field, and nothing of it is stored, even what came
 * before it in an earlier batch of the same input. The file import (the command line's path) names
 * the same line and field in the same words.
 */
class PushBatchAllOrNothingTest extends WebTestBase {

  private static final int BAD_LINE = 280;

  @Autowired LabourMarketImports imports;
  @Autowired JdbcTemplate jdbc;

  /** 300 synthetic ads of seed 31, one a line, with an unreadable posting date on line 280. */
  private String adsWithABadLine() {
    StringWriter generated = new StringWriter();
    imports.generateJobAds(300, 31, generated);
    List<String> lines = new ArrayList<>(generated.toString().lines().toList());
    String bad =
        lines
            .get(BAD_LINE - 1)
            .replaceFirst("\"datePosted\":\"[^\"]*\"", "\"datePosted\":\"31.10.2026\"");
    assertThat(bad).isNotEqualTo(lines.get(BAD_LINE - 1));
    lines.set(BAD_LINE - 1, bad);
    return String.join("\n", lines) + "\n";
  }

  private int storedAdsOfSeed31() {
    return jdbc.queryForObject(
        "select count(*) from lm_job_ad where source_key like 'synthetic-31-%'", Integer.class);
  }

  @Test
  void aJobAdRequestWithABadLineStoresNothingAndTheFileImportSaysTheSame() throws Exception {
    String ads = adsWithABadLine();

    String body =
        mvc.perform(
                post("/api/v1/job-ads")
                    .contentType(MediaType.APPLICATION_NDJSON)
                    .content(ads)
                    .header(
                        HttpHeaders.AUTHORIZATION, "Bearer " + oidc.bearerToken("job-ads.publish")))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.line").value(BAD_LINE))
            .andExpect(jsonPath("$.field").value("datePosted"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String detail = JsonMapper.shared().readTree(body).path("detail").asString();
    assertThat(detail).startsWith("request body, line 280, field 'datePosted': ");
    // The first 250 ads were written in a batch before line 280 was read; none of them stays.
    assertThat(storedAdsOfSeed31()).isZero();

    // The command line's path: the same input from a file.
    assertThatThrownBy(
            () ->
                imports.ingestJobAds(
                    new ByteArrayInputStream(ads.getBytes(StandardCharsets.UTF_8)),
                    "ads.jsonl",
                    ImportProgress.silent()))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(detail.replaceFirst("^request body", "ads.jsonl")));
    assertThat(storedAdsOfSeed31()).isZero();
  }

  @Test
  void anOfferingPushWithABadRecordStoresNone() throws Exception {
    String document =
        """
        [{"@context": "https://schema.org", "@type": "Course",
          "@id": "https://courses.example.fi/batch-test-good",
          "name": {"@language": "fi", "@value": "Hyvä kurssi"},
          "provider": {"@type": "Organization", "name": "Testiopisto"}},
         {"@context": "https://schema.org", "@type": "Course",
          "@id": "https://courses.example.fi/batch-test-bad",
          "provider": {"@type": "Organization", "name": "Testiopisto"}}]
        """;
    String body =
        mvc.perform(
                post("/api/v1/education/offerings")
                    .contentType(MediaType.valueOf("application/ld+json"))
                    .content(document)
                    .header(
                        HttpHeaders.AUTHORIZATION,
                        "Bearer " + oidc.bearerToken("education.publish")))
            .andExpect(status().isBadRequest())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.field").value("name"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    JsonNode problem = JsonMapper.shared().readTree(body);
    assertThat(problem.path("line").asInt()).isPositive();
    assertThat(problem.path("detail").asString())
        .startsWith("request body, line " + problem.path("line").asInt() + ", field 'name'")
        .contains("nothing was imported");
    assertThat(
            jdbc.queryForObject(
                "select count(*) from education_offering where source_id like"
                    + " 'https://courses.example.fi/batch-test-%'",
                Integer.class))
        .isZero();
  }
}
