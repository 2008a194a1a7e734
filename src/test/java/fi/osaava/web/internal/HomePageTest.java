package fi.osaava.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.web.WebTestBase;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * The front door starts from what a person wants to do, in the page's language, and every way in
 * leads to a page that answers; the ESCO browser is one click away.
 */
class HomePageTest extends WebTestBase {

  @Autowired MessageSource messages;

  @Test
  void everyTaskLeadsToAWorkingPageInEachLanguage() throws Exception {
    for (String lang : new String[] {"fi", "sv", "en"}) {
      String html =
          mvc.perform(get("/").header("Accept-Language", lang))
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      Locale locale = Locale.forLanguageTag(lang);
      assertThat(html)
          .contains("<html lang=\"" + lang + "\"")
          .contains(messages.getMessage("home.title", null, locale))
          .contains("href=\"/esco\"");
      for (HomePageController.Task task : HomePageController.TASKS) {
        assertThat(html)
            .contains("id=\"task-" + task.key() + "\"")
            .contains("href=\"" + task.href() + "\"")
            .contains(messages.getMessage("home.task." + task.key(), null, locale));
      }
    }
    for (HomePageController.Task task : HomePageController.TASKS) {
      // /profile asks an anonymous visitor to sign in; every other way in answers at once.
      int code = mvc.perform(get(task.href())).andReturn().getResponse().getStatus();
      assertThat(code).as(task.href()).isIn(200, 302);
    }
    mvc.perform(get("/esco")).andExpect(status().isOk());
  }
}
