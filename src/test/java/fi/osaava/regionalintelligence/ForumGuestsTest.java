package fi.osaava.regionalintelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import com.icegreen.greenmail.util.GreenMail;
import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.regionalintelligence.internal.forums.ForumReminders;
import fi.osaava.regionalintelligence.internal.forums.ForumStore;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.EventDetails;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumDetails;
import fi.osaava.regionalintelligence.internal.forums.Forums;
import fi.osaava.web.FixedClock;
import fi.osaava.web.WebTestBase;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Registration to a forum event without an account, on the real database and the in-process
 * GreenMail server: a confirmation mail with an unguessable link that cancels without signing in
 * (only its hash is stored; opening it changes nothing), one registration per address, the waiting
 * list shared with signed-in people, the day-before reminder to everyone with a place once, and the
 * guests' names, addresses and links deleted once the event has ended. Hostile form input, drawn at
 * random from a fixed seed, is answered by field errors as an oracle predicts, never a 500.
 */
class ForumGuestsTest extends WebTestBase {

  @Autowired Forums forums;
  @Autowired ForumStore store;
  @Autowired ForumReminders reminders;
  @Autowired GreenMail mailServer;
  @Autowired ApplicationContext context;
  @Autowired JdbcClient jdbc;

  private final String run = UUID.randomUUID().toString().substring(0, 8);
  private final String organisation = "https://guests-" + run + ".example.fi";

  private String address(String who) {
    return who + "-" + run + "@example.fi";
  }

  /** A published forum's event starting {@code fromNow} after the tests' fixed now. */
  private UUID[] event(int capacity, Duration fromNow) {
    UUID forum =
        forums.create(
            organisation,
            new ForumDetails("Vierasfoorumi " + run, "", "01", null, null, Set.of(), true));
    Instant start = FixedClock.NOW.plus(fromNow);
    UUID event =
        forums.addEvent(
            forum,
            new EventDetails(
                "Verkostoilta " + run,
                "",
                start,
                start.plusSeconds(7200),
                "Helsinki",
                null,
                capacity));
    return new UUID[] {forum, event};
  }

  private MockHttpServletResponse registerGuest(
      UUID[] event, String language, Map<String, String> fields) throws Exception {
    MockHttpServletRequestBuilder request =
        post("/regional-forums/guest-registrations")
            .with(SecurityMockMvcRequestPostProcessors.csrf())
            .param("forum", event[0].toString())
            .param("event", event[1].toString())
            .header("Accept-Language", language);
    fields.forEach(request::param);
    return mvc.perform(request).andReturn().getResponse();
  }

  private static Map<String, String> guest(String name, String organisation, String email) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("guestName", name);
    fields.put("guestOrganisation", organisation);
    fields.put("guestEmail", email);
    return fields;
  }

  @Test
  void aGuestRegistersGetsALinkThatCancelsWithoutSigningInAndTheQueueMovesOn() throws Exception {
    UUID[] event = event(1, Duration.ofDays(5));
    String eventPath = "/regional-forums/" + event[0] + "/events/" + event[1];
    String anni = address("anni");
    String bertil = address("bertil");

    // The anonymous reader sees the form for registering without an account, in every language.
    for (String language : List.of("fi", "sv", "en")) {
      assertThat(page(eventPath, language))
          .contains("id=\"register-guest\"", "id=\"guestEmail\"")
          .contains(
              switch (language) {
                case "fi" -> "Tai ilmoittaudu ilman käyttäjätiliä";
                case "sv" -> "Eller anmäl dig utan användarkonto";
                default -> "Or register without an account";
              });
    }

    assertThat(
            registerGuest(event, "fi", guest("Anni Aalto", "Aallon Paja Oy", anni))
                .getRedirectedUrl())
        .endsWith("?GUEST_REGISTERED");
    // The same address again (another case) registers nothing and mails nothing.
    assertThat(
            registerGuest(event, "fi", guest("Anni", "Toinen Oy", anni.toUpperCase()))
                .getRedirectedUrl())
        .endsWith("?GUEST_ALREADY");
    Map<String, String> swedish = guest("Bertil Berg", "Bergs Ab", bertil);
    swedish.put("guestShowName", "true");
    assertThat(registerGuest(event, "sv", swedish).getRedirectedUrl()).endsWith("?GUEST_WAITING");
    sendDue();

    List<MimeMessage> toAnni = mailsTo(anni);
    assertThat(toAnni).hasSize(1);
    assertThat(toAnni.getFirst().getSubject())
        .isEqualTo("Ilmoittautuminen vahvistettu: Verkostoilta " + run);
    String anniToken = token(toAnni.getFirst());
    List<MimeMessage> toBertil = mailsTo(bertil);
    assertThat(toBertil).hasSize(1);
    assertThat(toBertil.getFirst().getSubject()).isEqualTo("I kön: Verkostoilta " + run);
    String bertilToken = token(toBertil.getFirst());
    assertThat(anniToken).isNotEqualTo(bertilToken);
    // Only the links' hashes are stored.
    assertThat(
            jdbc.sql("select count(*) from ri_forum_registration where cancel_token_hash in (?, ?)")
                .params(anniToken, bertilToken)
                .query(Integer.class)
                .single())
        .isZero();

    // The page the guest lands on confirms it in GOV.UK's success banner, announced at once, and
    // offers no second registration; in every language.
    Map<String, String> waiting =
        Map.of(
            "fi", "olet jonossa",
            "sv", "du står i kön",
            "en", "you are in the waiting list");
    for (String done : List.of("GUEST_REGISTERED", "GUEST_WAITING")) {
      for (var language : waiting.entrySet()) {
        String landing = page(eventPath + "?" + done, language.getKey());
        String as = done + " in " + language.getKey();
        assertThat(landing)
            .as(as)
            .containsPattern(
                "class=\"govuk-notification-banner govuk-notification-banner--success\""
                    + " role=\"alert\" id=\"done\"")
            .contains("id=\"guest-done\"")
            .doesNotContain("id=\"register-guest\"", "id=\"guestEmail\"");
        if (done.equals("GUEST_WAITING")) {
          assertThat(landing).as(as).contains(language.getValue());
        }
      }
    }
    // Found registered already: told so, in the plain banner, and no form either.
    assertThat(page(eventPath + "?GUEST_ALREADY", "sv"))
        .contains("class=\"govuk-notification-banner\" role=\"status\" id=\"done\"")
        .contains("id=\"guest-done\"")
        .doesNotContain("id=\"register-guest\"");
    // Without the outcome in the address, the page offers the form again, for a colleague.
    assertThat(page(eventPath, "fi")).contains("id=\"register-guest\"");

    // The public page lists the organisations, and a name only where the guest chose to show it.
    String page = page(eventPath, "en");
    assertThat(page).contains("Aallon Paja Oy").doesNotContain("Anni Aalto").doesNotContain(anni);
    assertThat(page).doesNotContain("Toinen Oy");

    // Opening the link changes nothing (mail scanners open links); the page offers the button.
    String link = "/regional-forums/registrations/" + anniToken;
    assertThat(page(link, "en"))
        .contains("You have a place at this event", "id=\"cancel-registration\"");
    assertThat(page(link, "en")).contains("Verkostoilta " + run);
    assertThat(store.participants(event[1])).hasSize(2);
    // Links that are not a registration's are not found, hostile ones included.
    for (String bad :
        List.of(
            "x",
            "A".repeat(43),
            anniToken.substring(1) + "A",
            "%2e%2e%2f%2e%2e%2fetc",
            "' or '1'='1",
            "<script>alert(1)</script>",
            "B".repeat(5000))) {
      int status =
          mvc.perform(get("/regional-forums/registrations/{t}", bad))
              .andReturn()
              .getResponse()
              .getStatus();
      // The well-formed ones are not found; the firewall refuses an encoded path (400).
      assertThat(status).as(bad).isEqualTo(bad.contains("%") ? 400 : 404);
      assertThat(mvc.perform(cancel(bad)).andReturn().getResponse().getStatus())
          .as(bad)
          .isEqualTo(404);
    }

    // Cancelling through the link frees Anni's place for Bertil, who is told in Swedish.
    MockHttpServletResponse cancelled = mvc.perform(cancel(anniToken)).andReturn().getResponse();
    assertThat(cancelled.getRedirectedUrl()).isEqualTo(eventPath + "?UNREGISTERED");
    assertThat(mvc.perform(cancel(anniToken)).andReturn().getResponse().getStatus())
        .as("a spent link")
        .isEqualTo(404);
    assertThat(store.participants(event[1]))
        .singleElement()
        .satisfies(p -> assertThat(p.waiting()).isFalse())
        .satisfies(p -> assertThat(p.shownName()).isEqualTo("Bertil Berg"));
    sendDue();
    assertThat(mailsTo(bertil)).hasSize(2);
    assertThat(mailsTo(bertil).get(1).getSubject()).startsWith("Du har fått en plats");
    assertThat(mailsTo(anni)).hasSize(1);
    assertThat(page("/regional-forums/registrations/" + bertilToken, "sv"))
        .contains("Du har en plats");
  }

  @Test
  void theDayBeforeEveryoneWithAPlaceIsRemindedOnceAndGuestsAreForgottenAfterTheEvent()
      throws Exception {
    UUID[] event = event(2, Duration.ofHours(20));
    UUID[] later = event(5, Duration.ofDays(3));
    String cecilia = address("cecilia");
    String david = address("david");
    String eeva = address("eeva");
    registerGuest(event, "en", guest("Cecilia", "C Ltd", cecilia));
    PersonId person = new PersonId(UUID.randomUUID());
    assertThat(forums.register(event[1], person, "Henkilö Oy", null))
        .isEqualTo(Forums.Outcome.REGISTERED);
    assertThat(registerGuest(event, "fi", guest("David", "D Oy", david)).getRedirectedUrl())
        .as("full: the waiting list is not reminded")
        .endsWith("?GUEST_WAITING");
    registerGuest(later, "fi", guest("Eeva", "E Oy", eeva));
    sendDue();
    int before = mailsTo(cecilia).size();

    reminders.remindDue();
    reminders.remindDue();
    assertThat(
            jdbc.sql(
                    "select count(*) from nt_inbox where person_id = ? and idempotency_key like"
                        + " 'ri:forum-event:%:reminder:%'")
                .param(person.value())
                .query(Integer.class)
                .single())
        .as("the signed-in person, once, in their inbox")
        .isEqualTo(1);
    sendDue();
    List<MimeMessage> toCecilia = mailsTo(cecilia);
    assertThat(toCecilia).hasSize(before + 1);
    assertThat(toCecilia.getLast().getSubject()).isEqualTo("Tomorrow: Verkostoilta " + run);
    assertThat(mailsTo(david)).as("waiting").hasSize(1);
    assertThat(mailsTo(eeva)).as("three days ahead").hasSize(1);

    // After the event, the guests' names, addresses and links are deleted; the organisations stay.
    String link = "/regional-forums/registrations/" + token(mailsTo(cecilia).getFirst());
    assertThat(page(link, "en")).contains("Verkostoilta " + run).doesNotContain(cecilia);
    jdbc.sql("update ri_forum_event set starts_at = ?, ends_at = ? where id = ?")
        .params(
            java.sql.Timestamp.from(FixedClock.NOW.minusSeconds(7200)),
            java.sql.Timestamp.from(FixedClock.NOW.minusSeconds(1)),
            event[1])
        .update();
    assertThat(reminders.forgetGuests()).isGreaterThanOrEqualTo(2);
    assertThat(
            jdbc.sql(
                    "select count(*) from ri_forum_registration where event_id = ? and (guest_email"
                        + " is not null or guest_name is not null or cancel_token_hash is not null)")
                .param(event[1])
                .query(Integer.class)
                .single())
        .isZero();
    assertThat(store.participants(event[1]))
        .extracting(ForumStore.Participant::organisation)
        .contains("C Ltd", "Henkilö Oy");
    assertThat(mvc.perform(get(link)).andReturn().getResponse().getStatus()).isEqualTo(404);
    // The later event's guest keeps theirs until it has ended.
    assertThat(
            jdbc.sql(
                    "select count(*) from ri_forum_registration where event_id = ? and guest_email = ?")
                .params(later[1], eeva)
                .query(Integer.class)
                .single())
        .isEqualTo(1);
  }

  @Test
  void theMailsCarryTheCalendarFileItsNewVersionAfterAChangeAndItsCancellation() throws Exception {
    UUID[] event = event(1, Duration.ofDays(6));
    String eventPath = "/regional-forums/" + event[0] + "/events/" + event[1];
    String uid = "forum-" + event[1] + "@osaava";
    String fanni = address("fanni");
    String gustav = address("gustav");
    assertThat(registerGuest(event, "fi", guest("Fanni", "F Oy", fanni)).getRedirectedUrl())
        .endsWith("?GUEST_REGISTERED");
    assertThat(registerGuest(event, "sv", guest("Gustav", "G Ab", gustav)).getRedirectedUrl())
        .endsWith("?GUEST_WAITING");
    sendDue();
    int first = store.event(event[0], event[1]).orElseThrow().sequence();
    // A place comes with the event for the calendar; the waiting list's mail is plain text.
    VEvent confirmed = calendar(mailsTo(fanni).getFirst(), "REQUEST");
    assertThat(confirmed.getUid().getValue()).isEqualTo(uid);
    assertThat(confirmed.getSequence().getValue()).isEqualTo(first);
    assertThat(confirmed.getUrl().getValue()).endsWith(eventPath);
    assertThat(mailsTo(gustav)).singleElement();
    assertThat(OutboxMail.attachments(mailsTo(gustav).getFirst())).isEmpty();
    assertThat(mailsTo(gustav).getFirst().getContentType()).startsWith("text/plain");

    // A new time and place: the one with a place gets the new version, the queue only the text.
    EventDetails before = store.event(event[0], event[1]).orElseThrow().details();
    EventDetails moved =
        new EventDetails(
            before.title(),
            "1. Avaus",
            before.start().plus(Duration.ofDays(1)),
            before.end().plus(Duration.ofDays(1)),
            "Espoo",
            null,
            1);
    assertThat(forums.updateEvent(event[0], event[1], organisation, moved, false)).isTrue();
    sendDue();
    assertThat(mailsTo(fanni)).hasSize(2);
    VEvent changed = calendar(mailsTo(fanni).getLast(), "REQUEST");
    assertThat(changed.getUid().getValue()).isEqualTo(uid);
    assertThat(changed.getSequence().getValue()).isEqualTo(first + 1);
    assertThat(changed.getLocation().getValue()).isEqualTo("Espoo");
    assertThat(changed.getDateStart().getValue().toInstant()).isEqualTo(moved.start());
    assertThat(changed.getStatus().isConfirmed()).isTrue();
    assertThat(OutboxMail.body(mailsTo(fanni).getLast())).contains("Espoo", eventPath);
    // The event's page offers the same version.
    VEvent page =
        Biweekly.parse(
                mvc.perform(get(eventPath + "/calendar.ics"))
                    .andReturn()
                    .getResponse()
                    .getContentAsString())
            .first()
            .getEvents()
            .getFirst();
    assertThat(page.getSequence().getValue()).isEqualTo(first + 1);
    assertThat(mailsTo(gustav)).hasSize(2);
    assertThat(OutboxMail.attachments(mailsTo(gustav).getLast())).isEmpty();

    // Cancelled: everyone told gets the cancellation, which removes the event where it is.
    assertThat(
            forums.cancelEvent(event[0], event[1], organisation, "Puhuja sairastui.", Language.FI))
        .isTrue();
    sendDue();
    for (String address : List.of(fanni, gustav)) {
      assertThat(mailsTo(address)).as(address).hasSize(3);
      VEvent cancelled = calendar(mailsTo(address).getLast(), "CANCEL");
      assertThat(cancelled.getUid().getValue()).isEqualTo(uid);
      assertThat(cancelled.getSequence().getValue()).isEqualTo(first + 2);
      assertThat(cancelled.getStatus().isCancelled()).isTrue();
    }
  }

  /**
   * The one calendar file a mail carries, parsed: its part and its METHOD say {@code method}, and
   * it holds one event.
   */
  private static VEvent calendar(MimeMessage mail, String method) {
    OutboxMail.Attachment file = OutboxMail.attachments(mail).getFirst();
    assertThat(OutboxMail.attachments(mail)).hasSize(1);
    assertThat(file.fileName()).endsWith(".ics");
    assertThat(file.contentType()).startsWith("text/calendar").contains("method=" + method);
    ICalendar calendar = Biweekly.parse(file.text()).first();
    assertThat(calendar.getMethod().getValue()).isEqualTo(method);
    assertThat(calendar.getEvents()).hasSize(1);
    return calendar.getEvents().getFirst();
  }

  @Test
  void hostileGuestFormsAreAnsweredAsTheOraclePredictsNeverWithAServerError() throws Exception {
    UUID[] event = event(1000, Duration.ofDays(10));
    // Each field's candidates: whether the value is acceptable, and the value.
    record Value(boolean good, String text) {}
    List<Value> names =
        List.of(
            new Value(true, "Liisa"),
            new Value(true, "<script>alert(1)</script>"),
            new Value(true, "' or 1=1--"),
            new Value(false, ""),
            new Value(false, "   "),
            new Value(false, "n".repeat(201)));
    List<Value> organisations =
        List.of(
            new Value(true, "Oy Ab"),
            new Value(true, "%00%27\"; drop table ri_forum;"),
            new Value(false, ""),
            new Value(false, "o".repeat(301)));
    List<Value> emails =
        List.of(
            new Value(true, "ok@example.fi"),
            new Value(false, "no-at-sign"),
            new Value(false, "a@b"),
            new Value(false, "a@b.c"),
            new Value(false, "<a@example.fi>"),
            new Value(false, "a@@example.fi"),
            new Value(false, ""),
            new Value(false, "x".repeat(250) + "@example.fi"));
    List<String> shows = List.of("true", "false", "maybe", "");
    Random random = new Random(20261216L);
    for (int i = 0; i < 40; i++) {
      Value name = names.get(random.nextInt(names.size()));
      Value org = organisations.get(random.nextInt(organisations.size()));
      Value email = emails.get(random.nextInt(emails.size()));
      // A good address is made unique, so each good form registers someone new.
      String address = email.good() ? "g" + i + "-" + run + "@example.fi" : email.text();
      Map<String, String> fields = guest(name.text(), org.text(), address);
      fields.put("guestShowName", shows.get(random.nextInt(shows.size())));
      String language = List.of("fi", "sv", "en").get(random.nextInt(3));
      MockHttpServletResponse response = registerGuest(event, language, fields);
      String as = i + ": " + fields;
      if (name.good() && org.good() && email.good()) {
        assertThat(response.getStatus()).as(as).isEqualTo(302);
        assertThat(response.getRedirectedUrl()).as(as).endsWith("?GUEST_REGISTERED");
      } else {
        assertThat(response.getStatus()).as(as).isEqualTo(400);
        String body = response.getContentAsString();
        assertThat(body).as(as).contains("govuk-error-summary");
        if (!name.good()) {
          assertThat(body).as(as).contains("id=\"guestName-error\"");
        }
        if (!org.good()) {
          assertThat(body).as(as).contains("id=\"guestOrganisation-error\"");
        }
        if (!email.good()) {
          assertThat(body).as(as).contains("id=\"guestEmail-error\"");
        }
        if (!name.good() && !email.good()) {
          // The summary lists the problems in the form's order.
          assertThat(body.indexOf("href=\"#guestName\""))
              .as(as)
              .isLessThan(body.indexOf("href=\"#guestEmail\""));
        }
      }
    }
    // A NUL is refused before the form, as everywhere: a 400, nothing stored.
    int before = store.participants(event[1]).size();
    assertThat(registerGuest(event, "en", guest("N\u0000", "Org", address("nul"))).getStatus())
        .isEqualTo(400);
    assertThat(store.participants(event[1])).hasSize(before);
  }

  private static MockHttpServletRequestBuilder cancel(String token) {
    return post("/regional-forums/registrations/cancel")
        .with(SecurityMockMvcRequestPostProcessors.csrf())
        .param("token", token);
  }

  private String page(String path, String language) throws Exception {
    MockHttpServletResponse response =
        mvc.perform(get(path).header("Accept-Language", language)).andReturn().getResponse();
    assertThat(response.getStatus()).as(path).isEqualTo(200);
    return response.getContentAsString();
  }

  private void sendDue() {
    OutboxMail.sendDue(context);
  }

  private List<MimeMessage> mailsTo(String address) {
    return OutboxMail.to(mailServer, address);
  }

  /** The cancellation link's token in a confirmation mail. */
  private static String token(MimeMessage message) {
    String text = OutboxMail.body(message);
    Matcher m = Pattern.compile("/regional-forums/registrations/([A-Za-z0-9_-]{43})").matcher(text);
    assertThat(m.find()).as(text).isTrue();
    return m.group(1);
  }
}
