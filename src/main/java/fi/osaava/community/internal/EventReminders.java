package fi.osaava.community.internal;

import fi.osaava.community.internal.EventStore.Event;
import fi.osaava.notifications.Notifications;
import fi.osaava.profile.PersonId;
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
 * Reminds everyone holding a place at an event, a day before it starts, through the notifications
 * module (the inbox, and e-mail by the person's own choice there): once per person and event. Runs
 * every quarter of an hour on one node under a ShedLock lease of a minute (platform's background
 * work), so that a node that dies in a round hands the work over within a minute (issue 20). Each
 * registration is claimed ({@code FOR UPDATE SKIP LOCKED}) and marked in the same transaction as
 * its message goes into the outbox, and the message's key is the registration's, so neither a
 * second round nor a second node whose round overlaps this one (after the lease ran out) repeats
 * it. Those in the waiting list are not reminded; a place that frees up later is told of at once.
 */
@Component
public class EventReminders {

  /** How long before the start the reminder goes. */
  public static final Duration AHEAD = Duration.ofDays(1);

  private static final int BATCH = 500;

  private final JdbcClient jdbc;
  private final EventStore store;
  private final Events events;
  private final Notifications notifications;
  private final Clock clock;

  EventReminders(
      JdbcClient jdbc, EventStore store, Events events, Notifications notifications, Clock clock) {
    this.jdbc = jdbc;
    this.store = store;
    this.events = events;
    this.notifications = notifications;
    this.clock = clock;
  }

  @Scheduled(cron = "${osaava.community.event-reminder-cron:0 */15 * * * *}")
  @SchedulerLock(name = "community-event-reminders", lockAtMostFor = "PT1M")
  void scheduled() {
    // A round that fails in a database outage is logged quietly by the platform's scheduler, and
    // the next round reminds of what this one could not.
    remindDue();
  }

  private record Due(UUID event, PersonId person) {}

  /** Reminds of the events starting within a day; how many reminders were sent now. */
  @Transactional
  public int remindDue() {
    Instant now = clock.instant();
    List<Due> due =
        jdbc.sql(
                "SELECT r.event_id, r.person_id FROM community_event_registration r JOIN"
                    + " community_event e ON e.id = r.event_id WHERE NOT r.waiting AND"
                    + " r.reminded_at IS NULL AND NOT e.cancelled AND e.starts_at > ? AND"
                    + " e.starts_at <= ? ORDER BY e.starts_at, r.queued LIMIT ? FOR UPDATE OF r"
                    + " SKIP LOCKED")
            .params(Timestamp.from(now), Timestamp.from(now.plus(AHEAD)), BATCH)
            .query(
                (rs, row) ->
                    new Due(rs.getObject(1, UUID.class), new PersonId(rs.getObject(2, UUID.class))))
            .list();
    Map<UUID, Optional<Event>> byId = new HashMap<>();
    int sent = 0;
    for (Due d : due) {
      Optional<Event> event = byId.computeIfAbsent(d.event(), store::event);
      if (event.isPresent()
          && notifications.send(
              d.person(),
              events.message(
                  event.get(),
                  "community.event.mail.reminder.title",
                  "community.event.mail.reminder.text"),
              "community:event:" + d.event() + ":reminder:" + d.person().value())) {
        sent++;
      }
      jdbc.sql(
              "UPDATE community_event_registration SET reminded_at = ? WHERE event_id = ? AND"
                  + " person_id = ?")
          .params(Timestamp.from(now), d.event(), d.person().value())
          .update();
    }
    return sent;
  }
}
