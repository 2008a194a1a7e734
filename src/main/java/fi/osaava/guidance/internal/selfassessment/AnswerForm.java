package fi.osaava.guidance.internal.selfassessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.util.MultiValueMap;

/**
 * The answers a form sends, checked: each field is a statement id of the version and its value a
 * whole number from 1 to 5, and every statement of the version is answered. The statements are
 * data, so the fields are not known at compile time and a form record cannot be bound; the errors
 * come out keyed by field as a {@code BindingResult}'s would.
 *
 * @param values the valid answers, in the version's order
 * @param errors by field: {@code missing}, {@code range} (not a whole number 1 to 5) or {@code
 *     unknown} (no such statement in this version)
 */
record AnswerForm(Map<String, Integer> values, Map<String, String> errors) {

  /** Request fields that are not answers. */
  private static final Set<String> NOT_ANSWERS = Set.of("_csrf");

  static AnswerForm read(
      List<SelfAssessmentCatalogue.Statement> statements, MultiValueMap<String, String> params) {
    Map<String, Integer> values = new LinkedHashMap<>();
    Map<String, String> errors = new LinkedHashMap<>();
    Set<String> known =
        statements.stream()
            .map(SelfAssessmentCatalogue.Statement::id)
            .collect(java.util.stream.Collectors.toSet());
    for (String field : params.keySet()) {
      if (!NOT_ANSWERS.contains(field) && !known.contains(field)) {
        errors.put(field, "unknown");
      }
    }
    for (SelfAssessmentCatalogue.Statement s : statements) {
      List<String> sent = params.get(s.id());
      if (sent == null || sent.isEmpty() || sent.getFirst() == null || sent.getFirst().isBlank()) {
        errors.put(s.id(), "missing");
        continue;
      }
      Integer value = value(sent);
      if (value == null) {
        errors.put(s.id(), "range");
      } else {
        values.put(s.id(), value);
      }
    }
    return new AnswerForm(values, errors);
  }

  /** The one value sent, 1 to 5; null for anything else (several values, text, out of range). */
  private static @org.jspecify.annotations.Nullable Integer value(List<String> sent) {
    if (sent.size() != 1) {
      return null;
    }
    String v = sent.getFirst().strip();
    if (v.length() != 1 || v.charAt(0) < '1' || v.charAt(0) > '5') {
      return null;
    }
    return v.charAt(0) - '0';
  }
}
