package fi.osaava.identification.internal.web;

import fi.osaava.identification.Evidence;
import fi.osaava.identification.Identification;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifiedConcept;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.identification.MatchReason;
import fi.osaava.platform.Language;
import fi.osaava.web.ClientRateLimit;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/identification}: text in, ESCO skills and occupations with evidence out. */
@RestController
@Tag(name = "Identification", description = "ESCO skills and occupations from free text")
class IdentificationController {

  static final String PATH = "/api/v1/identification";

  private final IdentificationApi identification;
  private final ClientRateLimit limiter;

  IdentificationController(IdentificationApi identification, ClientRateLimit limiter) {
    this.identification = identification;
    this.limiter = limiter;
  }

  @Schema(description = "Text to identify skills and occupations in.")
  record IdentificationRequest(
      @Schema(
              description =
                  "Finnish, Swedish, English or Norwegian text, or a mix; at most 50,000"
                      + " characters",
              example = "Vastasin projektinhallinnasta ja asiakaspalvelusta. Java, SQL.")
          String text,
      @Schema(
              description =
                  "Language of the text (fi, sv, en, no) and of the labels returned; omit to"
                      + " detect it per sentence",
              example = "fi",
              nullable = true)
          String language,
      @Schema(
              description = "At most this many skills and as many occupations (1–50)",
              example = "20")
          Integer limit) {}

  @Schema(description = "Where in the text a suggestion comes from: characters [start, end).")
  record EvidenceDto(
      @Schema(example = "52") int start,
      @Schema(example = "56") int end,
      @Schema(example = "Java") String text) {}

  @Schema(description = "A suggested ESCO skill or occupation.")
  record ConceptDto(
      @Schema(example = "http://data.europa.eu/esco/skill/19a8293b-8e95-4de3-983f-77484079c389")
          String uri,
      @Schema(
              description = "Preferred label in the text's language, else English",
              example = "Java (tietokoneohjelmointi)")
          String label,
      @Schema(description = "Language of the label", example = "fi") String labelLanguage,
      @Schema(description = "Confidence, 0–1", example = "0.93") double score,
      @Schema(
              description = "literal, morphological, semantic or related",
              allowableValues = {"literal", "morphological", "semantic", "related"})
          String reason,
      List<EvidenceDto> evidence,
      @Schema(
              description =
                  "False for a low-confidence suggestion below the threshold, shown because"
                      + " too few reached it")
          boolean confident) {}

  record IdentificationResponse(
      @Schema(description = "Language of the labels", example = "fi") String language,
      @Schema(description = "True when the text was cut to 50,000 characters") boolean truncated,
      List<ConceptDto> skills,
      List<ConceptDto> occupations) {}

  @Operation(
      summary = "Identify ESCO skills and occupations in a text",
      description =
          "Each suggestion has its label, a confidence, the evidence in the text (character"
              + " offsets) and why it was suggested. No sign-in; rate-limited per client address.",
      responses = {
        @ApiResponse(
            responseCode = "200",
            description = "Suggestions, best first",
            content = @Content(schema = @Schema(implementation = IdentificationResponse.class))),
        @ApiResponse(
            responseCode = "400",
            description = "Unknown language",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
        @ApiResponse(
            responseCode = "413",
            description = "Text longer than 50,000 characters",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class))),
        @ApiResponse(
            responseCode = "429",
            description = "Too many requests from this client; see Retry-After",
            content = @Content(schema = @Schema(implementation = ProblemDetail.class)))
      })
  @PostMapping(
      path = PATH,
      consumes = MediaType.APPLICATION_JSON_VALUE,
      produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<?> identify(
      @RequestBody IdentificationRequest request, HttpServletRequest servletRequest) {
    long wait = limiter.acquire(servletRequest.getRemoteAddr());
    if (wait > 0) {
      return problem(
          HttpStatus.TOO_MANY_REQUESTS,
          "Too many requests",
          "This client sent too many identification requests; try again in " + wait + " s.",
          wait);
    }
    String text = request == null || request.text() == null ? "" : request.text();
    if (text.length() > IdentificationApi.MAX_TEXT_LENGTH) {
      return problem(
          HttpStatus.CONTENT_TOO_LARGE,
          "Text too long",
          "The text has "
              + text.length()
              + " characters; at most "
              + IdentificationApi.MAX_TEXT_LENGTH
              + " are read. Send a shorter text or split it.",
          0);
    }
    Language language = null;
    if (request != null && request.language() != null && !request.language().isBlank()) {
      language = Language.fromCode(request.language()).orElse(null);
      if (language == null) {
        return problem(
            HttpStatus.BAD_REQUEST,
            "Unknown language",
            "Unknown language '" + request.language() + "': use fi, sv, en or no, or omit it.",
            0);
      }
    }
    int limit =
        request == null || request.limit() == null ? 20 : Math.clamp(request.limit(), 1, 50);
    Identification result =
        identification.identify(text, language, IdentifyOptions.defaults().withLimit(limit));
    Language labels = language != null ? language : dominant(result);
    return ResponseEntity.ok(
        new IdentificationResponse(
            labels.code(),
            result.truncated(),
            concepts(result.skills()),
            concepts(result.occupations())));
  }

  private static Language dominant(Identification result) {
    int[] chars = new int[Language.values().length];
    for (Identification.Sentence s : result.sentences()) {
      chars[s.language().ordinal()] += s.end() - s.start();
    }
    int best = Language.EN.ordinal();
    for (int i = 0; i < chars.length; i++) {
      if (chars[i] > chars[best]) {
        best = i;
      }
    }
    return Language.values()[best];
  }

  static List<ConceptDto> concepts(List<IdentifiedConcept> concepts) {
    return concepts.stream()
        .map(
            c ->
                new ConceptDto(
                    c.uri().value(),
                    c.label().text(),
                    c.label().language().code(),
                    c.score(),
                    reason(c.reason()),
                    c.evidence().stream().map(IdentificationController::evidence).toList(),
                    c.confident()))
        .toList();
  }

  private static EvidenceDto evidence(Evidence e) {
    return new EvidenceDto(e.start(), e.end(), e.text());
  }

  private static String reason(MatchReason reason) {
    return reason.name().toLowerCase(Locale.ROOT);
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, String title, String detail, long retryAfter) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    problem.setInstance(URI.create(PATH));
    ResponseEntity.BodyBuilder response =
        ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    if (retryAfter > 0) {
      response.header(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
    }
    return response.body(problem);
  }
}
