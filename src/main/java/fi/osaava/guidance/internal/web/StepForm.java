package fi.osaava.guidance.internal.web;

import fi.osaava.guidance.internal.Plans.StepKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A step a counsellor proposes: an offering, a service, a task or a meeting (a task and a meeting
 * need a day). The day is kept as typed, so that a date that is no date (31.2.2027) is answered
 * beside the field with what was typed still in it, rather than lost in binding.
 */
record StepForm(
    @NotNull StepKind kind,
    @NotBlank @Size(max = 200) String title,
    @Size(max = 2000) String detail,
    @Size(max = 30) @Nullable String due) {

  /**
   * The forms a day may come in: ISO, which a date field sends, and the Finnish day.month.year,
   * which a person types where the browser shows a plain text field. Strict, so that February has
   * no 31st.
   */
  private static final List<DateTimeFormatter> DAY_FORMATS =
      List.of(
          DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT),
          DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT));

  static StepForm empty() {
    return new StepForm(StepKind.TASK, "", "", null);
  }

  /** Whether a day was given at all. */
  boolean hasDue() {
    return due != null && !due.isBlank();
  }

  /** The day, when one was given and it is a real date. */
  Optional<LocalDate> dueDate() {
    String text = due == null ? "" : due.strip();
    if (text.isEmpty()) {
      return Optional.empty();
    }
    for (DateTimeFormatter format : DAY_FORMATS) {
      try {
        return Optional.of(LocalDate.parse(text, format));
      } catch (DateTimeParseException e) {
        // Not in this form; the next may read it.
      }
    }
    return Optional.empty();
  }
}
