package fi.osaava.regionalintelligence.internal;

import fi.osaava.notifications.NotificationMessage;
import fi.osaava.notifications.Notifications;
import fi.osaava.platform.Language;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * and its contacts deleted, nothing more is queued.
 */
@Component
public class SurveyMailings {

  private final JdbcClient jdbc;
  private final Notifications notifications;
  private final MessageSource messages;
  private final Duration reminderInterval;

  SurveyMailings(
      JdbcClient jdbc,
      Notifications notifications,
      MessageSource messages,
      @Value("${osaava.regional.reminder-interval:P3D}") Duration reminderInterval) {
    this.jdbc = jdbc;
    this.notifications = notifications;
    this.messages = messages;
    this.reminderInterval = reminderInterval;
  }

  /** The least time between two mails to one company (by default 3 days). */
  public Duration reminderInterval() {
    return reminderInterval;
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
                      where m.response_id = c.response_id
                        and m.queued_at > now() - cast(? as interval))""";

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
    for (Due d : due) {
      record(d.response(), "INVITATION", 0);
      mail(
          survey,
          d,
          "invitation",
          "regionalintelligence:survey-invitation:" + d.response(),
          fallback);
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
    List<Due> due = due(REMINDER_DUE, survey.id(), interval());
    for (Due d : due) {
      int number =
          jdbc.sql(
                  "select count(*) + 1 from ri_contact_mail where response_id = ?"
                      + " and kind = 'REMINDER'")
              .param(d.response())
              .query(Integer.class)
              .single();
      record(d.response(), "REMINDER", number);
      mail(
          survey,
          d,
          "reminder",
          "regionalintelligence:survey-reminder:" + d.response() + ":" + number,
          fallback);
    }
    return due.size();
  }

  /** How many reminders {@link #remind} would queue now (for the owner's button). */
  public int remindersDue(UUID survey) {
    return due(REMINDER_DUE, survey, interval()).size();
  }

  /** How many invitations {@link #invite} would queue now. */
  public int invitationsDue(UUID survey) {
    return due(NOT_INVITED, survey).size();
  }

  /** The interval as PostgreSQL reads it. */
  private String interval() {
    return reminderInterval.toSeconds() + " seconds";
  }

  /**
   * Locks the survey's row until the transaction ends and says whether it is open. Closing updates
   * the same row, so it waits for a mailing in progress, and a mailing after it finds it closed.
   */
  private boolean lockOpen(UUID survey) {
    return jdbc.sql("select status from ri_survey where id = ? for update")
        .param(survey)
        .query(String.class)
        .optional()
        .filter(Survey.Status.OPEN.name()::equals)
        .isPresent();
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
    jdbc.sql("insert into ri_contact_mail (response_id, kind, number) values (?, ?, ?)")
        .params(response, kind, number)
        .update();
  }

  private void mail(Survey survey, Due due, String what, String key, Language fallback) {
    Map<Language, String> titles = new EnumMap<>(Language.class);
    Map<Language, String> texts = new EnumMap<>(Language.class);
    for (Language l : Survey.LANGUAGES) {
      Locale locale = Locale.forLanguageTag(l.code());
      Object[] args = {survey.title(l), survey.organisation()};
      titles.put(l, messages.getMessage("ri.mail." + what + ".title", args, locale));
      texts.put(l, messages.getMessage("ri.mail." + what + ".text", args, locale));
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
