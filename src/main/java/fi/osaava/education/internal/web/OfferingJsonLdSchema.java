package fi.osaava.education.internal.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import fi.osaava.education.EducationLevel;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.math.BigDecimal;
import java.util.List;

/**
 * The push's request body as the OpenAPI document shows it: schema.org Course and
 * EducationalOccupationalProgram JSON-LD as {@code docs/education-jsonld.md} describes it. The
 * reader takes the JSON tree node by node (to name a bad record's line and field), so no class
 * binds it and springdoc cannot see it. The schema gives each field's plain form: texts as {@code
 * {"fi": …, "sv": …, "en": …}}, ids as strings. The reader also takes the other forms that document
 * lists ({@code @language}/{@code @value} objects, one node or {@code @graph} instead of the array,
 * {@code identifier} for {@code @id}).
 */
final class OfferingJsonLdSchema {

  private OfferingJsonLdSchema() {}

  static final String EXAMPLE =
      """
      [{"@context": "https://schema.org", "@type": "Course",
        "@id": "https://courses.example.fi/data-analytics-101",
        "name": {"en": "Data analytics basics", "fi": "Data-analytiikan perusteet"},
        "description": {"en": "Learn to clean, analyse and visualise data."},
        "alternateName": {"en": "DA101"},
        "inLanguage": "en", "educationalLevel": "MOOC", "educationalFieldCode": "06",
        "eqfLevel": 5, "numberOfCredits": 5, "timeRequired": "P3M",
        "teaches": ["http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"],
        "competencyRequired": [{"en": "analyse data with spreadsheets"}],
        "url": "https://courses.example.fi/data-analytics-101",
        "provider": {"@type": "Organization", "@id": "https://example.fi",
                     "name": "Example Academy"},
        "hasCourseInstance": [
          {"@type": "CourseInstance",
           "@id": "https://courses.example.fi/data-analytics-101/2027-spring",
           "courseMode": "online", "inLanguage": ["en", "fi"],
           "startDate": "2027-01-15", "endDate": "2027-04-15", "courseSchedule": "self-paced",
           "location": {"address": {"addressLocality": "Tampere"}},
           "offers": {"price": 0, "priceCurrency": "EUR", "validFrom": "2026-11-01",
                      "validThrough": "2027-01-10T23:59:00+02:00"},
           "url": "https://courses.example.fi/data-analytics-101/2027-spring"}]}]
      """;

  @Schema(
      name = "OfferingJsonLd",
      description =
          "A schema.org Course or EducationalOccupationalProgram (docs/education-jsonld.md)")
  record Offering(
      @JsonProperty("@context") @Schema(example = "https://schema.org") String context,
      @JsonProperty("@type")
          @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "Course (default level SHORT_COURSE) or a programme (DEGREE)",
              allowableValues = {"Course", "EducationalOccupationalProgram"})
          String type,
      @JsonProperty("@id")
          @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "The provider's stable id of the offering; the upsert key",
              maxLength = 500,
              example = "https://courses.example.fi/data-analytics-101")
          String id,
      @Schema(requiredMode = RequiredMode.REQUIRED) Texts name,
      Texts description,
      Texts alternateName,
      @Schema(
              description = "Default language of texts given as plain strings",
              allowableValues = {"fi", "sv", "en"})
          String inLanguage,
      EducationLevel educationalLevel,
      @Schema(
              description = "Broad field of education, two digits (national classification 2016)",
              pattern = "^\\d{2}$",
              example = "06")
          String educationalFieldCode,
      @Schema(minimum = "1", maximum = "8", example = "5") Integer eqfLevel,
      @Schema(
              description = "ECTS credits (or {\"value\", \"unitText\": \"competence points\"})",
              minimum = "0",
              example = "5")
          BigDecimal numberOfCredits,
      @Schema(description = "ISO 8601 period", example = "P3M") String timeRequired,
      @ArraySchema(
              arraySchema = @Schema(description = "ESCO skill URIs, stored as the provider's"),
              schema =
                  @Schema(
                      format = "uri",
                      example =
                          "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d"))
          List<String> teaches,
      @ArraySchema(arraySchema = @Schema(description = "Learning outcomes"))
          List<Texts> competencyRequired,
      @Schema(
              description = "Absolute http(s) address",
              format = "uri",
              example = "https://courses.example.fi/data-analytics-101")
          String url,
      Provider provider,
      List<CourseInstance> hasCourseInstance) {}

  @Schema(
      name = "OfferingJsonLdTexts",
      description = "A text by language (or a string in inLanguage, or @language/@value objects)")
  record Texts(
      @Schema(example = "Data-analytiikan perusteet") String fi,
      @Schema(example = "Grunderna i dataanalys") String sv,
      @Schema(example = "Data analytics basics") String en) {}

  @Schema(name = "OfferingJsonLdProvider")
  record Provider(
      @JsonProperty("@type") @Schema(allowableValues = "Organization") String type,
      @JsonProperty("@id") @Schema(example = "https://example.fi") String id,
      @Schema(example = "Example Academy") String name) {}

  @Schema(name = "OfferingJsonLdInstance", description = "An implementation: a CourseInstance")
  record CourseInstance(
      @JsonProperty("@type") @Schema(allowableValues = "CourseInstance") String type,
      @JsonProperty("@id")
          @Schema(example = "https://courses.example.fi/data-analytics-101/2027-spring")
          String id,
      Texts name,
      @Schema(allowableValues = {"online", "onsite", "blended"}) String courseMode,
      @ArraySchema(
              arraySchema = @Schema(description = "Teaching languages"),
              schema = @Schema(example = "fi"))
          List<String> inLanguage,
      @Schema(format = "date", example = "2027-01-15") String startDate,
      @Schema(format = "date", description = "Not before startDate", example = "2027-04-15")
          String endDate,
      @Schema(example = "self-paced") String courseSchedule,
      InstanceLocation location,
      Offer offers,
      Boolean isAccessibleForFree,
      @Schema(format = "uri", example = "https://courses.example.fi/data-analytics-101/2027-spring")
          String url) {}

  @Schema(name = "OfferingJsonLdLocation")
  record InstanceLocation(InstanceAddress address) {}

  @Schema(name = "OfferingJsonLdAddress")
  record InstanceAddress(
      @Schema(
              description =
                  "A Finnish municipality name in fi, sv or en; an unknown one is refused",
              example = "Tampere")
          String addressLocality) {}

  @Schema(name = "OfferingJsonLdOffer", description = "Price and application period")
  record Offer(
      @Schema(description = "0 = free; negative is refused", minimum = "0", example = "0")
          BigDecimal price,
      @Schema(example = "EUR") String priceCurrency,
      @Schema(
              description = "Application opens (a date: midnight in Helsinki)",
              example = "2026-11-01")
          String validFrom,
      @Schema(description = "Application closes", example = "2027-01-10T23:59:00+02:00")
          String validThrough) {}
}
