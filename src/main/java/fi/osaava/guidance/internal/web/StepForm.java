package fi.osaava.guidance.internal.web;

import fi.osaava.guidance.internal.Plans.StepKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** A step a counsellor proposes: an offering, a service or a task (a task needs a due date). */
record StepForm(
    @NotNull StepKind kind,
    @NotBlank @Size(max = 200) String title,
    @Size(max = 2000) String detail,
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate due) {

  static StepForm empty() {
    return new StepForm(StepKind.TASK, "", "", null);
  }
}
