package fi.osaava.regionalintelligence.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.internal.QuestionKind;
import fi.osaava.regionalintelligence.internal.SurveyMailings.AutoReminders;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The survey owners' forms. */
final class SurveyForms {

  private SurveyForms() {}

  /** A new survey's title in the three languages. */
  record SurveyForm(
      @NotBlank @Size(max = 300) String titleFi,
      @NotBlank @Size(max = 300) String titleSv,
      @NotBlank @Size(max = 300) String titleEn) {

    static final List<String> FIELDS = List.of("titleFi", "titleSv", "titleEn");

    static SurveyForm empty() {
      return new SurveyForm("", "", "");
    }

    Map<Language, String> titles() {
      Map<Language, String> titles = new EnumMap<>(Language.class);
      titles.put(Language.FI, titleFi.strip());
      titles.put(Language.SV, titleSv.strip());
      titles.put(Language.EN, titleEn.strip());
      return titles;
    }
  }

  /**
   * A question: its kind, its text in the three languages and, for choices, the options one per
   * line, as many lines in each language.
   */
  record QuestionForm(
      @NotNull QuestionKind kind,
      @NotBlank @Size(max = 1000) String textFi,
      @NotBlank @Size(max = 1000) String textSv,
      @NotBlank @Size(max = 1000) String textEn,
      @Size(max = 5000) @Nullable String optionsFi,
      @Size(max = 5000) @Nullable String optionsSv,
      @Size(max = 5000) @Nullable String optionsEn) {

    static final List<String> FIELDS =
        List.of("kind", "textFi", "textSv", "textEn", "optionsFi", "optionsSv", "optionsEn");

    /** The most options a choice question may have. */
    static final int MAX_OPTIONS = 20;

    static QuestionForm empty() {
      return new QuestionForm(QuestionKind.SCALE, "", "", "", "", "", "");
    }

    Map<Language, String> texts() {
      Map<Language, String> texts = new EnumMap<>(Language.class);
      texts.put(Language.FI, textFi.strip());
      texts.put(Language.SV, textSv.strip());
      texts.put(Language.EN, textEn.strip());
      return texts;
    }

    static List<String> lines(@Nullable String text) {
      return text == null
          ? List.of()
          : Arrays.stream(text.split("\\R")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    Map<Language, List<String>> options() {
      Map<Language, List<String>> options = new EnumMap<>(Language.class);
      if (kind != null && kind.hasOptions()) {
        options.put(Language.FI, lines(optionsFi));
        options.put(Language.SV, lines(optionsSv));
        options.put(Language.EN, lines(optionsEn));
      }
      return options;
    }
  }

  /** Companies to invite, one per line: the name, and after a semicolon an optional e-mail. */
  record InvitationForm(@NotBlank @Size(max = 50_000) String companies) {

    static final int MAX_COMPANIES = 500;
  }

  /**
   * The closing date as GOV.UK's date input asks it: day, month and year, each a whole number. All
   * three empty removes the date.
   */
  record ClosingForm(
      @Nullable @Min(1) @Max(31) Integer closesDay,
      @Nullable @Min(1) @Max(12) Integer closesMonth,
      @Nullable @Min(2000) @Max(9999) Integer closesYear) {

    /** The one field its errors are named by (the day's input, which the summary links to). */
    static final String FIELD = "closesOn";

    static ClosingForm of(@Nullable LocalDate date) {
      return date == null
          ? new ClosingForm(null, null, null)
          : new ClosingForm(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    boolean blank() {
      return closesDay == null && closesMonth == null && closesYear == null;
    }

    /** The date, empty when a part is missing or the parts make no date (31 February). */
    Optional<LocalDate> date() {
      if (closesDay == null || closesMonth == null || closesYear == null) {
        return Optional.empty();
      }
      try {
        return Optional.of(LocalDate.of(closesYear, closesMonth, closesDay));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
  }

  /**
   * The automatic reminders: on (the checkbox) or off, the least days between two mails to one
   * company and the most reminders one company gets in all; both are needed when on.
   */
  record AutoReminderForm(
      @Nullable Boolean automatic,
      @Nullable @Min(1) @Max(AutoReminders.MAX_DAYS) Integer autoDays,
      @Nullable @Min(1) @Max(AutoReminders.MAX_REMINDERS) Integer autoMost) {

    static final List<String> FIELDS = List.of("automatic", "autoDays", "autoMost");

    /** The form as the survey's schedule fills it: off, with the page's interval and two. */
    static AutoReminderForm of(java.util.Optional<AutoReminders> schedule, int defaultDays) {
      return schedule
          .map(a -> new AutoReminderForm(true, a.days(), a.most()))
          .orElse(new AutoReminderForm(false, defaultDays, 2));
    }

    public boolean on() {
      return Boolean.TRUE.equals(automatic);
    }
  }
}
