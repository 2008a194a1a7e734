package fi.osaava.taxonomy.internal.web;

import fi.osaava.taxonomy.RelatedConcept;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.Locale;

/** A concept reached through an ESCO relation, with how strong the relation is. */
@Schema(name = "RelatedConcept")
record RelatedConceptJson(
    ConceptSummaryJson concept,
    @Schema(allowableValues = {"essential", "optional"}) String relation) {

  static RelatedConceptJson of(RelatedConcept related) {
    return new RelatedConceptJson(
        ConceptSummaryJson.of(related.concept()),
        related.relation().name().toLowerCase(Locale.ROOT));
  }
}
