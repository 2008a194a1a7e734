package fi.osaava.regionalintelligence.internal;

import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.internal.Survey.Question;
import fi.osaava.regionalintelligence.internal.Survey.Status;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The surveys, their questions, responses and contacts in PostgreSQL (the module's own tables). */
@Component
public class SurveyStore {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final TypeReference<Map<String, List<String>>> ANSWERS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final JsonMapper json = JsonMapper.shared();

  private final JdbcTemplate template;
  private final SurveyMailings mailings;

  SurveyStore(JdbcClient jdbc, JdbcTemplate template, SurveyMailings mailings) {
    this.template = template;
    this.jdbc = jdbc;
    this.mailings = mailings;
  }

  /**
   * A company invited with its own link, as the owner's list of links shows it.
   *
   * @param language the language its mail is written in (fi, sv or en), null for the owner's
   * @param invitedAt when its invitation was handed to the mail outbox, null if never
   * @param reminders how many reminders it has been sent
   * @param remindedAt when the latest of them was handed to the mail outbox, null if none
   */
  public record Invitation(
      UUID response,
      String company,
      @Nullable String email,
      @Nullable String language,
      String token,
      boolean submitted,
      @Nullable Instant invitedAt,
      int reminders,
      @Nullable Instant remindedAt) {}

  /** 256 random bits, URL-safe: a link that cannot be guessed. */
  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public UUID create(String organisation, Map<Language, String> titles) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into ri_survey (id, organisation, title_fi, title_sv, title_en, status)
            values (?, ?, ?, ?, ?, 'DRAFT')""")
        .params(
            id,
            organisation,
            required(titles, Language.FI),
            required(titles, Language.SV),
            required(titles, Language.EN))
        .update();
    return id;
  }

  public Optional<Survey> find(UUID id) {
    return jdbc.sql("select * from ri_survey where id = ?")
        .param(id)
        .query((rs, n) -> survey(rs))
        .optional();
  }

  /** The organisation's survey, or empty: another organisation's survey is simply not found. */
  public Optional<Survey> owned(UUID id, String organisation) {
    return find(id).filter(s -> s.organisation().equals(organisation));
  }

  public List<Survey> listOf(String organisation) {
    return jdbc.sql("select * from ri_survey where organisation = ? order by created_at desc, id")
        .param(organisation)
        .query((rs, n) -> survey(rs))
        .list();
  }

  public List<Survey> published() {
    return jdbc.sql(
            "select * from ri_survey where published_at is not null order by published_at desc, id")
        .query((rs, n) -> survey(rs))
        .list();
  }

  @Transactional
  public void addQuestion(
      UUID survey,
      QuestionKind kind,
      Map<Language, String> texts,
      Map<Language, List<String>> options) {
    int position =
        jdbc.sql("select coalesce(max(position) + 1, 0) from ri_question where survey_id = ?")
            .param(survey)
            .query(Integer.class)
            .single();
    jdbc.sql(
            """
            insert into ri_question (id, survey_id, position, kind, text_fi, text_sv, text_en,
              options_fi, options_sv, options_en) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
        // Bound one by one: param takes a null (a question without options), params is typed as
        // not.
        .param(UUID.randomUUID())
        .param(survey)
        .param(position)
        .param(kind.name())
        .param(required(texts, Language.FI))
        .param(required(texts, Language.SV))
        .param(required(texts, Language.EN))
        .param(lines(options.get(Language.FI)))
        .param(lines(options.get(Language.SV)))
        .param(lines(options.get(Language.EN)))
        .update();
  }

  @Transactional
  public boolean deleteQuestion(UUID survey, UUID question) {
    int deleted =
        jdbc.sql("delete from ri_question where survey_id = ? and id = ?")
            .params(survey, question)
            .update();
    // Renumbered in two steps, as the positions are unique at every moment.
    jdbc.sql("update ri_question set position = -position - 1 where survey_id = ?")
        .param(survey)
        .update();
    jdbc.sql(
            """
            update ri_question q set position = o.n from (
              select id, row_number() over (order by -position - 1) - 1 as n
              from ri_question where survey_id = ?) o
            where q.id = o.id""")
        .param(survey)
        .update();
    return deleted > 0;
  }

  public void open(UUID survey) {
    jdbc.sql(
            "update ri_survey set status = 'OPEN', open_token = ? where id = ? and status = 'DRAFT'")
        .params(newToken(), survey)
        .update();
  }

  /**
   * Closes the survey: no more answers, its mails still waiting in the notifications outbox are
   * withdrawn, and the contacts are deleted, as promised. The open link is kept, so that its page
   * says the survey has closed instead of not finding it; it starts no response. The update locks
   * the survey's row first, so a mailing in progress finishes before the withdrawal looks for its
   * mails.
   */
  @Transactional
  public void close(UUID survey) {
    jdbc.sql(
            "update ri_survey set status = 'CLOSED', auto_remind_days = null,"
                + " auto_remind_max = null where id = ?")
        .param(survey)
        .update();
    mailings.withdrawQueued(survey);
    jdbc.sql(
            "delete from ri_contact c using ri_response r where c.response_id = r.id"
                + " and r.survey_id = ?")
        .param(survey)
        .update();
  }

  /**
   * Sets the closing date of a draft or open survey, or removes it with null; false when the survey
   * is closed already.
   */
  public boolean setClosingDate(UUID survey, @Nullable LocalDate closesOn) {
    return jdbc.sql(
                "update ri_survey set closes_on = ? where id = ? and status in ('DRAFT', 'OPEN')")
            .param(1, closesOn, java.sql.Types.DATE)
            .param(2, survey)
            .update()
        > 0;
  }

  /** The open surveys whose closing date is before {@code today}: due to be closed. */
  public List<UUID> pastClosingDate(LocalDate today) {
    return jdbc.sql("select id from ri_survey where status = 'OPEN' and closes_on < ? order by id")
        .param(today)
        .query(UUID.class)
        .list();
  }

  public void publish(UUID survey, String results) {
    jdbc.sql(
            "update ri_survey set published = ?, published_at = now() where id = ?"
                + " and status = 'CLOSED'")
        .params(results, survey)
        .update();
  }

  /** A new draft with the same title and questions, the next version of the survey. */
  @Transactional
  public UUID copy(Survey original) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            """
            insert into ri_survey (id, organisation, version, copied_from, title_fi, title_sv,
              title_en, status)
            select ?, organisation, version + 1, id, title_fi, title_sv, title_en, 'DRAFT'
            from ri_survey where id = ?""")
        .params(id, original.id())
        .update();
    jdbc.sql(
            """
            insert into ri_question (id, survey_id, position, kind, text_fi, text_sv, text_en,
              options_fi, options_sv, options_en)
            select gen_random_uuid(), ?, position, kind, text_fi, text_sv, text_en, options_fi,
              options_sv, options_en from ri_question where survey_id = ?""")
        .params(id, original.id())
        .update();
    return id;
  }

  /**
   * A response for an invited company, with its contact kept apart; returns the token.
   *
   * @param language fi, sv or en: the language of its mails, null for the owner's
   */
  @Transactional
  public String invite(
      UUID survey, String company, @Nullable String email, @Nullable String language) {
    String token = newToken();
    UUID response = UUID.randomUUID();
    jdbc.sql("insert into ri_response (id, survey_id, token) values (?, ?, ?)")
        .params(response, survey, token)
        .update();
    jdbc.sql("insert into ri_contact (response_id, company, email, language) values (?, ?, ?, ?)")
        // Bound one by one: param takes a null (no e-mail or language), params is typed as not.
        .param(response)
        .param(company)
        .param(email)
        .param(language)
        .update();
    return token;
  }

  /** A response started from the open link; returns its token. */
  public String start(UUID survey) {
    String token = newToken();
    jdbc.sql("insert into ri_response (id, survey_id, token) values (?, ?, ?)")
        .params(UUID.randomUUID(), survey, token)
        .update();
    return token;
  }

  /** The survey of an open link, open or closed (whether it takes answers is the caller's). */
  public Optional<Survey> byOpenToken(String token) {
    return jdbc.sql("select * from ri_survey where open_token = ?")
        .param(token)
        .query((rs, n) -> survey(rs))
        .optional();
  }

  public Optional<SurveyResponse> response(String token) {
    return jdbc.sql("select * from ri_response where token = ?")
        .param(token)
        .query((rs, n) -> response(rs))
        .optional();
  }

  public List<SurveyResponse> submitted(UUID survey) {
    return jdbc.sql(
            "select * from ri_response where survey_id = ? and submitted_at is not null order by id")
        .param(survey)
        .query((rs, n) -> response(rs))
        .list();
  }

  public int responseCount(UUID survey, boolean submittedOnly) {
    return jdbc.sql(
            "select count(*) from ri_response where survey_id = ?"
                + (submittedOnly ? " and submitted_at is not null" : " and saved_at is not null"))
        .param(survey)
        .query(Integer.class)
        .single();
  }

  public List<Invitation> invitations(UUID survey) {
    return jdbc.sql(
            """
            select r.id, c.company, c.email, c.language, r.token,
              r.submitted_at is not null as submitted,
              (select max(m.queued_at) from ri_contact_mail m
               where m.response_id = c.response_id and m.kind = 'INVITATION') as invited_at,
              (select count(*) from ri_contact_mail m
               where m.response_id = c.response_id and m.kind = 'REMINDER') as reminders,
              (select max(m.queued_at) from ri_contact_mail m
               where m.response_id = c.response_id and m.kind = 'REMINDER') as reminded_at
            from ri_contact c join ri_response r on r.id = c.response_id
            where r.survey_id = ? order by c.company, r.token""")
        .param(survey)
        .query(
            (rs, n) ->
                new Invitation(
                    rs.getObject("id", UUID.class),
                    rs.getString("company"),
                    rs.getString("email"),
                    rs.getString("language"),
                    rs.getString("token"),
                    rs.getBoolean("submitted"),
                    instant(rs.getTimestamp("invited_at")),
                    rs.getInt("reminders"),
                    instant(rs.getTimestamp("reminded_at"))))
        .list();
  }

  /**
   * Stores submitted responses in one batch (the synthetic generator's; no tokens are handed out).
   */
  @Transactional
  public void insertSubmitted(List<SurveyResponse> responses) {
    template.batchUpdate(
        """
        insert into ri_response (id, survey_id, token, industry, size_class, municipality,
          language, answers, saved_at, submitted_at) values (?, ?, ?, ?, ?, ?, ?,
          cast(? as jsonb), now(), now())""",
        responses,
        responses.size(),
        (ps, r) -> {
          ps.setObject(1, r.id());
          ps.setObject(2, r.surveyId());
          ps.setString(3, r.token());
          ps.setString(4, r.industry());
          ps.setString(5, r.sizeClass());
          ps.setString(6, r.municipality());
          ps.setString(7, r.language());
          ps.setString(8, json.writeValueAsString(r.answers()));
        });
  }

  /**
   * Saves the answers; {@code submit} marks the response as given, after which it is final. The
   * survey must take answers when the row is written: open and not past its closing date, so that a
   * response checked a moment before the closing (by the owner or the date) is not written after
   * it.
   *
   * @return whether the answers were saved
   */
  public boolean save(SurveyResponse response, boolean submit) {
    return jdbc.sql(
                """
            update ri_response set industry = ?, size_class = ?, municipality = ?, language = ?,
              answers = cast(? as jsonb), saved_at = now(),
              submitted_at = case when ? then now() else null end
            where id = ? and submitted_at is null
              and exists (select 1 from ri_survey s where s.id = ri_response.survey_id
                          and s.status = 'OPEN' and (s.closes_on is null or s.closes_on >= ?))""")
            // Bound one by one: param takes a null (a background not answered yet); params does
            // not.
            .param(response.industry())
            .param(response.sizeClass())
            .param(response.municipality())
            .param(response.language())
            .param(json.writeValueAsString(response.answers()))
            .param(submit)
            .param(response.id())
            .param(mailings.today())
            .update()
        > 0;
  }

  private Survey survey(ResultSet rs) throws SQLException {
    UUID id = rs.getObject("id", UUID.class);
    Map<Language, String> titles = new EnumMap<>(Language.class);
    titles.put(Language.FI, rs.getString("title_fi"));
    titles.put(Language.SV, rs.getString("title_sv"));
    titles.put(Language.EN, rs.getString("title_en"));
    Timestamp published = rs.getTimestamp("published_at");
    return new Survey(
        id,
        rs.getString("organisation"),
        rs.getInt("version"),
        rs.getObject("copied_from", UUID.class),
        titles,
        Status.valueOf(rs.getString("status")),
        rs.getString("open_token"),
        published == null ? null : published.toInstant(),
        rs.getString("published"),
        rs.getObject("closes_on", LocalDate.class),
        questions(id));
  }

  private List<Question> questions(UUID survey) {
    return jdbc.sql("select * from ri_question where survey_id = ? order by position")
        .param(survey)
        .query(
            (rs, n) -> {
              Map<Language, String> texts = new EnumMap<>(Language.class);
              Map<Language, List<String>> options = new EnumMap<>(Language.class);
              for (Language l : Survey.LANGUAGES) {
                texts.put(l, rs.getString("text_" + l.code()));
                String lines = rs.getString("options_" + l.code());
                if (lines != null) {
                  options.put(l, List.of(lines.split("\n", -1)));
                }
              }
              return new Question(
                  rs.getObject("id", UUID.class),
                  rs.getInt("position"),
                  QuestionKind.valueOf(rs.getString("kind")),
                  texts,
                  options);
            })
        .list();
  }

  private SurveyResponse response(ResultSet rs) throws SQLException {
    Timestamp submitted = rs.getTimestamp("submitted_at");
    return new SurveyResponse(
        rs.getObject("id", UUID.class),
        rs.getObject("survey_id", UUID.class),
        rs.getString("token"),
        rs.getString("industry"),
        rs.getString("size_class"),
        rs.getString("municipality"),
        rs.getString("language"),
        json.readValue(rs.getString("answers"), ANSWERS),
        submitted == null ? null : submitted.toInstant());
  }

  private static @Nullable Instant instant(@Nullable Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  /** A text every survey has in each of its languages (the columns are not null). */
  private static String required(Map<Language, String> texts, Language language) {
    return Objects.requireNonNull(texts.get(language), () -> "no text in " + language);
  }

  private static @Nullable String lines(@Nullable List<String> options) {
    return options == null || options.isEmpty() ? null : String.join("\n", options);
  }
}
