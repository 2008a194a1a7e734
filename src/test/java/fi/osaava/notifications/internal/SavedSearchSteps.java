package fi.osaava.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import com.standardwebhooks.Webhook;
import fi.osaava.education.OfferingId;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** Steps the saved-search tests share: saving from a search page's form, reading the mail. */
final class SavedSearchSteps {

  private SavedSearchSteps() {}

  /**
   * Opens a search page and posts its "Save this search" form as a browser would, hidden fields and
   * all, and checks that the search was saved.
   */
  static void saveFromPage(MockMvc mvc, RequestBuilder page, RequestPostProcessor person)
      throws Exception {
    var form =
        Jsoup.parse(mvc.perform(page).andReturn().getResponse().getContentAsString())
            .selectFirst("form.save-search");
    assertThat(form).isNotNull();
    var save = post(form.attr("action")).with(person).with(csrf());
    for (var input : form.select("input[type=hidden]")) {
      save.param(input.attr("name"), input.attr("value"));
    }
    assertThat(mvc.perform(save).andReturn().getResponse().getRedirectedUrl())
        .isEqualTo("/notifications/searches?saved");
  }

  /** Saves a search of words by a plain post, as another page's form would. */
  static void save(MockMvc mvc, RequestPostProcessor person, String kind, String words)
      throws Exception {
    mvc.perform(
        post("/notifications/searches")
            .param("kind", kind)
            .param("q", words)
            .with(person)
            .with(csrf()));
  }

  /** Turns on mail at once to this address, chosen on a page in this language. */
  static void mailAtOnce(MockMvc mvc, RequestPostProcessor person, String address, String language)
      throws Exception {
    mvc.perform(
        post("/notifications/settings")
            .param("email", address)
            .param("frequency", "IMMEDIATE")
            .with(person)
            .with(csrf())
            .header("Accept-Language", language));
  }

  /**
   * Subscribes the person's first saved search, chosen from the webhook page's own list; the secret
   * shown once.
   */
  static String subscribe(MockMvc mvc, RequestPostProcessor person, String url) throws Exception {
    String search =
        Jsoup.parse(
                mvc.perform(get("/notifications/webhooks").with(person))
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .select("select[name=savedSearch] option")
            .stream()
            .map(o -> o.attr("value"))
            .filter(v -> !v.isBlank())
            .findFirst()
            .orElseThrow();
    var created =
        mvc.perform(
                post("/notifications/webhooks")
                    .param("savedSearch", search)
                    .param("url", url)
                    .with(person)
                    .with(csrf()))
            .andReturn();
    assertThat(created.getResponse().getRedirectedUrl()).contains("?created");
    return String.valueOf(created.getFlashMap().get("secret"));
  }

  static List<MimeMessage> mailsTo(GreenMail server, String address) {
    return Arrays.stream(server.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                    .anyMatch(r -> r.toString().equals(address));
              } catch (MessagingException e) {
                throw new IllegalStateException(e);
              }
            })
        .toList();
  }

  /** The one delivery a test subscriber received, its signature verified with the secret. */
  static WebhookSubscriber.Received onlySignedDelivery(WebhookSubscriber hook, String secret) {
    assertThat(hook.received).hasSize(1);
    WebhookSubscriber.Received delivery = hook.received.getFirst();
    assertThatCode(() -> new Webhook(secret).verify(delivery.body(), delivery.headers()))
        .doesNotThrowAnyException();
    return delivery;
  }

  /** The offerings a test pushed, by a pattern of their source ids (SQL {@code like}). */
  static List<OfferingId> offeringsFrom(JdbcClient jdbc, String sourceIdPattern) {
    return jdbc
        .sql("select id from education_offering where source_id like ?")
        .param(sourceIdPattern)
        .query(UUID.class)
        .list()
        .stream()
        .map(OfferingId::new)
        .toList();
  }

  /** A page as the person sees it in English. */
  static Document html(MockMvc mvc, String path, RequestPostProcessor person) throws Exception {
    return Jsoup.parse(
        mvc.perform(get(path).with(person).header("Accept-Language", "en"))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }
}
