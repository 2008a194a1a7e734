package fi.osaava.profile.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.profile.ConsentPurpose;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.Proficiency;
import fi.osaava.profile.internal.CompetenceProfile;
import fi.osaava.profile.internal.Consents;
import fi.osaava.profile.internal.DataRights;
import fi.osaava.profile.internal.EditConflictException;
import fi.osaava.profile.internal.Experience;
import fi.osaava.profile.internal.ExperienceInput;
import fi.osaava.profile.internal.ExperienceKind;
import fi.osaava.profile.internal.Interests;
import fi.osaava.profile.internal.LearnerRecords;
import fi.osaava.profile.internal.SkillEntry;
import fi.osaava.profile.internal.SuggestionEntry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The signed-in person's own profile as JSON. Every resource belongs to the person of the session;
 * an id of someone else's resource is not found (404). Edits of versioned resources need {@code
 * If-Match} with the {@code ETag} of the version they start from; a stale one gets 412 and nothing
 * is written. Writes carry the CSRF token like forms do (header {@code X-CSRF-TOKEN}).
 */
@RestController
@RequestMapping(path = "/api/v1/profile", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Profile", description = "The signed-in person's competence profile and data rights")
@ApiResponse(responseCode = "401", description = "Not signed in")
class ProfileApiController {

  private final SignedInPerson signedIn;
  private final CompetenceProfile competence;
  private final Interests interests;
  private final LearnerRecords records;
  private final Consents consents;
  private final DataRights rights;

  ProfileApiController(
      SignedInPerson signedIn,
      CompetenceProfile competence,
      Interests interests,
      LearnerRecords records,
      Consents consents,
      DataRights rights) {
    this.signedIn = signedIn;
    this.competence = competence;
    this.interests = interests;
    this.records = records;
    this.consents = consents;
    this.rights = rights;
  }

  /** An entry as the API accepts it. */
  record ExperienceJson(
      ExperienceKind kind,
      @Schema(example = "Tampereen kaupunki") String organisation,
      @Schema(example = "Ohjelmistokehittäjä") String title,
      @Schema(example = "2021-03-01") LocalDate start,
      @Schema(description = "Absent while ongoing", example = "2025-12-31") LocalDate end,
      @Schema(
              example =
                  "Kehitin verkkopalveluja Pythonilla ja Javalla, suunnittelin tietokantoja ja"
                      + " ohjasin harjoittelijoita.")
          String description,
      @Schema(
              description = "An offering of the catalogue the entry was taken from",
              example = "6f1d3c2a-9b7e-4e21-8d0f-5a4c3b2e1d0c")
          String offeringId,
      @Schema(description = "Municipality code (three digits)", example = "837")
          String municipality) {

    ExperienceInput input() {
      return new ExperienceInput(
          kind == null ? ExperienceKind.WORK : kind,
          organisation,
          title,
          start,
          end,
          description,
          offeringId,
          municipality);
    }
  }

  /** A decision on a suggestion. */
  record DecisionJson(
      @Schema(example = "http://data.europa.eu/esco/skill/43ae58b9-5e56-4524-b45a-b422777a0576")
          String skillUri,
      boolean accept) {}

  /** A self-assessment of a skill. */
  record AssessmentJson(
      Proficiency proficiency, @Schema(example = "2025-12-31") LocalDate lastUsed) {}

  /** A consent decision. */
  record ConsentJson(boolean granted) {}

  @GetMapping
  @Operation(summary = "The whole profile: entries, skills, languages, interests, credentials")
  @ApiResponse(
      responseCode = "200",
      description = "The profile",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(type = "object"),
              examples = @ExampleObject(ProfileApiExamples.PROFILE)))
  Map<String, Object> profile(Authentication auth) {
    PersonId person = signedIn.require(auth);
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("person", person.value());
    profile.put("experiences", competence.experiences(person));
    profile.put("skills", competence.skills(person));
    profile.put("languages", interests.languages(person));
    profile.put("interests", interests.liked(person));
    profile.put("personalInterests", interests.personal(person));
    profile.put("credentials", records.credentials(person));
    profile.put("consents", consents.current(person));
    return profile;
  }

  @GetMapping("/experiences")
  @Operation(summary = "Work, education, activities, positions of trust and other skills")
  List<Experience> experiences(Authentication auth) {
    return competence.experiences(signedIn.require(auth));
  }

  @PostMapping(path = "/experiences", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Adds an entry; its description is analysed for skill suggestions")
  @ApiResponse(responseCode = "201", description = "Created, with its ETag")
  ResponseEntity<Experience> addExperience(
      @RequestBody ExperienceJson body, Authentication auth, Locale locale) {
    Experience created =
        competence.addExperience(signedIn.require(auth), body.input(), Language.of(locale));
    return ResponseEntity.status(HttpStatus.CREATED)
        .eTag(etag(created.version()))
        .header(HttpHeaders.LOCATION, "/api/v1/profile/experiences/" + created.id())
        .body(created);
  }

  @GetMapping("/experiences/{id}")
  @Operation(summary = "One entry, with its ETag")
  ResponseEntity<Experience> experience(
      @Parameter(description = "The entry's id", example = ProfileApiExamples.ENTRY_ID)
          @PathVariable
          UUID id,
      Authentication auth) {
    Experience e = competence.experience(signedIn.require(auth), id);
    return ResponseEntity.ok().eTag(etag(e.version())).body(e);
  }

  @PutMapping(path = "/experiences/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Replaces an entry; needs If-Match with the ETag it was read with")
  @ApiResponse(responseCode = "200", description = "Replaced, with its new ETag")
  @ApiResponse(responseCode = "412", description = "Changed elsewhere since it was read")
  @ApiResponse(responseCode = "428", description = "If-Match missing")
  ResponseEntity<Experience> updateExperience(
      @Parameter(description = "The entry's id", example = ProfileApiExamples.ENTRY_ID)
          @PathVariable
          UUID id,
      @Parameter(description = "The ETag of the version the edit starts from")
          @RequestHeader(name = HttpHeaders.IF_MATCH, required = false)
          String ifMatch,
      @RequestBody ExperienceJson body,
      Authentication auth,
      Locale locale) {
    Experience e =
        competence.updateExperience(
            signedIn.require(auth), id, body.input(), version(ifMatch), Language.of(locale));
    return ResponseEntity.ok().eTag(etag(e.version())).body(e);
  }

  @DeleteMapping("/experiences/{id}")
  @Operation(summary = "Deletes an entry with its suggestions and the skills accepted from it")
  @ApiResponse(responseCode = "204", description = "Done")
  ResponseEntity<Void> deleteExperience(
      @Parameter(description = "The entry's id", example = ProfileApiExamples.ENTRY_ID)
          @PathVariable
          UUID id,
      Authentication auth) {
    competence.deleteExperience(signedIn.require(auth), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/experiences/{id}/suggestions")
  @Operation(summary = "Skills suggested for an entry, with the decisions taken")
  List<SuggestionEntry> suggestions(
      @Parameter(description = "The entry's id", example = ProfileApiExamples.ENTRY_ID)
          @PathVariable
          UUID id,
      Authentication auth) {
    PersonId person = signedIn.require(auth);
    competence.experience(person, id);
    return competence.suggestions(person, id);
  }

  @PostMapping(path = "/experiences/{id}/decisions", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Accepts or rejects a suggested skill; a rejected one does not come back")
  List<SuggestionEntry> decide(
      @Parameter(description = "The entry's id", example = ProfileApiExamples.ENTRY_ID)
          @PathVariable
          UUID id,
      @RequestBody DecisionJson body,
      Authentication auth) {
    PersonId person = signedIn.require(auth);
    competence.decide(person, id, body.skillUri(), body.accept());
    return competence.suggestions(person, id);
  }

  @GetMapping("/skills")
  @Operation(summary = "Skills with source, evidence, proficiency and verification")
  List<SkillEntry> skills(Authentication auth) {
    return competence.skills(signedIn.require(auth));
  }

  @PutMapping(path = "/skills/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Self-assesses a skill's level and last use; needs If-Match")
  ResponseEntity<SkillEntry> assess(
      @Parameter(description = "The skill's id", example = ProfileApiExamples.SKILL_ID)
          @PathVariable
          UUID id,
      @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
      @RequestBody AssessmentJson body,
      Authentication auth) {
    if (body.proficiency() == null) {
      throw new fi.osaava.profile.internal.ProfileInputException("proficiency", "required");
    }
    SkillEntry s =
        competence.assess(
            signedIn.require(auth), id, body.proficiency(), body.lastUsed(), version(ifMatch));
    return ResponseEntity.ok().eTag(etag(s.version())).body(s);
  }

  @DeleteMapping("/skills/{id}")
  @Operation(summary = "Removes a skill from the profile")
  @ApiResponse(responseCode = "204", description = "Done")
  ResponseEntity<Void> deleteSkill(
      @Parameter(description = "The skill's id", example = ProfileApiExamples.SKILL_ID)
          @PathVariable
          UUID id,
      Authentication auth) {
    competence.deleteSkill(signedIn.require(auth), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/credentials")
  @Operation(summary = "Imported learner records and their verification status")
  List<LearnerRecords.Credential> credentials(Authentication auth) {
    return records.credentials(signedIn.require(auth));
  }

  @PostMapping(path = "/credentials", consumes = MediaType.ALL_VALUE)
  @Operation(
      summary =
          "Imports a credential: Open Badges 3.0 JSON, a VC-JWT, or a European Learning Model"
              + " JSON-LD document")
  @ApiResponse(responseCode = "201", description = "Imported")
  ResponseEntity<LearnerRecords.Credential> importCredential(
      HttpServletRequest request, Authentication auth) throws IOException {
    byte[] body = request.getInputStream().readNBytes(LearnerRecords.MAX_BYTES + 1);
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(records.importCredential(signedIn.require(auth), "request body", body));
  }

  @DeleteMapping("/credentials/{id}")
  @Operation(summary = "Deletes a credential and the skills it verified")
  @ApiResponse(responseCode = "204", description = "Done")
  ResponseEntity<Void> deleteCredential(
      @Parameter(description = "The credential's id", example = ProfileApiExamples.CREDENTIAL_ID)
          @PathVariable
          UUID id,
      Authentication auth) {
    records.delete(signedIn.require(auth), id);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/consents")
  @Operation(summary = "Every consent decision, newest first")
  List<Consents.Decision> consents(Authentication auth) {
    return consents.history(signedIn.require(auth));
  }

  @PutMapping(path = "/consents/{purpose}", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(summary = "Grants or revokes a consent, under the current text version")
  List<Consents.Decision> decideConsent(
      @PathVariable ConsentPurpose purpose, @RequestBody ConsentJson body, Authentication auth) {
    PersonId person = signedIn.require(auth);
    consents.decide(person, purpose, body.granted());
    return consents.history(person);
  }

  @GetMapping("/export")
  @Operation(summary = "Everything Osaava holds about the person, as JSON")
  @ApiResponse(
      responseCode = "200",
      description = "The export, one section per module holding personal data",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON_VALUE,
              schema = @Schema(type = "object"),
              examples = @ExampleObject(ProfileApiExamples.EXPORT)))
  ResponseEntity<Map<String, Object>> export(Authentication auth) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"osaava-export.json\"")
        .body(rights.export(signedIn.require(auth)));
  }

  @GetMapping(path = "/europass", produces = "application/ld+json")
  @Operation(summary = "The profile as a Europass-compatible European Learning Model document")
  @ApiResponse(
      responseCode = "200",
      description = "The document",
      content =
          @Content(
              mediaType = "application/ld+json",
              schema = @Schema(type = "object"),
              examples = @ExampleObject(ProfileApiExamples.EUROPASS)))
  ResponseEntity<Map<String, Object>> europass(Authentication auth) {
    return ResponseEntity.ok()
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"osaava-europass.jsonld\"")
        .body(rights.europass(signedIn.require(auth)));
  }

  @DeleteMapping
  @Operation(summary = "Deletes the account and every personal row, and signs out")
  @ApiResponse(responseCode = "204", description = "Done")
  ResponseEntity<Void> deleteAccount(Authentication auth, HttpServletRequest request) {
    rights.deleteAccount(signedIn.require(auth));
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    SecurityContextHolder.clearContext();
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(EditConflictException.class)
  ResponseEntity<ProblemDetail> conflict(EditConflictException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_FAILED, e.getMessage());
    problem.setTitle("Edit conflict");
    return ResponseEntity.status(HttpStatus.PRECONDITION_FAILED).body(problem);
  }

  @ExceptionHandler(MissingVersionException.class)
  ResponseEntity<ProblemDetail> missingVersion(MissingVersionException e) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(HttpStatus.PRECONDITION_REQUIRED, e.getMessage());
    problem.setTitle("If-Match required");
    problem.setProperty("parameter", "If-Match");
    return ResponseEntity.status(HttpStatus.PRECONDITION_REQUIRED).body(problem);
  }

  static String etag(long version) {
    return "\"v" + version + "\"";
  }

  static long version(String ifMatch) {
    if (ifMatch == null || ifMatch.isBlank()) {
      throw new MissingVersionException();
    }
    String v = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
    if (!v.matches("v\\d{1,18}")) {
      throw new fi.osaava.profile.internal.ProfileInputException(
          "If-Match", "an ETag of this API, such as \"v3\"");
    }
    return Long.parseLong(v.substring(1));
  }

  /** An edit without If-Match: it could silently overwrite someone else's change. */
  static final class MissingVersionException extends RuntimeException {
    MissingVersionException() {
      super("Send If-Match with the ETag of the version you edited, so no change is lost");
    }
  }
}
