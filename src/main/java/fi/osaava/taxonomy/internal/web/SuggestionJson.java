package fi.osaava.taxonomy.internal.web;

import fi.osaava.taxonomy.Suggestion;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/** One autocomplete hit. */
@Schema(name = "Suggestion")
record SuggestionJson(
    String uri,
    @Schema(example = "skill") String type,
    @Schema(description = "The concept's preferred label") TextJson label,
    @Schema(description = "The label that matched; may be an alternative or hidden one")
        String matchedLabel,
    @Schema(allowableValues = {"preferred", "alternative", "hidden"}) String matchedKind,
    float score) {

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
