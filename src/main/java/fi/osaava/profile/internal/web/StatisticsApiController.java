package fi.osaava.profile.internal.web;

import fi.osaava.profile.internal.ConsentGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Anonymised figures over the profiles whose owners allow it, read through the {@link ConsentGate}:
 * how many people have each skill, and how people judged the engine's suggestions. Groups of fewer
 * than {@link ConsentGate#MIN_GROUP} people are left out.
 */
@RestController
@Validated
@RequestMapping(path = "/api/v1/statistics", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Profile statistics", description = "Anonymised figures from consenting profiles")
class StatisticsApiController {

  private final ConsentGate gate;

  StatisticsApiController(ConsentGate gate) {
    this.gate = gate;
  }

  @GetMapping("/profile-skills")
  @Operation(summary = "Skills and how many consenting people have each (groups under 5 hidden)")
  List<ConsentGate.SkillCount> skills(
      @Parameter(description = "At most this many skills, 1–1000")
          @RequestParam(defaultValue = "100")
          @Min(1)
          @Max(1000)
          int limit) {
    return gate.skillStatistics(limit);
  }

  @GetMapping("/suggestion-feedback")
  @Operation(
      summary =
          "Accepted and rejected counts per suggested skill, from people who allow their"
              + " decisions to improve the engine")
  List<ConsentGate.SuggestionFeedback> feedback(
      @Parameter(description = "At most this many skills, 1–1000")
          @RequestParam(defaultValue = "100")
          @Min(1)
          @Max(1000)
          int limit) {
    return gate.suggestionFeedback(limit);
  }
}
