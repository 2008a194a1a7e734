package fi.osaava.taxonomy.internal.web;

import fi.osaava.taxonomy.ConceptSummary;
import io.swagger.v3.oas.annotations.media.Schema;
import org.jspecify.annotations.Nullable;

/** A concept as lists show it. */
@Schema(name = "ConceptSummary")
record ConceptSummaryJson(
    @Schema(example = "http://data.europa.eu/esco/skill/ccd0a1d9-afda-43d9-b901-96344886e14d")
        String uri,
    @Schema(example = "skill") String type,
    @Schema(description = "The code of an occupation or group; null for skills", example = "2514.2")
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
