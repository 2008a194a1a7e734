package fi.osaava.regionalintelligence.internal;

import fi.osaava.notifications.NotificationMessage;
import fi.osaava.notifications.Notifications;
import fi.osaava.platform.Language;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Invitations and reminders by e-mail to a survey's invited companies, through the notifications
 * module's outbox ({@link Notifications#mail}): never mailed from here. Each mail is recorded in
 * {@code ri_contact_mail} in the same transaction that queues it, and its number makes the outbox's
 * idempotency key, so a mail is neither lost (the record and the queued mail commit together) nor
 * queued twice (a repeated click finds the record). The survey's row is locked while mailing, so
 * two owners' clicks, or a click and the survey's closing, take turns: once the survey is closed
 * and its contacts deleted, nothing more is queued, and {@link #withdrawQueued} takes back what is
 * still waiting in the outbox. The owner may also turn on automatic reminders ({@link
 * AutoReminders}), which {@code SurveyReminderSchedule} sends through the same {@link #remind}. A
 * survey with a closing date also sends, {@link #closingReminderDays()} before it, one last
 * reminder ({@link #remindBeforeClosing}). Times are the injected clock's, so the interval and the
 * closing date are reckoned the same way by the page, the job and the tests.
 */
@Component
public class SurveyMailings {

  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final MessageSource messages;
  private final Duration reminderInterval;
  private final int closingReminderDays;
  private final Clock clock;

  SurveyMailings(
      JdbcClient jdbc,
      Notifications notifications,
      MessageSource messages,
      @Value("${osaava.regional.reminder-interval:P3D}") Duration reminderInterval,
      @Value("${osaava.regional.closing-reminder-days:3}") int closingReminderDays,
      Clock clock) {
    if (closingReminderDays < 0) {
      throw new IllegalArgumentException("osaava.regional.closing-reminder-days must be 0 or more");
    }
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.messages = messages;
    this.reminderInterval = reminderInterval;
    this.closingReminderDays = closingReminderDays;
    this.clock = clock;
  }

  /**
   * The owner's automatic reminders of a survey.
   *
   * @param days the least days between two mails to one company; never less than the {@link
   *     #reminderInterval()} (the longer of the two holds)
   * @param most the most reminders one company gets in all, those sent from the page included
   */
  public record AutoReminders(int days, int most) {

    /** The most days between two automatic reminders that an owner may choose. */
    public static final int MAX_DAYS = 60;

    /** The most reminders one company may get automatically. */
    public static final int MAX_REMINDERS = 5;

    public AutoReminders {
      if (days < 1 || days > MAX_DAYS || most < 1 || most > MAX_REMINDERS) {
        throw new IllegalArgumentException("Automatic reminders out of range");
      }
    }
  }

  /** The least time between two mails to one company (by default 3 days). */
  public Duration reminderInterval() {
    return reminderInterval;
  }

  /**
   * How many days before a survey's closing date its last reminder goes (by default 3; 0: none).
   */
  public int closingReminderDays() {
    return closingReminderDays;
  }

  /** Today in Helsinki, by the clock: closing dates are days there. */
  public LocalDate today() {
    return LocalDate.ofInstant(clock.instant(), Survey.HELSINKI);
  }

  /** Invited companies with an address that have not been mailed their invitation. */
  private static final String NOT_INVITED =
      """
      and not exists (select 1 from ri_contact_mail m
                      where m.response_id = c.response_id and m.kind = 'INVITATION')""";

  /**
   * Invited companies with an address that have not sent their response and were mailed nothing in
   * the interval (the parameter).
   */
  private static final String REMINDER_DUE =
      """
      and r.submitted_at is null
      and not exists (select 1 from ri_contact_mail m
                      where m.response_id = c.response_id and m.queued_at > ?)""";

  /**
   * Of {@link #REMINDER_DUE}, the companies an automatic reminder goes to: those already mailed
   * their invitation (the owner decides when the first mail goes) and sent fewer reminders than the
   * most (the parameter).
   */
  private static final String AUTO_REMINDER_DUE =
      REMINDER_DUE
          + """

          and exists (select 1 from ri_contact_mail m
                      where m.response_id = c.response_id and m.kind = 'INVITATION')
          and (select count(*) from ri_contact_mail m
               where m.response_id = c.response_id and m.kind = 'REMINDER') < ?""";

  /**
   * Of {@link #REMINDER_DUE}, the companies the reminder before closing goes to: those mailed their
   * invitation and not sent this reminder yet (once per invitation).
   */
  private static final String CLOSING_REMINDER_DUE =
      REMINDER_DUE
          + """

          and exists (select 1 from ri_contact_mail m
                      where m.response_id = c.response_id and m.kind = 'INVITATION')
          and not exists (select 1 from ri_contact_mail m
                          where m.response_id = c.response_id and m.kind = 'CLOSING')""";

  /** A contact due a mail, with what its mail needs. */
  private record Due(UUID response, String email, @Nullable String language, String token) {}

  /**
   * Queues an invitation to every invited company with an e-mail address that has not been mailed
   * one yet.
   *
   * @param fallback the language of a company that was given none (the owner's page's); it is kept
   *     for the company's later mails
   * @return how many were queued
   */
  @Transactional
  public int invite(Survey survey, Language fallback) {
    if (!lockOpen(survey.id())) {
      return 0;
    }
    List<Due> due = due(NOT_INVITED, survey.id());
    LocalDate closesOn = closesOn(survey.id());
    for (Due d : due) {
      record(d.response(), "INVITATION", 0);
      mail(survey, d, "invitation", invitationKey(d.response()), fallback, closesOn);
    }
    return due.size();
  }

  /**
   * Queues a reminder to every invited company with an e-mail address that has not sent its
   * response (one saved to continue later has not) and was mailed nothing in the last {@link
   * #reminderInterval()}.
   *
   * @return how many were queued
   */
  @Transactional
  public int remind(Survey survey, Language fallback) {
    if (!lockOpen(survey.id())) {
      return 0;
    }
    return remind(survey, fallback, due(REMINDER_DUE, survey.id(), since(reminderInterval)));
  }

  /**
   * Queues the automatic reminders due now of an open survey whose owner turned them on: to every
   * company {@link #remind} would remind that was mailed its invitation, was mailed nothing in the
   * schedule's days (or the {@link #reminderInterval()}, whichever is longer) and has had fewer
   * reminders than the schedule's most. The schedule is read under the survey's lock, so a survey
   * closed or a schedule turned off meanwhile sends nothing.
   *
   * @return how many were queued
   */
  @Transactional
  public int remindAutomatically(Survey survey) {
    if (!lockOpen(survey.id())) {
      return 0;
    }
    Optional<AutoReminders> schedule = autoReminders(survey.id());
    if (schedule.isEmpty()) {
      return 0;
    }
    Duration days = Duration.ofDays(schedule.get().days());
    Duration wait = days.compareTo(reminderInterval) > 0 ? days : reminderInterval;
    return remind(
        survey,
        // Every company invited by mail has its language by now; this is only a fallback.
        Language.FI,
        due(AUTO_REMINDER_DUE, survey.id(), since(wait), schedule.get().most()));
  }

  /**
   * Queues the last reminder before the survey's closing date, once per invitation, when the date
   * is at most {@link #closingReminderDays()} away: to every company mailed its invitation that has
   * not sent its response and was mailed nothing in the {@link #reminderInterval()} (a company
   * reminded just before is not mailed again; the interval holds for every mail). The closing date
   * is read under the survey's lock, so a date moved or removed meanwhile counts.
   *
   * @return how many were queued
   */
  @Transactional
  public int remindBeforeClosing(Survey survey) {
    if (closingReminderDays == 0 || !lockOpen(survey.id())) {
      return 0;
    }
    LocalDate closesOn = closesOn(survey.id());
    if (closesOn == null || !today().isAfter(closesOn.minusDays(closingReminderDays))) {
      return 0;
    }
    List<Due> due = due(CLOSING_REMINDER_DUE, survey.id(), since(reminderInterval));
    for (Due d : due) {
      record(d.response(), "CLOSING", 0);
      // Every company mailed its invitation has its language by now; FI is only a fallback.
      mail(survey, d, "closing", closingKey(d.response()), Language.FI, closesOn);
    }
    return due.size();
  }

  /** The open surveys whose reminder before closing may be due today. */
  public List<UUID> nearClosing() {
    if (closingReminderDays == 0) {
      return List.of();
    }
    LocalDate today = today();
    return jdbc.sql(
            "select id from ri_survey where status = 'OPEN' and closes_on >= ? and closes_on < ?"
                + " order by id")
        .params(today, today.plusDays(closingReminderDays))
        .query(UUID.class)
        .list();
  }

  private int remind(Survey survey, Language fallback, List<Due> due) {
    LocalDate closesOn = closesOn(survey.id());
    for (Due d : due) {
      int number =
          jdbc.sql(
                  "select count(*) + 1 from ri_contact_mail where response_id = ?"
                      + " and kind = 'REMINDER'")
              .param(d.response())
              .query(Integer.class)
              .single();
      record(d.response(), "REMINDER", number);
      mail(survey, d, "reminder", reminderKey(d.response(), number), fallback, closesOn);
    }
    return due.size();
  }

  /** How many reminders {@link #remind} would queue now (for the owner's button). */
  public int remindersDue(UUID survey) {
    return due(REMINDER_DUE, survey, since(reminderInterval)).size();
  }

  /** How many invitations {@link #invite} would queue now. */
  public int invitationsDue(UUID survey) {
    return due(NOT_INVITED, survey).size();
  }

  /** The survey's automatic reminders, empty when they are off. */
  public Optional<AutoReminders> autoReminders(UUID survey) {
    return jdbc.sql(
            "select auto_remind_days, auto_remind_max from ri_survey where id = ?"
                + " and auto_remind_days is not null")
        .param(survey)
        .query((rs, n) -> new AutoReminders(rs.getInt(1), rs.getInt(2)))
        .optional();
  }

  /** Turns the survey's automatic reminders on with {@code schedule}, or off with null. */
  public void setAutoReminders(UUID survey, @Nullable AutoReminders schedule) {
    jdbc.sql(
            "update ri_survey set auto_remind_days = ?, auto_remind_max = ? where id = ?"
                + " and status = 'OPEN'")
        .param(1, schedule == null ? null : schedule.days(), java.sql.Types.INTEGER)
        .param(2, schedule == null ? null : schedule.most(), java.sql.Types.INTEGER)
        .param(3, survey)
        .update();
  }

  /** The open surveys whose automatic reminders are on. */
  public List<UUID> withAutoReminders() {
    return jdbc.sql(
            "select id from ri_survey where status = 'OPEN' and auto_remind_days is not null"
                + " order by id")
        .query(UUID.class)
        .list();
  }

  /**
   * Withdraws from the notifications outbox every invitation and reminder of the survey that is
   * still waiting there: at closing, so that no company is mailed after the survey closed, and its
   * address is not kept for the outbox's next round. Call it in the closing's transaction, before
   * the contacts (and with them the record of their mails, which names the keys) are deleted.
   *
   * @return how many waiting mails were withdrawn
   */
  public int withdrawQueued(UUID survey) {
    List<String> keys = new ArrayList<>();
    jdbc.sql(
            """
            select m.response_id, m.kind, m.number from ri_contact_mail m
            join ri_response r on r.id = m.response_id where r.survey_id = ?""")
        .param(survey)
        .query(
            rs -> {
              UUID response = rs.getObject(1, UUID.class);
              keys.add(
                  switch (rs.getString(2)) {
                    case "INVITATION" -> invitationKey(response);
                    case "CLOSING" -> closingKey(response);
                    default -> reminderKey(response, rs.getInt(3));
                  });
            });
    return keys.isEmpty() ? 0 : notifications.withdrawMail(keys);
  }

  private static String invitationKey(UUID response) {
    return "regionalintelligence:survey-invitation:" + response;
  }

  private static String reminderKey(UUID response, int number) {
    return "regionalintelligence:survey-reminder:" + response + ":" + number;
  }

  private static String closingKey(UUID response) {
    return "regionalintelligence:survey-closing-reminder:" + response;
  }

  /** Closing dates in mails, as the pages write them. */
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d.M.yyyy");

  /** The instant {@code ago} before now, by the clock. */
  private Timestamp since(Duration ago) {
    return Timestamp.from(clock.instant().minus(ago));
  }

  /**
   * Locks the survey's row until the transaction ends and says whether it takes answers: open and
   * not past its closing date (the job that closes it may not have run yet). Closing updates the
   * same row, so it waits for a mailing in progress, and a mailing after it finds it closed.
   */
  private boolean lockOpen(UUID survey) {
    return jdbc.sql(
            "select status = 'OPEN' and (closes_on is null or closes_on >= ?) from ri_survey"
                + " where id = ? for update")
        .params(today(), survey)
        .query(Boolean.class)
        .optional()
        .orElse(false);
  }

  /**
   * The survey's closing date, null without one. Read after {@link #lockOpen}, under the survey's
   * lock, so that a date moved or removed meanwhile is the one the mails name.
   */
  private @Nullable LocalDate closesOn(UUID survey) {
    return jdbc.sql("select closes_on from ri_survey where id = ?")
        .param(survey)
        .query(LocalDate.class)
        .optional()
        .orElse(null);
  }

  private List<Due> due(String condition, Object... params) {
    return jdbc.sql(
            """
            select c.response_id, c.email, c.language, r.token
            from ri_contact c join ri_response r on r.id = c.response_id
            where r.survey_id = ? and c.email is not null
            """
                + condition
                + " order by c.company, r.token")
        .params(params)
        .query(
            (rs, n) ->
                new Due(
                    rs.getObject("response_id", UUID.class),
                    rs.getString("email"),
                    rs.getString("language"),
                    rs.getString("token")))
        .list();
  }

  private void record(UUID response, String kind, int number) {
    jdbc.sql(
            "insert into ri_contact_mail (response_id, kind, number, queued_at) values (?, ?, ?,"
                + " ?)")
        .params(response, kind, number, Timestamp.from(clock.instant()))
        .update();
  }

  /**
   * Queues one mail in the company's language. A survey with a closing date says in an invitation
   * or a reminder by when to answer; the reminder before closing names the date in its own text.
   *
   * @param closesOn the survey's closing date ({2} of the texts, as the pages write it), null when
   *     none
   */
  private void mail(
      Survey survey,
      Due due,
      String what,
      String key,
      Language fallback,
      @Nullable LocalDate closesOn) {
    String date = closesOn == null ? "" : closesOn.format(DATE);
    boolean answerBy = closesOn != null && !what.equals("closing");
    Map<Language, String> titles = new EnumMap<>(Language.class);
    Map<Language, String> texts = new EnumMap<>(Language.class);
    for (Language l : Survey.LANGUAGES) {
      Locale locale = Locale.forLanguageTag(l.code());
      Object[] args = {survey.title(l), survey.organisation(), date};
      titles.put(l, messages.getMessage("ri.mail." + what + ".title", args, locale));
      String text = messages.getMessage("ri.mail." + what + ".text", args, locale);
      if (answerBy) {
        text += "\n" + messages.getMessage("ri.mail.answerBy", new Object[] {date}, locale);
      }
      texts.put(l, text);
    }
    Language language;
    if (due.language() != null) {
      language = Language.of(Locale.forLanguageTag(due.language()));
    } else {
      language = Survey.LANGUAGES.contains(fallback) ? fallback : Language.EN;
      // Kept, so that the reminders are in the language of the invitation.
      jdbc.sql("update ri_contact set language = ? where response_id = ?")
          .params(language.code(), due.response())
          .update();
    }
    // The link opens the survey in the mail's language.
    String link =
        UriComponentsBuilder.fromPath("/surveys/r/{token}")
            .queryParam("lang", language.code())
            .buildAndExpand(due.token())
            .toUriString();
    notifications.mail(due.email(), language, new NotificationMessage(titles, texts, link), key);
  }
}
