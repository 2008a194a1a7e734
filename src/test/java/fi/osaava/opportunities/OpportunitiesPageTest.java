package fi.osaava.opportunities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.web.WebTestBase;
import org.junit.jupiter.api.Test;

/** The opportunities pages without JavaScript: GET forms render explained results. */
class OpportunitiesPageTest extends WebTestBase {

  @Test
  void anonymousSkillsGiveExplainedCards() throws Exception {
    mvc.perform(
            get("/opportunities")
                .param("skills", "Java (computer programming), SQL, software design")
                .param("kind", "OCCUPATION")
                .header("Accept-Language", "en"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Skills that matched:")))
        .andExpect(content().string(containsString("(essential)")))
        .andExpect(content().string(containsString("Demand:")))
        .andExpect(content().string(containsString("European Commission")));
  }

  /** Nobody types RIASEC letters: plain-word boxes give the interest code, and it is used. */
  @Test
  void likesTickedInPlainWordsBecomeTheInterestCode() throws Exception {
    String html =
        mvc.perform(
                get("/opportunities")
                    .param("skills", "patient care, first aid")
                    .param("like", "S")
                    .param("like", "C")
                    .param("kind", "OCCUPATION")
                    .header("Accept-Language", "sv"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(html)
        .contains("Att hjälpa människor")
        .containsPattern("id=\"like-S\"[^>]*checked")
        .containsPattern("id=\"like-C\"[^>]*checked")
        .doesNotContainPattern("id=\"like-R\"[^>]*checked")
        .doesNotContain("name=\"riasec\"");
    assertThat(html).contains("intressekoderna stämmer");
    mvc.perform(get("/opportunities").param("skills", "first aid").param("like", "SA"))
        .andExpect(status().isBadRequest());
  }

  @Test
  void goalPageShowsTheGapAndAPath() throws Exception {
    mvc.perform(
            get("/opportunities/goals/" + OpportunitiesApiTest.DEVELOPER_ID)
                .param("skills", "Java (computer programming)")
                .param("compose", "true")
                .param("maxCredits", "60")
                .header("Accept-Language", "fi"))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("Osaamisvajeesi")))
        .andExpect(content().string(containsString("Polku: paras kattavuus")));
  }

  @Test
  void plansNeedSignIn() throws Exception {
    mvc.perform(get("/opportunities/plans"))
        .andExpect(result -> assertThat(result.getResponse().getStatus()).isIn(302, 401, 403));
    mvc.perform(post("/opportunities/plans").param("goal", "x"))
        .andExpect(status().is4xxClientError());
  }
}
