package fi.osaava.regionalintelligence.internal;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One company's response, reached only through its token. It holds no personal data: the background
 * is the company's industry (a TOL 2008 division), size class and municipality.
 *
 * @param answers by question id; the future-skills question keeps its text under {@code id +
 *     "/text"} (never published)
 * @param industry the TOL 2008 division, null until answered
 * @param sizeClass null until answered
 * @param municipality null until answered
 * @param submittedAt null while the response is only saved
 */
public record SurveyResponse(
    UUID id,
    UUID surveyId,
    String token,
    @Nullable String industry,
    @Nullable String sizeClass,
    @Nullable String municipality,
    String language,
    Map<String, List<String>> answers,
    @Nullable Instant submittedAt) {

  public SurveyResponse {
    answers = Map.copyOf(answers);
  }

  public List<String> answer(UUID question) {
    return answers.getOrDefault(question.toString(), List.of());
  }

  public String text(UUID question) {
    List<String> text = answers.get(question + "/text");
    return text == null || text.isEmpty() ? "" : text.getFirst();
  }

  public boolean submitted() {
    return submittedAt != null;
  }
}
