package fi.osaava.taxonomy.internal.web;

import fi.osaava.taxonomy.ConceptSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A concept as lists show it. */
@Schema(name = "ConceptSummary")
record ConceptSummaryJson(
    String uri,
    @Schema(example = "skill") String type,
    @Nullable String code,
    TextJson label,
    boolean obsolete) {

  static ConceptSummaryJson of(ConceptSummary summary) {
    return new ConceptSummaryJson(
        summary.uri().value(),
        summary.type().slug(),
        summary.code(),
        TextJson.of(summary.label()),
        summary.obsolete());
  }
}
