package fi.osaava.taxonomy;

import fi.osaava.platform.LocalizedText;
import org.jspecify.annotations.Nullable;

/** A concept as lists show it: its label in the reader's language (or a marked fallback). */
public record ConceptSummary(
    ConceptUri uri,
    ConceptType type,
    @Nullable String code,
    LocalizedText label,
    boolean obsolete) {}
