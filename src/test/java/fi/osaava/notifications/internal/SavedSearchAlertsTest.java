package fi.osaava.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.icegreen.greenmail.util.GreenMail;
import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.OfferingId;
import fi.osaava.education.OfferingsPublished;
import fi.osaava.platform.ImportProgress;
import fi.osaava.web.WebTestBase;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Saved searches end to end on the real database and the in-process mail server: a person saves a
 * search from the education page's form, a provider publishes a matching offering, and the person
 * finds it in the inbox and in one e-mail with one-click unsubscribe headers; a redelivered event
 * adds nothing and sends nothing again; another person's search and address never appear in it.
 */
class SavedSearchAlertsTest extends WebTestBase {

  @Autowired EducationCatalogue catalogue;
  @Autowired OfferingAlerts alerts;
  @Autowired MailOutbox outbox;
  @Autowired GreenMail mailServer;
  @Autowired JdbcClient jdbc;

  @Test
  void aMatchingNewOfferingReachesTheInboxAndOneMailOfItsSearcherOnly(
      @org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
    String word = "kvanttilaskenta" + UUID.randomUUID().toString().substring(0, 6).replace("-", "");
    String otherWord = "sukellusopas" + UUID.randomUUID().toString().substring(0, 6);
    String aMail = "a-" + UUID.randomUUID() + "@example.fi";
    String bMail = "b-" + UUID.randomUUID() + "@example.fi";
    RequestPostProcessor a = oidc.person("alert-a-" + UUID.randomUUID());
    RequestPostProcessor b = oidc.person("alert-b-" + UUID.randomUUID());

    // A saves from the search page's own form: its hidden fields carry the words and facets.
    SavedSearchSteps.saveFromPage(
        mvc, get("/education").param("q", word).param("mode", "ONLINE").with(a), a);
    SavedSearchSteps.mailAtOnce(mvc, a, aMail, "sv");
    // B searches for something else, with mail on.
    SavedSearchSteps.save(mvc, b, "education", otherWord);
    mvc.perform(
        post("/notifications/settings")
            .param("email", bMail)
            .param("frequency", "IMMEDIATE")
            .with(b)
            .with(csrf()));

    Document list =
        Jsoup.parse(
            mvc.perform(get("/notifications/searches").with(a).header("Accept-Language", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(list.select("tr.saved-search")).hasSize(1);
    assertThat(list.select("tr.saved-search a").text()).contains(word).contains("1 filter");
    assertThat(list.select("tr.saved-search a").attr("href")).contains("mode=ONLINE");
    assertThat(list.text()).doesNotContain(otherWord);

    // A provider publishes an online course with A's word, and an on-site one with it too.
    Path file = dir.resolve("offerings.jsonld");
    Files.writeString(
        file,
        """
        {"@context": "https://schema.org", "@graph": [
          {"@type": "Course", "@id": "https://courses.example.fi/alerts/%1$s",
           "name": "Johdatus %1$siin", "description": "Verkkokurssi.",
           "hasCourseInstance": [{"@type": "CourseInstance", "courseMode": "online", "startDate": "2099-03-01"}]},
          {"@type": "Course", "@id": "https://courses.example.fi/alerts/%1$s-onsite",
           "name": "%1$s lähiopetuksena", "description": "Luokassa.",
           "hasCourseInstance": [{"@type": "CourseInstance", "courseMode": "onsite", "startDate": "2099-03-01",
             "location": {"@type": "Place", "address": {"@type": "PostalAddress", "addressLocality": "Tampere"}}}]}
        ]}
        """
            .formatted(word));
    catalogue.importJsonLd(file, ImportProgress.silent());

    Document inbox =
        Jsoup.parse(
            mvc.perform(get("/notifications/inbox").with(a).header("Accept-Language", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(inbox.select("li.inbox-entry")).as("only the online offering matches").hasSize(1);
    assertThat(inbox.select("li.inbox-entry h2").text())
        .startsWith("New New offering: Johdatus " + word);
    assertThat(inbox.select("#unread-count").text()).isEqualTo("1 unread message");
    Document bInbox =
        Jsoup.parse(
            mvc.perform(get("/notifications/inbox").with(b))
                .andReturn()
                .getResponse()
                .getContentAsString());
    assertThat(bInbox.select("li.inbox-entry")).as("B's search matches neither").isEmpty();

    // The mail: one, to A only, in A's language, with RFC 8058 headers and the same link.
    outbox.sendDue();
    List<MimeMessage> toA = mailsTo(aMail);
    assertThat(toA).hasSize(1);
    MimeMessage mail = toA.getFirst();
    assertThat(mail.getSubject()).isEqualTo("Ny utbildning: Johdatus " + word + "iin");
    String text = String.valueOf(mail.getContent());
    assertThat(text)
        .contains("/education/offerings/")
        .contains(word)
        .doesNotContain(otherWord)
        .doesNotContain(bMail);
    assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(aMail);
    String listUnsubscribe = mail.getHeader("List-Unsubscribe")[0];
    assertThat(listUnsubscribe)
        .matches("<http://[^>]+/notifications/unsubscribe\\?token=[A-Za-z0-9_-]{43}>");
    assertThat(mail.getHeader("List-Unsubscribe-Post"))
        .containsExactly("List-Unsubscribe=One-Click");
    String link = listUnsubscribe.substring(1, listUnsubscribe.length() - 1);
    assertThat(text).contains(link);
    assertThat(mailsTo(bMail)).isEmpty();

    // The event delivered again (a restart's republication): nothing new in the inbox or the mail.
    List<OfferingId> published = SavedSearchSteps.offeringsFrom(jdbc, "%/alerts/" + word + "%");
    assertThat(published).hasSize(2);
    alerts.offeringsPublished(new OfferingsPublished(published));
    outbox.sendDue();
    assertThat(mailsTo(aMail)).as("no repeat").hasSize(1);
    assertThat(
            jdbc.sql(
                    "select count(*) from nt_inbox i join nt_saved_search s on s.id = i.saved_search_id where s.words = ?")
                .param(word)
                .query(Integer.class)
                .single())
        .isEqualTo(1);

    // One click from the mail program: no session, no CSRF token; then no more mail.
    String token = link.substring(link.indexOf("token=") + 6);
    assertThat(
            mvc.perform(
                    post("/notifications/unsubscribe")
                        .param("token", token)
                        .param("List-Unsubscribe", "One-Click"))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(200);
    assertThat(
            mvc.perform(get("/notifications/searches").with(a))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("value=\"OFF\" checked");
  }

  @Test
  void aDigestGathersThePendingMatchesInOneMail() throws Exception {
    String mail = "digest-" + UUID.randomUUID() + "@example.fi";
    RequestPostProcessor person = oidc.person("digest-" + UUID.randomUUID());
    mvc.perform(
        post("/notifications/settings")
            .param("email", mail)
            .param("frequency", "WEEKLY")
            .with(person)
            .with(csrf()));
    UUID personId =
        jdbc.sql("select person_id from nt_recipient where email = ?")
            .param(mail)
            .query(UUID.class)
            .single();
    Inbox inbox = inboxBean;
    for (int i = 0; i < 3; i++) {
      inbox.add(
          personId,
          null,
          new fi.osaava.notifications.NotificationMessage(
              java.util.Map.of(fi.osaava.platform.Language.FI, "Viesti " + i),
              java.util.Map.of(),
              "/guidance"),
          "digest-test:" + personId + ":" + i);
    }
    outbox.sendDue();
    List<MimeMessage> mails = mailsTo(mail);
    assertThat(mails).hasSize(1);
    assertThat(mails.getFirst().getSubject())
        .isEqualTo("Osaava: 3 uutta osumaa tallennettuihin hakuihisi");
    assertThat(String.valueOf(mails.getFirst().getContent()))
        .contains("Viesti 0")
        .contains("Viesti 2");
    // A new message within the week waits for the next digest.
    inbox.add(
        personId,
        null,
        new fi.osaava.notifications.NotificationMessage(
            java.util.Map.of(fi.osaava.platform.Language.FI, "Myöhemmin"),
            java.util.Map.of(),
            null),
        "digest-test:" + personId + ":later");
    outbox.sendDue();
    assertThat(mailsTo(mail)).hasSize(1);
  }

  @Autowired Inbox inboxBean;

  private List<MimeMessage> mailsTo(String address) {
    return SavedSearchSteps.mailsTo(mailServer, address);
  }
}
