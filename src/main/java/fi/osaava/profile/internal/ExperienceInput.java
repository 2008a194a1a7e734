package fi.osaava.profile.internal;

import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** What a person types for an entry; validated here so pages and the API refuse the same way. */
public record ExperienceInput(
    ExperienceKind kind,
    String organisation,
    String title,
    @Nullable LocalDate start,
    @Nullable LocalDate end,
    String description,
    @Nullable String offeringId,
    @Nullable String municipalityCode) {

  public static final int MAX_DESCRIPTION = 10_000;

  public ExperienceInput {
    Objects.requireNonNull(kind, "kind");
    organisation = organisation == null ? "" : organisation.strip();
    title = title == null ? "" : title.strip();
    description = description == null ? "" : description.strip();
    offeringId = offeringId == null || offeringId.isBlank() ? null : offeringId.strip();
    municipalityCode =
        municipalityCode == null || municipalityCode.isBlank() ? null : municipalityCode.strip();
    if (municipalityCode != null && !municipalityCode.matches("[0-9]{3}")) {
      throw new ProfileInputException("municipality", "a municipality's three-digit code");
    }
    if (title.isEmpty()) {
      throw new ProfileInputException("title", "must not be empty");
    }
    if (title.length() > 300 || organisation.length() > 300) {
      throw new ProfileInputException("title", "at most 300 characters");
    }
    if (description.length() > MAX_DESCRIPTION) {
      throw new ProfileInputException("description", "at most " + MAX_DESCRIPTION + " characters");
    }
    if (start != null && end != null && end.isBefore(start)) {
      throw new ProfileInputException("end", "must not be before start");
    }
  }
}
