package fi.osaava.taxonomy;

import fi.osaava.platform.LocalizedText;

/** A concept as lists show it: its label in the reader's language (or a marked fallback). */
public record ConceptSummary(
    ConceptUri uri, ConceptType type, String code, LocalizedText label, boolean obsolete) {}
