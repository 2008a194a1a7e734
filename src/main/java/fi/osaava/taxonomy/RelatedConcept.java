package fi.osaava.taxonomy;

/** A concept reached through an ESCO relation, such as an occupation's essential skill. */
public record RelatedConcept(ConceptSummary concept, RelationType relation) {}
