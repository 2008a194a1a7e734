package fi.osaava.taxonomy;

/** One step up ESCO's hierarchy: {@code concept} is narrower than {@code broader}. */
public record BroaderRelation(ConceptUri concept, ConceptUri broader) {}
