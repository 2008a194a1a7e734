package fi.osaava.recommendations.internal.web;

import fi.osaava.opportunities.GoalOutlook;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.recommendations.internal.PersonalRecommendations;
import fi.osaava.recommendations.internal.PersonalRecommendations.Result;
import fi.osaava.web.NationalLanguageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in person's combined recommendations as JSON, the same list as their page. */
@RestController
@Tag(
    name = "Recommendations",
    description = "Services, education and occupations for the signed-in person, explained")
@ApiResponse(responseCode = "401", description = "Not signed in")
class RecommendationsApiController {

  // For the OpenAPI document: the occupation as the API answered it for a person whose profile
  // holds ESCO's database skill, with a service for their chosen situation and municipality.
  private static final String EXAMPLE =
      """
      {"situation": "CHANGING_CAREER", "municipality": "837", "goal": null, "profileSkills": 1,
       "items": [
         {"kind": "SERVICE", "tier": 1, "id": "5b0f6d3e-8c1a-4f7e-9a52-1d2c3b4a5e6f",
          "title": "Ohjaamo", "page": "/services/5b0f6d3e-8c1a-4f7e-9a52-1d2c3b4a5e6f",
          "synthetic": false, "generalDescription": false,
          "reasons": [{"code": "svc.why.situation", "text": "Palvelee tilannettasi: Alanvaihtaja"},
                      {"code": "svc.why.municipality", "text": "Annetaan kunnassa Tampere"}]},
         {"kind": "OCCUPATION", "tier": 2, "id": "7086d0ca-1e77-4690-89c9-7ed1a0478fa3",
          "title": "IT-laadunvarmistuksen asiantuntija",
          "page": "/opportunities/goals/7086d0ca-1e77-4690-89c9-7ed1a0478fa3",
          "synthetic": false, "generalDescription": false,
          "reasons": [{"code": "rec.why.matched", "text": "Osaamisesi, joita se vaatii: tietokanta"}]}]}
      """;

  /**
   * The answer.
   *
   * @param situation the life situation the person chose on their page, or null until they do
   * @param municipality its municipality code, or null for anywhere
   * @param goal the goal of the person's newest learning plan, or null
   * @param items best first, by the rule of docs/services.md
   */
  record RecommendationsJson(
      @Nullable String situation,
      @Nullable String municipality,
      @Nullable GoalJson goal,
      int profileSkills,
      List<ItemJson> items) {}

  /** The goal and the skills the person lacks for it. */
  record GoalJson(String id, String title, List<String> missingSkills) {}

  /**
   * One recommendation.
   *
   * @param kind SERVICE, OFFERING or OCCUPATION
   * @param tier 1 to 3, the rule's tier
   * @param page the page on Osaava, a path
   */
  record ItemJson(
      String kind,
      int tier,
      String id,
      String title,
      String page,
      boolean synthetic,
      boolean generalDescription,
      List<ReasonJson> reasons) {}

  /** Why an item is shown: a stable code and the text in the asked language. */
  record ReasonJson(String code, String text) {}

  private final ProfileApi profile;
  private final PersonalRecommendations recommendations;

  RecommendationsApiController(ProfileApi profile, PersonalRecommendations recommendations) {
    this.profile = profile;
    this.recommendations = recommendations;
  }

  @GetMapping(path = "/api/v1/recommendations", produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "The signed-in person's recommendations",
      description =
          "Services for the life situation and municipality the person chose on"
              + " /recommendations, education offerings that teach what their goal (their newest"
              + " learning plan's) needs and they lack, and occupations their profile's skills"
              + " match, in one list ranked by the rule of docs/services.md, each with the reasons"
              + " it is shown. Example: GET /api/v1/recommendations?lang=en with the session"
              + " cookie of a signed-in person.")
  @ApiResponse(
      responseCode = "200",
      description = "The recommendations, best first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(implementation = RecommendationsJson.class),
              examples = @ExampleObject(EXAMPLE)))
  RecommendationsJson recommendations(
      @Valid NationalLanguageQuery lang, Locale locale, Authentication auth) {
    PersonId person =
        profile.currentPerson(auth).orElseThrow(() -> new NotFoundException("No person"));
    Result result = recommendations.recommend(person, lang.or(locale));
    GoalOutlook.Gap gap = result.gap();
    return new RecommendationsJson(
        result.preference() == null ? null : result.preference().situation().name(),
        result.preference() == null ? null : result.preference().municipalityCode(),
        gap == null
            ? null
            : new GoalJson(
                gap.goalId(),
                gap.goalTitle(),
                gap.missing().stream().map(s -> s.label().text()).toList()),
        result.skills(),
        result.items().stream()
            .map(
                i ->
                    new ItemJson(
                        i.kind().name(),
                        i.tier(),
                        i.id(),
                        i.title(),
                        i.href(),
                        i.synthetic(),
                        i.general(),
                        i.reasons().stream().map(w -> new ReasonJson(w.key(), w.text())).toList()))
            .toList());
  }
}
