package fi.osaava.regionalintelligence.internal;

import fi.osaava.platform.Language;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A competence-needs survey as stored. A survey is a draft while its owner builds it, open while
 * companies answer and closed after; only a draft's questions change, so a survey with answers is
 * never changed, only copied into a new version.
 *
 * @param published the aggregates as published (JSON), null until the owner publishes
 * @param closesOn the last day answers are taken (until its end in Helsinki time), null while the
 *     survey stays open until its owner closes it
 */
public record Survey(
    UUID id,
    String organisation,
    int version,
    @Nullable UUID copiedFrom,
    Map<Language, String> titles,
    Status status,
    @Nullable String openToken,
    @Nullable Instant publishedAt,
    @Nullable String published,
    @Nullable LocalDate closesOn,
    List<Question> questions) {

  /** The survey's life: built, answered, closed. */
  public enum Status {
    DRAFT,
    OPEN,
    CLOSED
  }

  /** The languages every survey text is written in. */
  public static final List<Language> LANGUAGES = List.of(Language.FI, Language.SV, Language.EN);

  public Survey {
    titles = Map.copyOf(titles);
    questions = List.copyOf(questions);
  }

  public String title(Language language) {
    return text(titles, language);
  }

  public boolean draft() {
    return status == Status.DRAFT;
  }

  /** The time zone of closing dates: the regional programmes are Finnish. */
  public static final ZoneId HELSINKI = ZoneId.of("Europe/Helsinki");

  /** The moment answering ends: the end of the closing date in Helsinki; null without one. */
  public @Nullable Instant closesAt() {
    return closesOn == null ? null : closesOn.plusDays(1).atStartOfDay(HELSINKI).toInstant();
  }

  /**
   * Whether the survey takes answers at {@code now}: open, and not past its closing date. The job
   * that closes a survey at its date runs hourly, so answering checks the date itself.
   */
  public boolean answering(Instant now) {
    Instant closesAt = closesAt();
    return status == Status.OPEN && (closesAt == null || now.isBefore(closesAt));
  }

  /**
   * The status as every page shows it at {@code now}: an open survey past its closing date is
   * closed at once, though the hourly job that closes it in the database (deleting its contacts,
   * withdrawing its waiting mails) may not have run yet.
   */
  public Status state(Instant now) {
    return status == Status.OPEN && !answering(now) ? Status.CLOSED : status;
  }

  /** Whether a draft's closing date has passed at {@code now}: it is not opened so. */
  public boolean pastClosingDate(Instant now) {
    Instant closesAt = closesAt();
    return closesAt != null && !now.isBefore(closesAt);
  }

  /**
   * A question. Choice options are given in each language, as many in each.
   *
   * @param position 0-based order in the survey
   */
  public record Question(
      UUID id,
      int position,
      QuestionKind kind,
      Map<Language, String> texts,
      Map<Language, List<String>> options) {

    public Question {
      texts = Map.copyOf(texts);
      options = Map.copyOf(options);
    }

    public String text(Language language) {
      return Survey.text(texts, language);
    }

    /** The options in {@code language}: the choices, or the scale's points 1 to 5. */
    public List<String> options(Language language) {
      if (kind == QuestionKind.SCALE) {
        return List.of("1", "2", "3", "4", "5");
      }
      List<String> wanted = options.get(language);
      return wanted != null ? wanted : options.getOrDefault(Language.FI, List.of());
    }

    public int optionCount() {
      return options(Language.FI).size();
    }
  }

  /** The text in {@code language}; Norwegian readers get the English text. */
  static String text(Map<Language, String> texts, Language language) {
    String wanted = texts.get(language);
    if (wanted != null) {
      return wanted;
    }
    String english = texts.get(Language.EN);
    return english != null ? english : texts.getOrDefault(Language.FI, "");
  }
}
