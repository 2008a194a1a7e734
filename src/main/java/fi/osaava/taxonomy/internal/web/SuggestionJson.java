package fi.osaava.taxonomy.internal.web;

import fi.osaava.taxonomy.Suggestion;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/** One autocomplete hit. */
@Schema(name = "Suggestion")
record SuggestionJson(
    @Schema(example = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d")
        String uri,
    @Schema(example = "skill") String type,
    @Schema(description = "The concept's preferred label") TextJson label,
    @Schema(
            description = "The label that matched; may be an alternative or hidden one",
            example = "Python (tietokoneohjelmointi)")
        String matchedLabel,
    @Schema(allowableValues = {"preferred", "alternative", "hidden"}) String matchedKind,
    @Schema(example = "12.7") float score) {

  static SuggestionJson of(Suggestion suggestion) {
    return new SuggestionJson(
        suggestion.uri().value(),
        suggestion.type().slug(),
        TextJson.of(suggestion.label()),
        suggestion.matchedLabel(),
        suggestion.matchedKind().name().toLowerCase(Locale.ROOT),
        suggestion.score());
  }
}
