package fi.osaava.education.internal.web;

import fi.osaava.education.EducationLevel;
import fi.osaava.web.PublishingForms;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The editor pages' offering form. It holds text as typed, and is checked by turning it into the
 * same schema.org JSON-LD that the push API takes ({@link #toJsonLd}) and publishing that: the
 * push's reader is the one rule for both, and its field names map back to the form's ({@link
 * #formField}). Bean Validation only bounds the lengths.
 *
 * @param extentUnit {@code credits} or {@code competence points}
 * @param mode {@code onsite}, {@code online} or {@code blended}, as in {@code courseMode}
 * @param municipality a municipality code (three digits), or blank
 * @param skills ESCO skill URIs typed by hand, separated by white space (the way without script)
 * @param chosenSkills ESCO skill URIs ticked among the chosen skills and the skill search's options
 */
record OfferingForm(
    @Size(max = 500) @Nullable String nameFi,
    @Size(max = 500) @Nullable String nameSv,
    @Size(max = 500) @Nullable String nameEn,
    @Size(max = 20_000) @Nullable String descriptionFi,
    @Size(max = 20_000) @Nullable String descriptionSv,
    @Size(max = 20_000) @Nullable String descriptionEn,
    @Size(max = 300) @Nullable String provider,
    @Size(max = 40) @Nullable String level,
    @Size(max = 40) @Nullable String extent,
    @Size(max = 40) @Nullable String extentUnit,
    @Size(max = 20) @Nullable String mode,
    @Size(max = 3) @Nullable List<@Size(max = 5) @Nullable String> languages,
    @Size(max = 40) @Nullable String cost,
    @Size(max = 40) @Nullable String startDate,
    @Size(max = 40) @Nullable String endDate,
    @Size(max = 2000) @Nullable String url,
    @Size(max = 10) @Nullable String municipality,
    @Size(max = 20_000) @Nullable String skills,
    @Size(max = 100) @Nullable List<@Size(max = 200) @Nullable String> chosenSkills) {

  /** The form's fields in page order: the error summary lists problems in this order. */
  static final List<String> FIELDS =
      List.of(
          "nameFi",
          "nameSv",
          "nameEn",
          "descriptionFi",
          "descriptionSv",
          "descriptionEn",
          "provider",
          "level",
          "extent",
          "extentUnit",
          "mode",
          "languages",
          "cost",
          "startDate",
          "endDate",
          "url",
          "municipality",
          "skills");

  /** Which form field a field named by the JSON-LD reader comes from. */
  private static final Map<String, String> FROM_JSON_LD =
      Map.ofEntries(
          Map.entry("name", "nameFi"),
          Map.entry("description", "descriptionFi"),
          Map.entry("provider.name", "provider"),
          Map.entry("educationalLevel", "level"),
          Map.entry("numberOfCredits", "extent"),
          Map.entry("numberOfCredits.unitText", "extentUnit"),
          Map.entry("hasCourseInstance.courseMode", "mode"),
          Map.entry("hasCourseInstance.inLanguage", "languages"),
          Map.entry("hasCourseInstance.offers.price", "cost"),
          Map.entry("hasCourseInstance.startDate", "startDate"),
          Map.entry("hasCourseInstance.endDate", "endDate"),
          Map.entry("url", "url"),
          Map.entry("hasCourseInstance.url", "url"),
          Map.entry("hasCourseInstance.location.address.addressLocality", "municipality"),
          Map.entry("teaches", "skills"));

  static OfferingForm empty() {
    return new OfferingForm(
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        EducationLevel.SHORT_COURSE.name(),
        null,
        "credits",
        "onsite",
        List.of("fi"),
        null,
        null,
        null,
        null,
        null,
        null,
        List.of());
  }

  /**
   * The stored offering in the form: its ESCO skills as chosen ones, and any that ESCO no longer
   * has ({@code unknownSkills}) in the URI field, so saving keeps what the reader would keep.
   */
  static OfferingForm of(PublishedOfferings.Stored stored, List<String> unknownSkills) {
    return new OfferingForm(
        stored.titleFi(),
        stored.titleSv(),
        stored.titleEn(),
        stored.descriptionFi(),
        stored.descriptionSv(),
        stored.descriptionEn(),
        stored.provider(),
        stored.level(),
        stored.extent() == null ? null : stored.extent().stripTrailingZeros().toPlainString(),
        stored.extentUnit() == null ? "credits" : stored.extentUnit(),
        stored.mode() == null
            ? "onsite"
            : switch (stored.mode()) {
              case "ONLINE" -> "online";
              case "BLENDED" -> "blended";
              default -> "onsite";
            },
        stored.languages(),
        stored.cost() == null ? null : stored.cost().stripTrailingZeros().toPlainString(),
        stored.start() == null ? null : stored.start().toString(),
        stored.end() == null ? null : stored.end().toString(),
        stored.url(),
        stored.municipality(),
        unknownSkills.isEmpty() ? null : String.join("\n", unknownSkills),
        stored.skills().stream().filter(uri -> !unknownSkills.contains(uri)).toList());
  }

  /** The form field the JSON-LD reader's {@code field} comes from, if it comes from one. */
  static Optional<String> formField(@Nullable String jsonLdField) {
    if (jsonLdField == null) {
      return Optional.empty();
    }
    String field = FROM_JSON_LD.get(jsonLdField);
    if (field == null && jsonLdField.startsWith("name")) {
      field = "nameFi";
    } else if (field == null && jsonLdField.startsWith("description")) {
      field = "descriptionFi";
    }
    return Optional.ofNullable(field);
  }

  /** Public for the template's expressions. */
  public boolean hasLanguage(String code) {
    return languages != null && languages.contains(code);
  }

  /**
   * The offering as one schema.org JSON-LD node, published under {@code sourceId} with the editor's
   * organisation as its provider; blank fields are left out, so the reader decides what is missing.
   *
   * @param municipalityName the name (any of fi/sv/en) of a municipality code, as the reader
   *     matches names
   */
  byte[] toJsonLd(String sourceId, String organisation, Function<String, String> municipalityName) {
    JsonMapper json = JsonMapper.shared();
    ObjectNode node = json.createObjectNode();
    node.put("@context", "https://schema.org");
    boolean programme =
        EducationLevel.DEGREE.name().equals(level)
            || EducationLevel.VOCATIONAL_QUALIFICATION.name().equals(level);
    node.put("@type", programme ? "EducationalOccupationalProgram" : "Course");
    node.put("@id", sourceId);
    ObjectNode name = node.putObject("name");
    PublishingForms.putIfText(name, "fi", nameFi);
    PublishingForms.putIfText(name, "sv", nameSv);
    PublishingForms.putIfText(name, "en", nameEn);
    ObjectNode description = node.putObject("description");
    PublishingForms.putIfText(description, "fi", descriptionFi);
    PublishingForms.putIfText(description, "sv", descriptionSv);
    PublishingForms.putIfText(description, "en", descriptionEn);
    PublishingForms.putIfText(node, "educationalLevel", level);
    String extentText = PublishingForms.stripped(extent);
    if (extentText != null) {
      ObjectNode credits = node.putObject("numberOfCredits");
      BigDecimal number = number(extentText);
      if (number == null) {
        credits.put("value", extentText);
      } else {
        credits.put("value", number);
      }
      PublishingForms.putIfText(credits, "unitText", extentUnit);
    }
    PublishingForms.putIfText(node, "url", url);
    ObjectNode provider = node.putObject("provider");
    provider.put("@type", "Organization");
    provider.put("@id", organisation);
    PublishingForms.putIfText(provider, "name", this.provider);
    ArrayNode teaches = node.putArray("teaches");
    skillUris().forEach(teaches::add);
    ObjectNode instance = node.putArray("hasCourseInstance").addObject();
    instance.put("@type", "CourseInstance");
    PublishingForms.putIfText(instance, "courseMode", mode);
    ArrayNode inLanguage = instance.putArray("inLanguage");
    if (languages != null) {
      languages.stream().filter(PublishingForms::isText).forEach(inLanguage::add);
    }
    PublishingForms.putIfText(instance, "startDate", startDate);
    PublishingForms.putIfText(instance, "endDate", endDate);
    String municipalityCode = PublishingForms.stripped(municipality);
    if (municipalityCode != null) {
      instance
          .putObject("location")
          .putObject("address")
          .put("addressLocality", municipalityName.apply(municipalityCode));
    }
    String costText = PublishingForms.stripped(cost);
    if (costText != null) {
      BigDecimal price = number(costText);
      ObjectNode offers = instance.putObject("offers");
      if (price == null) {
        offers.put("price", costText);
      } else {
        offers.put("price", price);
      }
      offers.put("priceCurrency", "EUR");
    }
    PublishingForms.putIfText(instance, "url", url);
    return json.writeValueAsBytes(node);
  }

  /** Every ESCO skill URI of the form, ticked or typed, once each, in the order given. */
  List<String> skillUris() {
    java.util.Set<String> uris = new java.util.LinkedHashSet<>();
    if (chosenSkills != null) {
      chosenSkills.stream().filter(PublishingForms::isText).map(String::strip).forEach(uris::add);
    }
    String typed = PublishingForms.stripped(skills);
    if (typed != null) {
      uris.addAll(List.of(typed.split("\\s+")));
    }
    return new java.util.ArrayList<>(uris);
  }

  /** A number as people type it in Finland too (a decimal comma), or null when it is not one. */
  private static @Nullable BigDecimal number(String text) {
    try {
      return new BigDecimal(text.strip().replace(',', '.').replace(" ", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
