package fi.osaava.identification;

/** Why a concept was suggested, from the most to the least literal. */
public enum MatchReason {
  /** The words of one of its labels appear as written (any order, nearby). */
  LITERAL,
  /** Its label's words appear in other inflections, as compound parts or with a shared stem. */
  MORPHOLOGICAL,
  /** The text means something close to its label or description, without sharing its words. */
  SEMANTIC,
  /** Inferred from other suggestions through ESCO's occupation–skill relations. */
  RELATED
}
