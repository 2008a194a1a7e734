package fi.osaava.labourmarket.internal.web;

import fi.osaava.web.PublishingForms;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The editor pages' job-ad form. It holds text as typed, and is checked by turning it into the same
 * schema.org JobPosting JSON-LD that the push API ({@code POST /api/v1/job-ads}) takes and
 * ingesting that ({@link fi.osaava.labourmarket.internal.ads.JobAdIngestion#publish}): the API's
 * reader is the one rule for both, and its field names map back to the form's ({@link #formField}).
 * Bean Validation only bounds the lengths.
 *
 * @param language {@code fi}, {@code sv}, {@code en}, or blank to detect it from the text
 * @param municipality a municipality code (three digits), or blank
 * @param remote {@code true} when the work can be done remotely
 * @param skills ESCO skill URIs typed by hand, separated by white space (the way without script)
 * @param chosenSkills ESCO skill URIs ticked among the chosen skills and the search's options
 */
record JobAdForm(
    @Size(max = 500) @Nullable String title,
    @Size(max = 20_000) @Nullable String description,
    @Size(max = 5) @Nullable String language,
    @Size(max = 300) @Nullable String employer,
    @Size(max = 10) @Nullable String municipality,
    @Size(max = 10) @Nullable String remote,
    @Size(max = 40) @Nullable String datePosted,
    @Size(max = 40) @Nullable String validThrough,
    @Size(max = 2000) @Nullable String url,
    @Size(max = 20_000) @Nullable String skills,
    @Size(max = 100) @Nullable List<@Size(max = 200) @Nullable String> chosenSkills) {

  /** The form's fields in page order: the error summary lists problems in this order. */
  static final List<String> FIELDS =
      List.of(
          "title",
          "description",
          "language",
          "employer",
          "municipality",
          "remote",
          "datePosted",
          "validThrough",
          "url",
          "skills");

  /** Which form field a field named by the JobPosting reader comes from. */
  private static final Map<String, String> FROM_JSON_LD =
      Map.ofEntries(
          Map.entry("title", "title"),
          Map.entry("description", "description"),
          Map.entry("inLanguage", "language"),
          Map.entry("datePosted", "datePosted"),
          Map.entry("validThrough", "validThrough"),
          Map.entry("url", "url"),
          Map.entry("skills", "skills"));

  static JobAdForm empty(LocalDate today) {
    return new JobAdForm(
        null, null, "fi", null, null, null, today.toString(), null, null, null, List.of());
  }

  static JobAdForm of(PublishedJobAds.Stored stored, List<String> unknownSkills) {
    return new JobAdForm(
        stored.title(),
        stored.description(),
        stored.language(),
        stored.employer(),
        stored.municipality(),
        stored.remote() ? "true" : null,
        stored.posted().toString(),
        stored.validThrough() == null ? null : stored.validThrough().toString(),
        stored.url(),
        unknownSkills.isEmpty() ? null : String.join("\n", unknownSkills),
        stored.chosenSkills());
  }

  /** The form field the JobPosting reader's {@code field} comes from, if it comes from one. */
  static Optional<String> formField(@Nullable String jsonLdField) {
    return Optional.ofNullable(jsonLdField == null ? null : FROM_JSON_LD.get(jsonLdField));
  }

  /** Public for the template's expressions. */
  public boolean isRemote() {
    return "true".equals(remote);
  }

  /** Every ESCO skill URI of the form, ticked or typed, once each, in the order given. */
  List<String> skillUris() {
    Set<String> uris = new LinkedHashSet<>();
    if (chosenSkills != null) {
      chosenSkills.stream().filter(PublishingForms::isText).map(String::strip).forEach(uris::add);
    }
    String typed = PublishingForms.stripped(skills);
    if (typed != null) {
      uris.addAll(List.of(typed.split("\\s+")));
    }
    return new ArrayList<>(uris);
  }

  /**
   * The ad as one schema.org JobPosting node, published under {@code identifier} with the editor's
   * organisation as its hiring organisation; blank fields are left out, so the reader decides what
   * is missing.
   *
   * @param municipalityName the name of a municipality code, as the reader matches names
   */
  byte[] toJsonLd(
      String identifier, String organisation, Function<String, String> municipalityName) {
    JsonMapper json = JsonMapper.shared();
    ObjectNode node = json.createObjectNode();
    node.put("@context", "https://schema.org");
    node.put("@type", "JobPosting");
    node.put("identifier", identifier);
    PublishingForms.putIfText(node, "title", title);
    PublishingForms.putIfText(node, "description", description);
    PublishingForms.putIfText(node, "inLanguage", language);
    PublishingForms.putIfText(node, "datePosted", datePosted);
    PublishingForms.putIfText(node, "validThrough", validThrough);
    PublishingForms.putIfText(node, "url", url);
    ObjectNode hiring = node.putObject("hiringOrganization");
    hiring.put("@type", "Organization");
    hiring.put("@id", organisation);
    PublishingForms.putIfText(hiring, "name", employer);
    String municipalityCode = PublishingForms.stripped(municipality);
    if (municipalityCode != null) {
      node.putObject("jobLocation")
          .put("@type", "Place")
          .putObject("address")
          .put("@type", "PostalAddress")
          .put("addressLocality", municipalityName.apply(municipalityCode));
    }
    if (isRemote()) {
      node.put("jobLocationType", "TELECOMMUTE");
    }
    // Every skill as a DefinedTerm, so the reader refuses whatever is no ESCO skill URI rather than
    // passing typed text over as free-text skills.
    ArrayNode terms = node.putArray("skills");
    for (String uri : skillUris()) {
      terms.addObject().put("@type", "DefinedTerm").put("@id", uri);
    }
    return json.writeValueAsBytes(node);
  }
}
