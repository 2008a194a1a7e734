package fi.osaava.regionalintelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.regionalintelligence.internal.SurveyService;
import fi.osaava.regionalintelligence.internal.SurveyStore;
import fi.osaava.regionalintelligence.internal.forums.ForumStore;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.EventDetails;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumDetails;
import fi.osaava.regionalintelligence.internal.forums.Forums;
import fi.osaava.regionalintelligence.internal.forums.Forums.Outcome;
import fi.osaava.regionalintelligence.internal.projects.ProjectRegistry;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore;
import fi.osaava.web.FixedClock;
import fi.osaava.web.WebTestBase;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The forums' rules on the real database: a forum's links are checked (a published survey only,
 * projects of the registry only, a sub-region of its region), and an event never takes more people
 * than its capacity, neither in a seeded random sequence of registrations and cancellations checked
 * against an oracle (with the waiting list's order and its "you have a place" messages) nor when
 * many register at once. Changing an event refuses a capacity below the places taken and gives a
 * larger one's places to the queue.
 */
class ForumsTest extends WebTestBase {

  @Autowired Forums forums;
  @Autowired ForumStore store;
  @Autowired SurveyStore surveyStore;
  @Autowired SurveyService surveys;
  @Autowired ProjectRegistry registry;
  @Autowired ProjectStore projects;
  @Autowired List<fi.osaava.profile.PersonalDataHolder> holders;
  @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

  private final String organisation = "https://forums-" + UUID.randomUUID() + ".example.fi";

  private UUID publishedSurvey() {
    UUID id =
        surveyStore.create(
            organisation,
            Map.of(Language.FI, "Foorumin kysely", Language.SV, "Enkät", Language.EN, "Survey"));
    surveyStore.open(id);
    surveyStore.close(id);
    surveys.publish(surveyStore.find(id).orElseThrow());
    return id;
  }

  private UUID project() {
    String csv =
        "project_id,project_name,start,end,funding_eur,funding_source,region,themes,actor_id,"
            + "actor_name,actor_kind,business_id,role\n"
            + "f1,Foorumin hanke,2026-01-01,2027-12-31,1000,ESR+,01,digitalisation,k1,"
            + "Esimerkkikoulu,education,,coordinator\n";
    registry.importBytes(csv.getBytes(StandardCharsets.UTF_8), "forum.csv", organisation);
    return projects.projects(organisation).getFirst().id();
  }

  private ForumDetails details(String region, String subRegion, UUID survey, Set<UUID> projectIds) {
    return new ForumDetails("Uudenmaan foorumi", "", region, subRegion, survey, projectIds, true);
  }

  @Test
  void aForumLinksToAPublishedSurveyAndToProjectsOfTheRegistryOnly() {
    UUID survey = publishedSurvey();
    UUID project = project();
    UUID forum = forums.create(organisation, details("01", "011", survey, Set.of(project)));
    assertThat(store.forum(forum).orElseThrow().details().surveyId()).isEqualTo(survey);
    assertThat(store.projects(forum))
        .extracting(ForumStore.LinkedProject::id)
        .containsExactly(project);

    UUID draft =
        surveyStore.create(
            organisation,
            Map.of(Language.FI, "Luonnos", Language.SV, "Utkast", Language.EN, "Draft"));
    record Case(ForumDetails details, String field) {}
    List<Case> refused =
        List.of(
            new Case(details("01", null, draft, Set.of()), "survey"),
            new Case(details("01", null, UUID.randomUUID(), Set.of()), "survey"),
            new Case(details("01", null, null, Set.of(project, UUID.randomUUID())), "projects"),
            new Case(details("99", null, null, Set.of()), "region"),
            new Case(details("' or 1=1--", null, null, Set.of()), "region"),
            // Tampere's sub-region is not in Uusimaa.
            new Case(details("01", "064", null, Set.of()), "subRegion"),
            new Case(new ForumDetails(" ", "", "01", null, null, Set.of(), false), "title"));
    for (Case c : refused) {
      assertThatThrownBy(() -> forums.create(organisation, c.details()))
          .as(c.field())
          .isInstanceOfSatisfying(
              Forums.Refused.class, r -> assertThat(r.field()).isEqualTo(c.field()));
      assertThatThrownBy(() -> forums.update(forum, organisation, c.details()))
          .isInstanceOf(Forums.Refused.class);
    }
    // Nothing refused was stored: the forum keeps its links.
    assertThat(store.forum(forum).orElseThrow().details().surveyId()).isEqualTo(survey);
    assertThat(store.projects(forum)).hasSize(1);
    // Another organisation changes nothing.
    assertThat(
            forums.update(forum, "https://other.example.fi", details("02", null, null, Set.of())))
        .isFalse();
    assertThat(store.forum(forum).orElseThrow().details().regionCode()).isEqualTo("01");
  }

  private UUID event(int capacity, Duration fromNow) {
    UUID forum = forums.create(organisation, details("01", null, null, Set.of()));
    var start = FixedClock.NOW.plus(fromNow);
    return forums.addEvent(
        forum,
        new EventDetails(
            "Verkostotapaaminen", "", start, start.plusSeconds(7200), "Helsinki", null, capacity));
  }

  private int taken(UUID event) {
    return (int) store.participants(event).stream().filter(p -> !p.waiting()).count();
  }

  private List<PersonId> queue(UUID event) {
    return store.participants(event).stream()
        .filter(ForumStore.Participant::waiting)
        .map(ForumStore.Participant::person)
        .toList();
  }

  /** The "you have a place" messages the event's waiting list was sent, through notifications. */
  private long placeMessages(UUID event) {
    return jdbc.sql("select count(*) from nt_inbox where idempotency_key like ?")
        .param("ri:forum-event:" + event + ":place:%")
        .query(Long.class)
        .single();
  }

  @Test
  void aSeededRandomSequenceNeverExceedsTheCapacityAndKeepsTheQueueInOrder() {
    Random random = new Random(18);
    for (int round = 0; round < 5; round++) {
      int capacity = 1 + random.nextInt(4);
      UUID event = event(capacity, Duration.ofDays(7));
      List<PersonId> people = new ArrayList<>();
      for (int i = 0; i < 10; i++) {
        people.add(new PersonId(UUID.randomUUID()));
      }
      // The oracle: who has a place, and the queue in the order people joined it.
      Set<PersonId> places = new HashSet<>();
      List<PersonId> waiting = new ArrayList<>();
      int promotions = 0;
      for (int step = 0; step < 60; step++) {
        PersonId who = people.get(random.nextInt(people.size()));
        if (random.nextInt(3) == 0) {
          boolean hadPlace = places.remove(who);
          boolean wasWaiting = waiting.remove(who);
          assertThat(forums.unregister(event, who)).isEqualTo(hadPlace || wasWaiting);
          if (hadPlace && !waiting.isEmpty()) {
            places.add(waiting.removeFirst());
            promotions++;
          }
        } else {
          Outcome expected =
              places.contains(who) || waiting.contains(who)
                  ? Outcome.ALREADY
                  : places.size() >= capacity ? Outcome.WAITING : Outcome.REGISTERED;
          assertThat(forums.register(event, who, "Org " + step, null))
              .as("round %d step %d", round, step)
              .isEqualTo(expected);
          if (expected == Outcome.REGISTERED) {
            places.add(who);
          } else if (expected == Outcome.WAITING) {
            waiting.add(who);
          }
        }
        assertThat(taken(event)).isEqualTo(places.size()).isLessThanOrEqualTo(capacity);
        assertThat(queue(event)).as("round %d step %d", round, step).isEqualTo(waiting);
      }
      assertThat(placeMessages(event)).isEqualTo(promotions);
    }
  }

  @Test
  void manyRegisteringAtOnceTakeNoMoreThanTheCapacity() throws Exception {
    UUID event = event(5, Duration.ofDays(7));
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Outcome>> tasks = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String org = "Yritys " + i;
        tasks.add(() -> forums.register(event, new PersonId(UUID.randomUUID()), org, null));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> f : pool.invokeAll(tasks)) {
        outcomes.add(f.get());
      }
      assertThat(outcomes.stream().filter(o -> o == Outcome.REGISTERED)).hasSize(5);
      assertThat(outcomes.stream().filter(o -> o == Outcome.WAITING)).hasSize(19);
      assertThat(taken(event)).isEqualTo(5);
      assertThat(queue(event)).hasSize(19);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void changingAnEventRefusesACapacityBelowThePlacesTakenAndALargerOneServesTheQueue() {
    UUID forum = forums.create(organisation, details("01", null, null, Set.of()));
    var start = FixedClock.NOW.plus(Duration.ofDays(3));
    UUID event =
        forums.addEvent(
            forum,
            new EventDetails("Työpaja", "", start, start.plusSeconds(3600), "Oulu", null, 2));
    List<PersonId> people = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      people.add(new PersonId(UUID.randomUUID()));
      forums.register(event, people.getLast(), "Org " + i, null);
    }
    assertThat(queue(event)).containsExactlyElementsOf(people.subList(2, 5));
    int sequence = store.event(forum, event).orElseThrow().sequence();

    EventDetails smaller =
        new EventDetails("Työpaja", "", start, start.plusSeconds(3600), "Oulu", null, 1);
    assertThatThrownBy(() -> forums.updateEvent(forum, event, organisation, smaller, false))
        .isInstanceOfSatisfying(
            Forums.Refused.class, r -> assertThat(r.field()).isEqualTo("capacity"));
    assertThat(store.event(forum, event).orElseThrow().details().capacity()).isEqualTo(2);

    // Another organisation changes nothing, and neither does an event of another forum.
    EventDetails larger =
        new EventDetails(
            "Työpaja (siirretty)",
            "1. Avaus",
            start.plusSeconds(86_400),
            start.plusSeconds(90_000),
            null,
            "https://meet.example.fi/x",
            4);
    assertThat(forums.updateEvent(forum, event, "https://other.example.fi", larger, false))
        .isFalse();
    UUID otherForum = forums.create(organisation, details("02", null, null, Set.of()));
    assertThat(forums.updateEvent(otherForum, event, organisation, larger, false)).isFalse();
    assertThat(taken(event)).isEqualTo(2);

    assertThat(forums.updateEvent(forum, event, organisation, larger, false)).isTrue();
    ForumStore.ForumEvent changed = store.event(forum, event).orElseThrow();
    assertThat(changed.details()).isEqualTo(larger);
    assertThat(changed.sequence()).isEqualTo(sequence + 1);
    // The two new places went to the first two in the queue, who were told.
    assertThat(taken(event)).isEqualTo(4);
    assertThat(queue(event)).containsExactly(people.get(4));
    assertThat(placeMessages(event)).isEqualTo(2);
    assertThat(
            jdbc.sql("select titles->>'fi' from nt_inbox where idempotency_key like ?")
                .param("ri:forum-event:" + event + ":place:" + people.get(2).value() + ":%")
                .query(String.class)
                .single())
        .contains("Työpaja (siirretty)");

    // A cancellation gives the freed place to the last one waiting.
    assertThat(forums.unregister(event, people.getFirst())).isTrue();
    assertThat(queue(event)).isEmpty();
    assertThat(taken(event)).isEqualTo(4);
    assertThat(placeMessages(event)).isEqualTo(3);
  }

  /** The messages of a kind ("changed", "cancelled") sent about the event, by person. */
  private Map<PersonId, Long> told(UUID event, String kind) {
    Map<PersonId, Long> told = new java.util.HashMap<>();
    jdbc.sql("select person_id from nt_inbox where idempotency_key like ?")
        .param("ri:forum-event:" + event + ":" + kind + ":%")
        .query((rs, row) -> new PersonId(rs.getObject(1, UUID.class)))
        .list()
        .forEach(p -> told.merge(p, 1L, Long::sum));
    return told;
  }

  @Test
  void everyRegistrantIsToldOnceOfATimePlaceOrAgendaChangeButNotOfACorrection() {
    UUID forum = forums.create(organisation, details("01", null, null, Set.of()));
    var start = FixedClock.NOW.plus(Duration.ofDays(4));
    EventDetails first =
        new EventDetails("Työpaja", "1. Avaus", start, start.plusSeconds(3600), "Oulu", null, 2);
    UUID event = forums.addEvent(forum, first);
    List<PersonId> people = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      people.add(new PersonId(UUID.randomUUID()));
      forums.register(event, people.getLast(), "Org " + i, null);
    }
    // A typo fixed in the agenda, marked a correction, and a new title alone: nobody is told.
    EventDetails typo =
        new EventDetails("Työpaja", "1.  Avaus\n", start, start.plusSeconds(3600), "Oulu", null, 2);
    EventDetails corrected =
        new EventDetails("Työpaja", "1. Avaus.", start, start.plusSeconds(3600), "Oulu", null, 2);
    EventDetails renamed =
        new EventDetails(
            "Työpaja 2027", "1. Avaus.", start, start.plusSeconds(3600), "Oulu", null, 2);
    assertThat(forums.updateEvent(forum, event, organisation, typo, false)).isTrue();
    assertThat(forums.updateEvent(forum, event, organisation, corrected, true)).isTrue();
    assertThat(forums.updateEvent(forum, event, organisation, renamed, false)).isTrue();
    assertThat(told(event, "changed")).isEmpty();

    // A new time and place: each registrant, the one waiting too, is told once.
    EventDetails moved =
        new EventDetails(
            "Työpaja 2027",
            "1. Avaus.",
            start.plusSeconds(86_400),
            start.plusSeconds(90_000),
            "Kajaani",
            null,
            2);
    assertThat(forums.updateEvent(forum, event, organisation, moved, false)).isTrue();
    assertThat(told(event, "changed"))
        .containsOnlyKeys(people)
        .allSatisfy((person, count) -> assertThat(count).isEqualTo(1));
    ForumStore.ForumEvent after = store.event(forum, event).orElseThrow();
    assertThat(
            jdbc.sql("select texts->>'sv' from nt_inbox where idempotency_key = ?")
                .param(
                    "ri:forum-event:"
                        + event
                        + ":changed:"
                        + after.sequence()
                        + ":"
                        + people.getFirst().value())
                .query(String.class)
                .single())
        .contains("Kajaani", "tid, plats");
    // Told again of the same change (a redelivery), nobody gets a second message.
    assertThat(
            forums.tellChange(after, java.util.EnumSet.of(Forums.Aspect.TIME, Forums.Aspect.PLACE)))
        .isZero();
    assertThat(told(event, "changed").values()).containsOnly(1L);
    // The agenda changed, not marked a correction: told again, once, under the new SEQUENCE.
    EventDetails newAgenda =
        new EventDetails(
            "Työpaja 2027",
            "1. Avaus.\n2. Uusi puhuja",
            moved.start(),
            moved.end(),
            "Kajaani",
            null,
            2);
    assertThat(forums.updateEvent(forum, event, organisation, newAgenda, false)).isTrue();
    assertThat(told(event, "changed").values()).containsOnly(2L);
  }

  @Test
  void cancellingTellsEveryoneOnceEmptiesTheQueueAndTakesNoMoreRegistrations() {
    UUID forum = forums.create(organisation, details("01", null, null, Set.of()));
    var start = FixedClock.NOW.plus(Duration.ofDays(5));
    UUID event =
        forums.addEvent(
            forum,
            new EventDetails("Seminaari", "", start, start.plusSeconds(3600), "Vaasa", null, 2));
    List<PersonId> people = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      people.add(new PersonId(UUID.randomUUID()));
      forums.register(event, people.getLast(), "Org " + i, null);
    }
    int sequence = store.event(forum, event).orElseThrow().sequence();
    // Another organisation cancels nothing.
    assertThat(forums.cancelEvent(forum, event, "https://other.example.fi", "x", Language.EN))
        .isFalse();
    assertThat(forums.cancelEvent(forum, event, organisation, "Talaren är sjuk.", Language.SV))
        .isTrue();
    ForumStore.ForumEvent cancelled = store.event(forum, event).orElseThrow();
    assertThat(cancelled.cancellation())
        .isNotNull()
        .satisfies(
            c -> {
              assertThat(c.reason()).isEqualTo("Talaren är sjuk.");
              assertThat(c.language()).isEqualTo(Language.SV);
            });
    assertThat(cancelled.sequence()).isEqualTo(sequence + 1);
    assertThat(cancelled.placesLeft()).isZero();
    // The two with a place keep their registration; the two waiting are out of the queue; all
    // four are told once, the queue with its own text, in every language with the reason.
    assertThat(queue(event)).isEmpty();
    assertThat(taken(event)).isEqualTo(2);
    assertThat(told(event, "cancelled"))
        .containsOnlyKeys(people)
        .allSatisfy((person, count) -> assertThat(count).isEqualTo(1));
    assertThat(
            jdbc.sql("select texts->>'en' from nt_inbox where idempotency_key = ?")
                .param("ri:forum-event:" + event + ":cancelled:" + people.getLast().value())
                .query(String.class)
                .single())
        .contains("waiting list", "Talaren är sjuk.");
    assertThat(
            jdbc.sql("select texts->>'fi' from nt_inbox where idempotency_key = ?")
                .param("ri:forum-event:" + event + ":cancelled:" + people.getFirst().value())
                .query(String.class)
                .single())
        .contains("peruttu", "Talaren är sjuk.");
    // Cancelled again (a repeated request): nothing changes, nobody is told twice.
    assertThat(forums.cancelEvent(forum, event, organisation, "Again", Language.EN)).isFalse();
    assertThat(told(event, "cancelled").values()).containsOnly(1L);
    assertThat(store.event(forum, event).orElseThrow().sequence()).isEqualTo(sequence + 1);
    // No registrations, no changes, and a freed place goes to nobody.
    assertThat(forums.register(event, new PersonId(UUID.randomUUID()), "Late", null))
        .isEqualTo(Outcome.CANCELLED);
    assertThat(
            forums.updateEvent(
                forum,
                event,
                organisation,
                new EventDetails("Uusi", "", start, start.plusSeconds(3600), "Vaasa", null, 5),
                false))
        .isFalse();
    assertThat(forums.unregister(event, people.getFirst())).isTrue();
    assertThat(placeMessages(event)).isZero();
    // A started event is not cancelled.
    UUID past = event(3, Duration.ofHours(-1));
    assertThatThrownBy(
            () ->
                forums.cancelEvent(
                    store.lock(past).orElseThrow().forumId(), past, organisation, "x", Language.FI))
        .isInstanceOfSatisfying(
            Forums.Refused.class, r -> assertThat(r.field()).isEqualTo("reason"));
  }

  @Test
  void aStartedEventTakesNoRegistrationsAndNamesAreKeptOnlyWhenShown() {
    UUID past = event(10, Duration.ofHours(-1));
    assertThat(forums.register(past, new PersonId(UUID.randomUUID()), "Org", null))
        .isEqualTo(Outcome.CLOSED);
    assertThat(taken(past)).isZero();
    UUID event = event(10, Duration.ofDays(1));
    PersonId hidden = new PersonId(UUID.randomUUID());
    PersonId shown = new PersonId(UUID.randomUUID());
    forums.register(event, hidden, "Konepaja Oy", null);
    forums.register(event, shown, "Esimerkkiopisto", "Maija Meikäläinen");
    assertThat(store.participants(event))
        .extracting(ForumStore.Participant::organisation, ForumStore.Participant::shownName)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("Konepaja Oy", null),
            org.assertj.core.groups.Tuple.tuple("Esimerkkiopisto", "Maija Meikäläinen"));
    // Deleting the account removes the registration (the personal-data holder).
    holders.stream()
        .filter(h -> h.section().equals("regionalForumRegistrations"))
        .findFirst()
        .orElseThrow()
        .delete(shown);
    assertThat(store.registrationsOf(shown)).isEmpty();
    assertThat(taken(event)).isEqualTo(1);
    // The place of a deleted account goes to the first in the queue.
    UUID full = event(1, Duration.ofDays(2));
    PersonId first = new PersonId(UUID.randomUUID());
    PersonId second = new PersonId(UUID.randomUUID());
    forums.register(full, first, "A", null);
    assertThat(forums.register(full, second, "B", null)).isEqualTo(Outcome.WAITING);
    holders.stream()
        .filter(h -> h.section().equals("regionalForumRegistrations"))
        .forEach(h -> h.delete(first));
    assertThat(queue(full)).isEmpty();
    assertThat(store.participants(full))
        .extracting(ForumStore.Participant::person)
        .containsExactly(second);
  }
}
