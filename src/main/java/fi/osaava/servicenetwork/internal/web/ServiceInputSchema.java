package fi.osaava.servicenetwork.internal.web;

import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.ServiceType;
import fi.osaava.servicenetwork.internal.importer.ServiceRecord.ChannelType;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.AdditionalPropertiesValue;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import java.time.DayOfWeek;
import java.util.List;
import java.util.UUID;

/**
 * The push's request body as the OpenAPI document shows it: the JSON format of {@code
 * docs/services.md}, which {@code ServiceJsonReader} reads field by field from the JSON tree (to
 * name a bad record's line and field), so no class binds it and springdoc cannot see it. These
 * records only describe that format for clients that generate code; {@code ServicePushSchemaTest}
 * holds them to what the reader accepts and refuses.
 */
final class ServiceInputSchema {

  private ServiceInputSchema() {}

  /** An example of a whole push: one service of an organisation, every field given. */
  static final String EXAMPLE =
      """
      [{"id": "ohjaamo-tampere",
        "organisation": {"businessId": "0211675-2", "name": {"fi": "Tampereen kaupunki"}},
        "generalDescription": "64c45258-fea0-440c-b67f-14fc0d6719c0",
        "name": {"fi": "Ohjaamo", "sv": "Navigatorn", "en": "One-Stop Guidance Centre"},
        "summary": {"fi": "Maksutonta ohjausta alle 30-vuotiaille."},
        "description": {"fi": "Ohjaamosta saat apua opiskeluun, työhön ja arkeen."},
        "type": "GUIDANCE",
        "lifeSituations": ["YOUNG_WITHOUT_DEGREE", "UNEMPLOYED"],
        "targetGroups": ["alle 30-vuotiaat"],
        "areas": ["municipality:837", "online"],
        "languages": ["fi", "en"],
        "cost": {"type": "FREE", "info": {"fi": "Maksuton"}},
        "channels": [
          {"type": "WEB_PAGE", "url": "https://ohjaamo.example.fi"},
          {"type": "PHONE", "phone": "+358 40 123 4567",
           "hours": [{"days": ["MONDAY", "TUESDAY"], "opens": "09:00", "closes": "16:00"}]},
          {"type": "VISITING_ADDRESS", "name": {"fi": "Ohjaamo Tampere"},
           "address": {"street": "Kelloportinkatu 1", "postalCode": "33100",
                       "municipality": "837"},
           "hours": [{"days": ["WEDNESDAY"], "opens": "12:00", "closes": "18:00"}]},
          {"type": "E_SERVICE", "url": "https://asiointi.example.fi"}]}]
      """;

  @Schema(
      name = "ServiceInput",
      description =
          "A provider's service (docs/services.md). With the organisation, id identifies it:"
              + " sending it again updates it. Unknown fields are refused.",
      additionalProperties = AdditionalPropertiesValue.FALSE)
  record ServiceInput(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "The provider's own id of the service",
              maxLength = 200,
              example = "ohjaamo-tampere")
          String id,
      @Schema(requiredMode = RequiredMode.REQUIRED) OrganisationInput organisation,
      @Schema(
              description = "The id of the national catalogue's general description it implements",
              example = "64c45258-fea0-440c-b67f-14fc0d6719c0")
          UUID generalDescription,
      @Schema(requiredMode = RequiredMode.REQUIRED, description = "At most 300 characters each")
          TextsInput name,
      @Schema(description = "At most 1,000 characters each") TextsInput summary,
      @Schema(description = "At most 20,000 characters each") TextsInput description,
      @Schema(requiredMode = RequiredMode.REQUIRED) ServiceType type,
      @ArraySchema(uniqueItems = true) List<LifeSituation> lifeSituations,
      @ArraySchema(
              arraySchema = @Schema(description = "Free texts, at most 200 characters each"),
              schema = @Schema(example = "alle 30-vuotiaat", maxLength = 200))
          List<String> targetGroups,
      @ArraySchema(
              arraySchema =
                  @Schema(
                      requiredMode = RequiredMode.REQUIRED,
                      description =
                          "Area codes that exist in the regional classification: country,"
                              + " online, region:NN, municipality:NNN"),
              minItems = 1,
              schema =
                  @Schema(
                      pattern = "^(" + ServiceViews.AREA_CODES + ")$",
                      example = "municipality:837"))
          List<String> areas,
      @ArraySchema(
              arraySchema =
                  @Schema(description = "ISO 639 codes of the languages the service is given in"),
              schema = @Schema(pattern = "^" + ServiceViews.LANGUAGE_CODES + "$", example = "fi"))
          List<String> languages,
      CostInput cost,
      List<ChannelInput> channels) {}

  @Schema(
      name = "ServiceInputTexts",
      description = "A text by language: at least one of fi, sv, en where required",
      additionalProperties = AdditionalPropertiesValue.FALSE)
  record TextsInput(
      @Schema(example = "Ohjaamo") String fi,
      @Schema(example = "Navigatorn") String sv,
      @Schema(example = "One-Stop Guidance Centre") String en) {}

  @Schema(name = "ServiceInputOrganisation", additionalProperties = AdditionalPropertiesValue.FALSE)
  record OrganisationInput(
      @Schema(
              description = "Finnish business ID with a valid check digit, where there is one",
              pattern = "^\\d{7}-\\d$",
              example = "0211675-2")
          String businessId,
      @Schema(requiredMode = RequiredMode.REQUIRED) TextsInput name) {}

  @Schema(name = "ServiceInputCost", additionalProperties = AdditionalPropertiesValue.FALSE)
  record CostInput(
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              allowableValues = {"FREE", "CHARGED", "PARTLY_CHARGED"})
          String type,
      TextsInput info) {}

  @Schema(
      name = "ServiceInputChannel",
      description =
          "WEB_PAGE and E_SERVICE need an http(s) url, PHONE a phone, VISITING_ADDRESS an address;"
              + " only a phone line or a visiting address has hours",
      additionalProperties = AdditionalPropertiesValue.FALSE)
  record ChannelInput(
      @Schema(requiredMode = RequiredMode.REQUIRED) ChannelType type,
      TextsInput name,
      @Schema(format = "uri", example = "https://ohjaamo.example.fi") String url,
      @Schema(pattern = "^\\+?[0-9][0-9 ()-]{4,29}$", example = "+358 40 123 4567") String phone,
      AddressInput address,
      List<HoursInput> hours) {}

  @Schema(name = "ServiceInputAddress", additionalProperties = AdditionalPropertiesValue.FALSE)
  record AddressInput(
      @Schema(requiredMode = RequiredMode.REQUIRED, example = "Kelloportinkatu 1") String street,
      @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^\\d{5}$", example = "33100")
          String postalCode,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              description = "Municipality code",
              pattern = "^\\d{1,3}$",
              example = "837")
          String municipality) {}

  @Schema(name = "ServiceInputHours", additionalProperties = AdditionalPropertiesValue.FALSE)
  record HoursInput(
      @ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED), minItems = 1)
          List<DayOfWeek> days,
      @Schema(requiredMode = RequiredMode.REQUIRED, pattern = "^\\d{2}:\\d{2}$", example = "09:00")
          String opens,
      @Schema(
              requiredMode = RequiredMode.REQUIRED,
              pattern = "^\\d{2}:\\d{2}$",
              description = "Later than opens",
              example = "16:00")
          String closes) {}
}
