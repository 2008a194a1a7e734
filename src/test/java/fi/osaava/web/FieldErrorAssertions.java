package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a form page shows an error of one field, GOV.UK style, checked alike on every form: the error
 * summary links to the field, and the message stands beside the field, which names it in {@code
 * aria-describedby} so a screen reader reads it with the field.
 */
public final class FieldErrorAssertions {

  private FieldErrorAssertions() {}

  /** {@code page} shows an error of {@code field} in the summary and beside the field. */
  public static void assertFieldError(String page, String field) {
    assertThat(page)
        .as(field + ": in the summary, linked to the field")
        .contains("govuk-error-summary")
        .contains("href=\"#" + field + "\"");
    assertThat(page)
        .as(field + ": beside the field")
        .contains("id=\"" + field + "-error\"")
        .containsPattern("id=\"" + field + "\"[^>]*aria-describedby=\"[^\"]*" + field + "-error");
  }
}
