package fi.osaava.regionalintelligence.internal.forums;

import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumEvent;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.Participant;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The forums' scheduled work, every quarter of an hour on one node under a ShedLock lease of a
 * minute (platform's background work), as the community's event reminders: the day-before reminder
 * to everyone holding a place at an event (a signed-in person through their inbox and e-mail
 * choice, a guest by mail), and the deletion of guests' addresses once their event has ended. Each
 * registration due a reminder is claimed ({@code FOR UPDATE SKIP LOCKED}) and marked in the
 * transaction that queues its message, whose key is the registration's, so neither a second round
 * nor a second node whose round overlaps this one (after the lease ran out) repeats it. Those in
 * the waiting list are not reminded; a place that frees up later is told of at once.
 */
@Component
public class ForumReminders {

  /** How long before the start the reminder goes. */
  public static final Duration AHEAD = Duration.ofDays(1);

  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final ForumStore store;
  private final Forums forums;
  private final Clock clock;

  ForumReminders(JdbcClient jdbc, ForumStore store, Forums forums, Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.forums = forums;
    this.clock = clock;
  }

  @Scheduled(cron = "${osaava.regional.forum-reminder-cron:0 */15 * * * *}")
  @SchedulerLock(name = "regional-forum-reminders", lockAtMostFor = "PT1M")
  void scheduled() {
    // A round that fails in a database outage is logged quietly by the platform's scheduler, and
    // the next round does what this one could not.
    remindDue();
    forgetGuests();
  }

  private record Due(UUID event, UUID person) {}

  /** Reminds of the events starting within a day; how many reminders were queued now. */
  @Transactional
  public int remindDue() {
    Instant now = clock.instant();
    List<Due> due =
        jdbc.sql(
                "select r.event_id, r.person_id from ri_forum_registration r join ri_forum_event e"
                    + " on e.id = r.event_id where not r.waiting and r.reminded_at is null and"
                    + " e.cancelled_at is null and e.starts_at > ? and e.starts_at <= ? order by"
                    + " e.starts_at, r.arrival limit ? for update of r skip locked")
            .params(Timestamp.from(now), Timestamp.from(now.plus(AHEAD)), BATCH)
            .query((rs, row) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
            .list();
    Map<UUID, Optional<ForumEvent>> events = new HashMap<>();
    Map<UUID, List<Participant>> participants = new HashMap<>();
    int sent = 0;
    for (Due d : due) {
      Optional<ForumEvent> event =
          events.computeIfAbsent(
              d.event(),
              id ->
                  jdbc.sql("select forum_id from ri_forum_event where id = ?")
                      .param(id)
                      .query(UUID.class)
                      .optional()
                      .flatMap(forum -> store.event(forum, id)));
      Optional<Participant> participant =
          participants.computeIfAbsent(d.event(), store::participants).stream()
              .filter(p -> p.person().value().equals(d.person()))
              .findFirst();
      if (event.isPresent()
          && participant.isPresent()
          && forums.tell(
              participant.get(),
              forums.message(
                  event.get(),
                  "ri.forum.mail.reminder.title",
                  "ri.forum.mail.reminder.text",
                  language -> ""),
              "ri:forum-event:" + d.event() + ":reminder:" + d.person())) {
        sent++;
      }
      jdbc.sql(
              "update ri_forum_registration set reminded_at = ? where event_id = ? and person_id"
                  + " = ?")
          .params(Timestamp.from(now), d.event(), d.person())
          .update();
    }
    return sent;
  }

  /**
   * Deletes the name, the e-mail address and the cancellation link of every guest whose event has
   * ended (held or cancelled): they served only the event. The organisation stays, and the name
   * where the guest chose to show it, as a signed-in participant's do. How many registrations were
   * cleared.
   */
  @Transactional
  public int forgetGuests() {
    return jdbc.sql(
            "update ri_forum_registration set guest_name = null, guest_email = null,"
                + " cancel_token_hash = null where guest and (guest_email is not null or guest_name"
                + " is not null or cancel_token_hash is not null) and event_id in (select id from"
                + " ri_forum_event where ends_at <= ?)")
        .param(Timestamp.from(clock.instant()))
        .update();
  }
}
