package fi.osaava.labourmarket.internal.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.util.List;

/**
 * The push's request body as the OpenAPI document shows it: schema.org JobPosting JSON-LD as {@code
 * docs/job-ads-jsonld.md} describes it. The reader takes the JSON tree field by field (to name a
 * bad ad's line and field, and to read a stream of any length), so no class binds it and springdoc
 * cannot see it. The schema gives each field's plain form; the reader also takes the richer
 * schema.org forms the document lists (a {@code PropertyValue} identifier, an array of places, a
 * {@code CategoryCode}), and other schema.org fields, which it ignores.
 */
final class JobPostingSchema {

  private JobPostingSchema() {}

  static final String EXAMPLE =
      """
      [{"@context": "https://schema.org", "@type": "JobPosting",
        "identifier": "tyomarkkinatori-123456", "title": "Ohjelmistokehittäjä",
        "description": "Haemme Java-kehittäjää kehittämään asiointipalveluja.",
        "inLanguage": "fi", "datePosted": "2026-10-01", "validThrough": "2026-10-31",
        "hiringOrganization": {"@type": "Organization", "@id": "https://example.fi/org/esimerkki",
                               "name": "Esimerkki Oy"},
        "url": "https://example.fi/tyopaikat/123456",
        "jobLocation": {"@type": "Place",
                        "address": {"@type": "PostalAddress", "addressLocality": "Tampere",
                                    "addressRegion": "Pirkanmaa"}},
        "jobLocationType": "TELECOMMUTE",
        "occupationalCategory": "2512",
        "skills": ["http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"]}]
      """;

  @Schema(
      name = "JobPosting",
      description =
          "A schema.org JobPosting (docs/job-ads-jsonld.md); other schema.org fields are accepted"
              + " and ignored")
  record JobPosting(
      @JsonProperty("@context") @Schema(example = "https://schema.org") String context,
      @JsonProperty("@type")
          @Schema(requiredMode = RequiredMode.REQUIRED, allowableValues = "JobPosting")
          String type,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description =
                  "The ad's identifier at its source (or a PropertyValue with value); the"
                      + " idempotency key",
              maxLength = 500,
              example = "tyomarkkinatori-123456")
          String identifier,
      @Schema(requiredMode = RequiredMode.REQUIRED, example = "Ohjelmistokehittäjä") String title,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "Text; HTML tags are removed",
              example = "Haemme Java-kehittäjää kehittämään asiointipalveluja.")
          String description,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "ISO 8601 date or date-time; the month the ad counts in",
              example = "2026-10-01")
          String datePosted,
      @Schema(
              description = "ISO 8601 date or date-time, not before datePosted",
              example = "2026-10-31")
          String validThrough,
      @Schema(
              description = "Without it the language is detected from the text",
              allowableValues = {"fi", "sv", "en", "no"})
          String inLanguage,
      HiringOrganization hiringOrganization,
      @Schema(
              description = "The ad's own page, absolute http(s)",
              format = "uri",
              maxLength = 2000,
              example = "https://example.fi/tyopaikat/123456")
          String url,
      Place jobLocation,
      @Schema(
              description = "TELECOMMUTE marks a remote job",
              allowableValues = {"TELECOMMUTE"})
          String jobLocationType,
      @Schema(description = "An ESCO occupation URI or a four-digit ISCO-08 code", example = "2512")
          String occupationalCategory,
      @ArraySchema(
              arraySchema =
                  @Schema(description = "ESCO skill URIs the publisher chose (or DefinedTerms)"),
              maxItems = 100,
              schema =
                  @Schema(
                      format = "uri",
                      example =
                          "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"))
          List<String> skills,
      @JsonProperty("osaava:synthetic")
          @Schema(description = "true marks a generated ad, which every page and API labels")
          Boolean synthetic) {}

  @Schema(
      name = "JobPostingOrganization",
      description = "An Organization (or its name as a string)")
  record HiringOrganization(
      @JsonProperty("@type") @Schema(allowableValues = "Organization") String type,
      @JsonProperty("@id")
          @Schema(
              description = "The organisation whose editors may edit the ad on /publish/job-ads",
              maxLength = 500,
              example = "https://example.fi/org/esimerkki")
          String id,
      @Schema(example = "Esimerkki Oy") String name) {}

  @Schema(
      name = "JobPostingPlace",
      description = "A Place (jobLocation may be an array: the first)")
  record Place(
      @JsonProperty("@type") @Schema(allowableValues = "Place") String type,
      PostalAddress address) {}

  @Schema(name = "JobPostingAddress")
  record PostalAddress(
      @JsonProperty("@type") @Schema(allowableValues = "PostalAddress") String type,
      @Schema(description = "A municipality name in fi, sv or en", example = "Tampere")
          String addressLocality,
      @Schema(description = "A region name, used without a known locality", example = "Pirkanmaa")
          String addressRegion) {}
}
