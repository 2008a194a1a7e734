package fi.osaava.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.web.WebTestBase;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.webjars.WebJarVersionLocator;

/**
 * GOV.UK Frontend's style sheet is served whole but for its {@code @font-face} rules, from the
 * version-free path the layout uses, with the usual cache header; other WebJar files are untouched.
 */
class DesignSystemResourcesTest extends WebTestBase {

  @Test
  void theStyleSheetGoesOutWithoutGovukFontFaces() throws Exception {
    String css =
        mvc.perform(get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css"))
            .andExpect(status().isOk())
            .andExpect(header().string("Cache-Control", "max-age=604800"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(css).contains(".govuk-button{").doesNotContain("@font-face", "/assets/fonts/");

    String original =
        new String(
            new ClassPathResource(
                    "META-INF/resources/webjars/govuk-frontend/"
                        + new WebJarVersionLocator().version("govuk-frontend")
                        + "/dist/govuk/govuk-frontend.min.css")
                .getContentAsByteArray(),
            StandardCharsets.UTF_8);
    assertThat(original).as("the WebJar itself declares the font").contains("@font-face");
    assertThat(css.length()).isLessThan(original.length()).isGreaterThan(original.length() - 2000);
  }

  @Test
  void otherWebJarFilesAreServedAsTheyAre() throws Exception {
    byte[] served =
        mvc.perform(get("/webjars/govuk-frontend/dist/govuk/govuk-frontend.min.js"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    assertThat(served).isNotEmpty();
    assertThat(new String(served, StandardCharsets.UTF_8)).contains("initAll");
  }
}
