package fi.osaava.community;

import static fi.osaava.web.FieldErrorAssertions.assertFieldError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import biweekly.Biweekly;
import biweekly.ICalendar;
import biweekly.component.VEvent;
import fi.osaava.community.internal.CommunityStore;
import fi.osaava.community.internal.CommunityStore.Group;
import fi.osaava.community.internal.EventReminders;
import fi.osaava.community.internal.EventStore;
import fi.osaava.community.internal.EventStore.EventDetails;
import fi.osaava.community.internal.EventStore.Registration;
import fi.osaava.community.internal.Events;
import fi.osaava.community.internal.Events.Outcome;
import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.programmes.ProgrammesApi;
import fi.osaava.web.FixedClock;
import fi.osaava.web.WebTestBase;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.server.ResponseStatusException;

/**
 * The thematic groups' events on the real database: registration rules against an oracle (places,
 * the waiting list in its order, promotion when a place frees up, larger and smaller capacities),
 * the deadline and cancellation; the iCalendar files read back with biweekly (a stable UID,
 * SEQUENCE raised by each change, STATUS:CANCELLED); hostile form input as field errors; and the
 * day-before reminder sent once per person and event.
 */
class CommunityEventsTest extends WebTestBase {

  static final String GROUP = "/community/groups/ai-in-public-services";

  @Autowired CommunityApi community;
  @Autowired ProgrammesApi programmes;
  @Autowired CommunityStore groups;
  @Autowired EventStore store;
  @Autowired Events events;
  @Autowired EventReminders reminders;
  @Autowired JdbcClient jdbc;

  Group group;

  @BeforeEach
  void sampleContent() {
    programmes.loadSampleContent();
    community.loadSampleContent();
    group = groups.group("ai-in-public-services").orElseThrow();
  }

  static EventDetails details(Instant start, int capacity, Instant closes) {
    return new EventDetails(
        Map.of(Language.FI, "Kuukausitapaaminen", Language.EN, "Monthly meeting"),
        Map.of(Language.EN, "1. News\n2. Discussion"),
        start,
        start.plus(Duration.ofMinutes(90)),
        "Helsinki",
        null,
        capacity,
        closes,
        null,
        null);
  }

  PersonId member() {
    PersonId person = new PersonId(UUID.randomUUID());
    groups.join(group.id(), person);
    return person;
  }

  UUID event(int capacity) {
    Instant start = FixedClock.NOW.plus(Duration.ofDays(10));
    return events.create(group, details(start, capacity, start), 0).getFirst();
  }

  // --- registration rules ---

  /** The rules as simply as they can be said: places in order, then a queue in order. */
  static final class Oracle {
    int capacity;
    final Set<PersonId> placed = new LinkedHashSet<>();
    final Deque<PersonId> queue = new ArrayDeque<>();

    Oracle(int capacity) {
      this.capacity = capacity;
    }

    Outcome register(PersonId p) {
      if (placed.contains(p) || queue.contains(p)) {
        return Outcome.ALREADY;
      }
      if (placed.size() < capacity) {
        placed.add(p);
        return Outcome.REGISTERED;
      }
      queue.add(p);
      return Outcome.WAITING;
    }

    boolean unregister(PersonId p) {
      boolean had = placed.remove(p) || queue.remove(p);
      promote();
      return had;
    }

    void capacity(int c) {
      capacity = c;
      promote();
    }

    void promote() {
      while (placed.size() < capacity && !queue.isEmpty()) {
        placed.add(queue.poll());
      }
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {19L, 2026L, 424242L})
  void aRandomSequenceOfRegistrationsAgreesWithTheOracle(long seed) {
    Random random = new Random(seed);
    int capacity = 1 + random.nextInt(4);
    UUID id = event(capacity);
    Oracle oracle = new Oracle(capacity);
    List<PersonId> people = new ArrayList<>();
    for (int i = 0; i < 9; i++) {
      people.add(member());
    }
    for (int step = 0; step < 120; step++) {
      PersonId person = people.get(random.nextInt(people.size()));
      int action = random.nextInt(10);
      String what;
      if (action < 5) {
        what = "register";
        assertThat(events.register(id, person))
            .as(step + " " + what)
            .isEqualTo(oracle.register(person));
      } else if (action < 9) {
        what = "unregister";
        assertThat(events.unregister(id, person))
            .as(step + " " + what)
            .isEqualTo(oracle.unregister(person));
      } else {
        int c = 1 + random.nextInt(5);
        what = "capacity " + c;
        EventDetails d = store.event(id).orElseThrow().details();
        events.update(
            id,
            new EventDetails(
                d.title(),
                d.agenda(),
                d.start(),
                d.end(),
                d.place(),
                d.onlineUrl(),
                c,
                d.registrationCloses(),
                null,
                null));
        oracle.capacity(c);
      }
      List<Registration> actual = store.registrations(id);
      assertThat(actual.stream().filter(r -> !r.waiting()).map(Registration::person))
          .as("seed %d step %d (%s): places", seed, step, what)
          .containsExactlyInAnyOrderElementsOf(oracle.placed);
      assertThat(actual.stream().filter(Registration::waiting).map(Registration::person))
          .as("seed %d step %d (%s): the waiting list in order", seed, step, what)
          .containsExactlyElementsOf(oracle.queue);
    }
  }

  @Test
  void registrationClosesAtTheDeadlineAndWithTheEventAndNeedsMembership() {
    Instant start = FixedClock.NOW.plus(Duration.ofDays(3));
    UUID closed =
        events.create(group, details(start, 10, FixedClock.NOW.minusSeconds(1)), 0).getFirst();
    assertThat(events.register(closed, member())).isEqualTo(Outcome.CLOSED);
    assertThat(store.registrations(closed)).isEmpty();

    UUID open = event(10);
    PersonId before = member();
    assertThat(events.register(open, before)).isEqualTo(Outcome.REGISTERED);
    events.cancel(open);
    assertThat(events.register(open, member())).isEqualTo(Outcome.CLOSED);
    assertThat(store.event(open).orElseThrow().sequence()).isEqualTo(1);
    // The registrant is told of the cancellation, once.
    events.cancel(open);
    assertThat(inbox("community:event:" + open + ":cancelled:" + before.value())).isEqualTo(1);

    PersonId outsider = new PersonId(UUID.randomUUID());
    assertThatThrownBy(() -> events.register(event(10), outsider))
        .isInstanceOf(ResponseStatusException.class)
        .hasMessageContaining("403");
  }

  @Test
  void aFreedPlaceGoesToTheFirstWaitingWhoIsToldOfIt() {
    UUID id = event(1);
    PersonId first = member();
    PersonId second = member();
    PersonId third = member();
    events.register(id, first);
    assertThat(events.register(id, second)).isEqualTo(Outcome.WAITING);
    assertThat(events.register(id, third)).isEqualTo(Outcome.WAITING);
    events.unregister(id, first);
    assertThat(store.registration(id, second).orElseThrow().waiting()).isFalse();
    assertThat(store.registration(id, third).orElseThrow().waiting()).isTrue();
    assertThat(inboxLike("community:event:" + id + ":place:" + second.value() + ":%")).isEqualTo(1);
    assertThat(inboxLike("community:event:" + id + ":place:" + third.value() + ":%")).isZero();
  }

  // --- reminders ---

  @Test
  void theDayBeforeReminderGoesOncePerRegistrantAndNotToTheWaitingList() {
    Instant soon = FixedClock.NOW.plus(Duration.ofHours(20));
    UUID tomorrow = events.create(group, details(soon, 2, soon), 0).getFirst();
    Instant later = FixedClock.NOW.plus(Duration.ofDays(5));
    UUID nextWeek = events.create(group, details(later, 2, later), 0).getFirst();
    PersonId a = member();
    PersonId b = member();
    PersonId waiting = member();
    for (PersonId p : List.of(a, b, waiting)) {
      events.register(tomorrow, p);
      events.register(nextWeek, p);
    }
    reminders.remindDue();
    for (PersonId p : List.of(a, b)) {
      assertThat(inbox("community:event:" + tomorrow + ":reminder:" + p.value())).isEqualTo(1);
      assertThat(inbox("community:event:" + nextWeek + ":reminder:" + p.value())).isZero();
    }
    assertThat(inbox("community:event:" + tomorrow + ":reminder:" + waiting.value())).isZero();
    assertThat(
            jdbc.sql("SELECT titles->>'fi' FROM nt_inbox WHERE idempotency_key = ?")
                .param("community:event:" + tomorrow + ":reminder:" + a.value())
                .query(String.class)
                .single())
        .isEqualTo("Huomenna: Kuukausitapaaminen");
    // A second round (or a second node) sends nothing more.
    assertThat(reminders.remindDue()).isZero();
  }

  @Test
  void twoNodesWhoseRoundsOverlapRemindEachRegistrantOnce() throws Exception {
    // Issue 20: the lease is a minute, so a long round may overlap another node's. Each
    // registration is claimed and marked with its message: together they remind each person once.
    Instant soon = FixedClock.NOW.plus(Duration.ofHours(12));
    List<UUID> tomorrow = new ArrayList<>();
    List<PersonId> people = new ArrayList<>();
    for (int e = 0; e < 3; e++) {
      tomorrow.add(events.create(group, details(soon, 40, soon), 0).getFirst());
    }
    for (int i = 0; i < 30; i++) {
      PersonId person = member();
      people.add(person);
      tomorrow.forEach(id -> events.register(id, person));
    }
    long before = reminderMessages();
    List<Integer> sent = fi.osaava.platform.ConcurrentRounds.run(2, reminders::remindDue);
    assertThat(sent.stream().mapToLong(Integer::longValue).sum())
        .as("what the two nodes say they sent is what arrived: nothing twice")
        .isEqualTo(reminderMessages() - before);
    for (UUID id : tomorrow) {
      for (PersonId p : people) {
        assertThat(inbox("community:event:" + id + ":reminder:" + p.value())).isEqualTo(1);
      }
    }
    assertThat(fi.osaava.platform.ConcurrentRounds.run(2, reminders::remindDue)).containsOnly(0);
  }

  long reminderMessages() {
    return jdbc.sql(
            "SELECT count(*) FROM nt_inbox WHERE idempotency_key LIKE 'community:event:%:reminder:%'")
        .query(Long.class)
        .single();
  }

  int inbox(String key) {
    return jdbc.sql("SELECT count(*) FROM nt_inbox WHERE idempotency_key = ?")
        .param(key)
        .query(Integer.class)
        .single();
  }

  int inboxLike(String pattern) {
    return jdbc.sql("SELECT count(*) FROM nt_inbox WHERE idempotency_key LIKE ?")
        .param(pattern)
        .query(Integer.class)
        .single();
  }

  // --- the calendar files ---

  RequestPostProcessor moderator() {
    return oidc.person(
        "moderator-" + UUID.randomUUID(), Map.of("osaava_roles", List.of("community-moderator")));
  }

  MockHttpServletResponse send(MockHttpServletRequestBuilder request) throws Exception {
    return mvc.perform(request.header("Accept-Language", "en")).andReturn().getResponse();
  }

  static MockHttpServletRequestBuilder form(String url, Map<String, String> fields) {
    MockHttpServletRequestBuilder request = post(url);
    fields.forEach(request::param);
    return request;
  }

  static Map<String, String> valid() {
    Map<String, String> fields = new HashMap<>();
    fields.put("titleFi", "Tekoälyryhmän tapaaminen");
    fields.put("titleEn", "AI group meeting");
    fields.put("agendaEn", "1. News\n2. <script>alert(1)</script> [x](javascript:alert%281%29)");
    fields.put("starts", "2026-11-20T17:00");
    fields.put("ends", "2026-11-20T18:30");
    fields.put("closes", "2026-11-19T12:00");
    fields.put("onlineUrl", "https://meet.example.fi/ai");
    fields.put("capacity", "25");
    fields.put("repeats", "0");
    return fields;
  }

  VEvent onlyEvent(String ics) {
    List<ICalendar> calendars = Biweekly.parse(ics).all();
    assertThat(calendars).hasSize(1);
    assertThat(calendars.getFirst().getEvents()).hasSize(1);
    return calendars.getFirst().getEvents().getFirst();
  }

  @Test
  void theCalendarFileKeepsItsUidRaisesItsSequenceAndSaysWhenCancelled() throws Exception {
    RequestPostProcessor moderator = moderator();
    MockHttpServletResponse created = send(form(GROUP + "/events", valid()).with(moderator));
    assertThat(created.getStatus()).isEqualTo(302);
    String page = String.valueOf(created.getRedirectedUrl()).replaceAll("\\?.*", "");
    String id = page.substring(page.lastIndexOf('/') + 1);

    MockHttpServletResponse file = send(get(page + "/calendar.ics"));
    assertThat(file.getContentType()).startsWith("text/calendar");
    VEvent first = onlyEvent(file.getContentAsString());
    assertThat(first.getUid().getValue()).isEqualTo(id + "@osaava");
    assertThat(first.getSequence().getValue()).isZero();
    assertThat(first.getStatus().isConfirmed()).isTrue();
    assertThat(first.getSummary().getValue()).isEqualTo("AI group meeting");
    // 17.00 in Helsinki in November (UTC+2) is 15.00 UTC.
    assertThat(first.getDateStart().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-11-20T15:00:00Z"));
    assertThat(first.getDateEnd().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-11-20T16:30:00Z"));

    Map<String, String> changed = valid();
    changed.put("ends", "2026-11-20T19:00");
    changed.put("recordingUrl", "https://video.example.fi/ai-1");
    changed.put("captionsUrl", "https://video.example.fi/ai-1/transcript");
    assertThat(send(form(page, changed).with(moderator)).getStatus()).isEqualTo(302);
    VEvent second = onlyEvent(send(get(page + "/calendar.ics")).getContentAsString());
    assertThat(second.getUid().getValue()).isEqualTo(id + "@osaava");
    assertThat(second.getSequence().getValue()).isEqualTo(1);
    assertThat(second.getDateEnd().getValue().toInstant())
        .isEqualTo(Instant.parse("2026-11-20T17:00:00Z"));

    assertThat(send(post(page + "/cancel").with(moderator)).getStatus()).isEqualTo(302);
    VEvent third = onlyEvent(send(get(page + "/calendar.ics")).getContentAsString());
    assertThat(third.getUid().getValue()).isEqualTo(id + "@osaava");
    assertThat(third.getSequence().getValue()).isEqualTo(2);
    assertThat(third.getStatus().isCancelled()).isTrue();

    // The group's feed holds it too, cancelled, so subscribers' calendars drop it.
    List<VEvent> feed =
        Biweekly.parse(send(get(GROUP + "/calendar.ics")).getContentAsString()).first().getEvents();
    assertThat(feed)
        .filteredOn(e -> e.getUid().getValue().equals(id + "@osaava"))
        .singleElement()
        .satisfies(e -> assertThat(e.getStatus().isCancelled()).isTrue());

    // The page renders the agenda inert and shows the recording with its transcript.
    String html = send(get(page)).getContentAsString();
    assertThat(html)
        .doesNotContain("<script>alert(1)")
        .doesNotContain("href=\"javascript")
        .contains("https://video.example.fi/ai-1/transcript")
        .contains("This event is cancelled.");
  }

  @Test
  void aMonthlySeriesKeepsItsHelsinkiTimeOverSummerTime() throws Exception {
    Map<String, String> fields = valid();
    fields.put("titleEn", "Series " + UUID.randomUUID());
    fields.put("starts", "2027-03-16T17:00");
    fields.put("ends", "2027-03-16T18:00");
    fields.put("closes", "");
    fields.put("repeats", "2");
    assertThat(send(form(GROUP + "/events", fields).with(moderator())).getStatus()).isEqualTo(302);
    List<VEvent> series =
        Biweekly.parse(send(get(GROUP + "/calendar.ics")).getContentAsString())
            .first()
            .getEvents()
            .stream()
            .filter(e -> e.getSummary().getValue().equals(fields.get("titleEn")))
            .toList();
    assertThat(series)
        .extracting(
            e ->
                ZonedDateTime.ofInstant(e.getDateStart().getValue().toInstant(), Events.HELSINKI)
                    .toString())
        .containsExactly(
            "2027-03-16T17:00+02:00[Europe/Helsinki]",
            "2027-04-16T17:00+03:00[Europe/Helsinki]",
            "2027-05-16T17:00+03:00[Europe/Helsinki]");
    assertThat(series).extracting(e -> e.getUid().getValue()).doesNotHaveDuplicates();
  }

  @Test
  void anExportHoldsTheRegistrationsAndADeletedAccountsPlacePassesOn() throws Exception {
    Map<String, String> fields = valid();
    fields.put("capacity", "1");
    String page =
        String.valueOf(send(form(GROUP + "/events", fields).with(moderator())).getRedirectedUrl())
            .replaceAll("\\?.*", "");
    RequestPostProcessor erin = oidc.person("erin-" + UUID.randomUUID());
    RequestPostProcessor frank = oidc.person("frank-" + UUID.randomUUID());
    for (RequestPostProcessor who : List.of(erin, frank)) {
      assertThat(send(post(GROUP + "/join").with(who).param("name", "N")).getStatus())
          .isEqualTo(302);
      assertThat(send(post(page + "/register").with(who)).getStatus()).isEqualTo(302);
    }
    assertThat(send(get(page).with(frank)).getContentAsString())
        .contains("You are number 1 in the waiting list.");
    assertThat(send(get("/api/v1/profile/export").with(erin)).getContentAsString())
        .contains("eventRegistrations")
        .contains(page.substring(page.lastIndexOf('/') + 1));
    send(post("/profile/delete").with(erin));
    assertThat(send(get(page).with(frank)).getContentAsString()).contains("You have a place.");
  }

  // --- hostile input ---

  @Test
  void hostileInputIsAnsweredWithFieldErrorsNeverAServerError() throws Exception {
    Map<String, Map<String, String>> cases = new java.util.LinkedHashMap<>();
    cases.put("ends", Map.of("ends", "2026-11-20T16:00"));
    cases.put("starts", Map.of("starts", "2026-13-45T99:99"));
    cases.put("closes", Map.of("closes", "+999999999-12-31T23:59"));
    cases.put("agendaEn", Map.of("agendaEn", "x".repeat(100_000)));
    cases.put("capacity", Map.of("capacity", "99999999999999"));
    cases.put("onlineUrl", Map.of("onlineUrl", "javascript:alert(1)"));
    cases.put("captionsUrl", Map.of("recordingUrl", "https://video.example.fi/1"));
    cases.put("titleFi", Map.of("titleFi", "", "titleEn", "", "agendaEn", ""));
    cases.put("repeats", Map.of("repeats", "-1"));
    cases.put("place", Map.of("onlineUrl", "", "place", " "));
    cases.put("titleSv", Map.of("agendaSv", "Bara program"));
    for (Map.Entry<String, Map<String, String>> c : cases.entrySet()) {
      Map<String, String> fields = valid();
      fields.putAll(c.getValue());
      MockHttpServletResponse response = send(form(GROUP + "/events", fields).with(moderator()));
      assertThat(response.getStatus()).as(c.getKey()).isEqualTo(200);
      assertFieldError(response.getContentAsString(), c.getKey());
    }
    // A NUL character is refused before any form sees it, as everywhere in the service.
    Map<String, String> nul = valid();
    nul.put("titleEn", "Nul\u0000");
    assertThat(send(form(GROUP + "/events", nul).with(moderator())).getStatus()).isEqualTo(400);
    // Before now: a new event starts in the future.
    Map<String, String> past = valid();
    past.put("starts", "2026-10-01T10:00");
    past.put("ends", "2026-10-01T11:00");
    past.put("closes", "");
    MockHttpServletResponse response = send(form(GROUP + "/events", past).with(moderator()));
    assertFieldError(response.getContentAsString(), "starts");
    // An address that is no event is no page.
    assertThat(send(get(GROUP + "/events/not-an-id")).getStatus()).isEqualTo(404);
    assertThat(send(get(GROUP + "/events/" + UUID.randomUUID() + "/calendar.ics")).getStatus())
        .isEqualTo(404);
  }
}
