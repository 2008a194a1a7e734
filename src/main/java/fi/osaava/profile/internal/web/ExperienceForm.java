package fi.osaava.profile.internal.web;

import fi.osaava.profile.internal.Experience;
import fi.osaava.profile.internal.ExperienceInput;
import fi.osaava.profile.internal.ExperienceKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.validation.BindingResult;

/**
 * The profile page's form of an experience entry, bound by Spring MVC: the dates as the browser's
 * date field sends them ({@code YYYY-MM-DD}), the kind by its name. The bounds repeat {@link
 * ExperienceInput}'s, so the page names every problem at once; the entry's own rules still decide.
 *
 * @param version the version the edit started from (the hidden field); null on a new entry
 */
record ExperienceForm(
    @NotNull @Nullable ExperienceKind kind,
    @Size(max = 300) @Nullable String organisation,
    @NotBlank @Size(max = 300) @Nullable String title,
    @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate start,
    @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate end,
    @Size(max = ExperienceInput.MAX_DESCRIPTION) @Nullable String description,
    // Empty is the form's "not given" choice; a code is three digits.
    @Pattern(regexp = "([0-9]{3})?") @Nullable String municipality,
    @Nullable Long version) {

  /** The form's fields in page order: the error summary lists problems in this order. */
  static final List<String> FIELDS =
      List.of("kind", "title", "organisation", "municipality", "start", "end", "description");

  static ExperienceForm of(Experience e) {
    return new ExperienceForm(
        e.kind(),
        e.organisation(),
        e.title(),
        e.start(),
        e.end(),
        e.description(),
        e.municipalityCode(),
        e.version());
  }

  /**
   * The form as typed after binding refused a value (a date that is no date, an unknown kind), when
   * Spring leaves every field of the form empty: the values that did convert, and null for a
   * refused one.
   */
  static ExperienceForm asTyped(BindingResult binding) {
    return new ExperienceForm(
        typed(binding, "kind", ExperienceKind.class, ExperienceKind::valueOf),
        text(binding, "organisation"),
        text(binding, "title"),
        typed(binding, "start", LocalDate.class, LocalDate::parse),
        typed(binding, "end", LocalDate.class, LocalDate::parse),
        text(binding, "description"),
        text(binding, "municipality"),
        typed(binding, "version", Long.class, Long::valueOf));
  }

  private static @Nullable String text(BindingResult binding, String field) {
    Object value = binding.getFieldValue(field);
    return value == null ? null : value.toString();
  }

  /**
   * A field that did convert, as its type: the binding result holds it as converted or as its text
   * (which then parses, since it converted), and a refused one as null.
   */
  private static <T> @Nullable T typed(
      BindingResult binding, String field, Class<T> type, Function<String, T> parse) {
    Object value = binding.hasFieldErrors(field) ? null : binding.getFieldValue(field);
    if (type.isInstance(value)) {
      return type.cast(value);
    }
    return value == null || value.toString().isBlank() ? null : parse.apply(value.toString());
  }

  /** The same form, carrying {@code version} (the current one, after a conflict). */
  ExperienceForm withVersion(long version) {
    return new ExperienceForm(
        kind, organisation, title, start, end, description, municipality, version);
  }

  ExperienceInput input() {
    // Bound forms may leave any field null; ExperienceInput refuses a missing kind or title and
    // reads the other missing texts as empty, as it did when handed the nulls.
    return new ExperienceInput(
        Objects.requireNonNull(kind, "kind"),
        Objects.requireNonNullElse(organisation, ""),
        Objects.requireNonNullElse(title, ""),
        start,
        end,
        Objects.requireNonNullElse(description, ""),
        null,
        municipality == null || municipality.isBlank() ? null : municipality);
  }
}
