package fi.osaava.taxonomy;

import fi.osaava.platform.LocalizedText;

/**
 * One autocomplete hit.
 *
 * @param label the concept's preferred label to show, in the reader's language or a fallback
 * @param matchedLabel the label that matched what was typed (may be an alternative label)
 * @param matchedKind whether the match was on a preferred, alternative or hidden label
 * @param score relevance; higher is better, comparable only within one response
 */
public record Suggestion(
    ConceptUri uri,
    ConceptType type,
    LocalizedText label,
    String matchedLabel,
    LabelKind matchedKind,
    float score) {}
