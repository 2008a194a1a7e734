package fi.osaava.labourmarket.internal.web;

import fi.osaava.labourmarket.JobAdIngestReport;
import fi.osaava.labourmarket.LabourMarketImports;
import fi.osaava.platform.ImportProgress;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The push API for job-ad sources: the same JobPosting JSON-LD as the file import, admitted only
 * with a bearer token carrying the {@code job-ads.publish} scope (declared in {@link
 * LabourMarketWebConfiguration}).
 */
@RestController
@Tag(name = "Job ads", description = "Push schema.org JobPosting ads into the labour-market data")
class JobAdsApiController {

  private final LabourMarketImports imports;

  JobAdsApiController(LabourMarketImports imports) {
    this.imports = imports;
  }

  /** What the API answers: the ingestion report. */
  @Schema(name = "JobAdIngestReport")
  record IngestJson(
      @Schema(description = "Ads read", example = "3") int read,
      @Schema(description = "New ads stored", example = "2") int added,
      @Schema(description = "Reposts of ads already stored, counted once", example = "1")
          int duplicates,
      @Schema(description = "Ads sent again unchanged", example = "0") int unchanged,
      @Schema(description = "Ads given an ESCO occupation", example = "3") int withOccupation,
      @Schema(description = "Ads placed in a municipality", example = "3") int withMunicipality,
      @Schema(description = "Time the ingestion took", example = "184") long millis) {
    static IngestJson of(JobAdIngestReport r) {
      return new IngestJson(
          r.read(),
          r.added(),
          r.duplicates(),
          r.unchanged(),
          r.withOccupation(),
          r.withMunicipality(),
          r.millis());
    }
  }

  @PostMapping(
      path = "/api/v1/job-ads",
      consumes = {
        MediaType.APPLICATION_JSON_VALUE,
        "application/ld+json",
        MediaType.APPLICATION_NDJSON_VALUE
      },
      produces = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Ingest job ads",
      description =
          "schema.org JobPosting JSON-LD: one object, a JSON array, or one object per line"
              + " (docs/job-ads-jsonld.md). All or nothing: a bad ad refuses the whole request"
              + " (400, naming its line and field) and nothing of it is stored. Idempotent by the"
              + " ads' identifier: re-sending an ad changes nothing. Reposts (near-duplicates) are"
              + " stored but counted once.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              description =
                  "JobPosting objects: a JSON array (the schema), one object, or one object per"
                      + " line as application/x-ndjson",
              content = {
                @Content(
                    mediaType = MediaType.APPLICATION_JSON_VALUE,
                    array =
                        @ArraySchema(
                            schema = @Schema(implementation = JobPostingSchema.JobPosting.class)),
                    examples = @ExampleObject(JobPostingSchema.EXAMPLE)),
                @Content(
                    mediaType = "application/ld+json",
                    array =
                        @ArraySchema(
                            schema = @Schema(implementation = JobPostingSchema.JobPosting.class)),
                    examples = @ExampleObject(JobPostingSchema.EXAMPLE))
              }),
      security = @SecurityRequirement(name = "bearer", scopes = "job-ads.publish"))
  @ApiResponse(responseCode = "200", description = "What was ingested")
  @ApiResponse(
      responseCode = "400",
      description = "An ad is invalid; the problem names its line and field; nothing was stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_PROBLEM_JSON_VALUE,
              schema = @Schema(implementation = ProblemDetail.class)))
  IngestJson ingest(HttpServletRequest request) throws IOException {
    return IngestJson.of(
        imports.ingestJobAds(request.getInputStream(), "request body", ImportProgress.silent()));
  }
}
