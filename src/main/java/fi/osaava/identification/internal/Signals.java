package fi.osaava.identification.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * What the signals found for one concept in one text: each signal class fills its own fields, the
 * {@link Ranker} reads them all. Spans are {@code [start, end]} offsets into the original text.
 */
final class Signals {
  /** Label match strength ({@link LexicalSignal}). */
  float lex;

  /** Whether the best label match was literal and complete. */
  boolean literal;

  /** Embedding similarity, scaled to 0..1 ({@link SemanticSignal}). */
  float sem;

  /** Description match relative to the text's best ({@link DescriptionSignal}). */
  float desc;

  /** Strength lent by an occupation found by title ({@link GraphSignal}). */
  float graph;

  /** Character n-gram similarity of a short piece to a title ({@link TitleSignal}). */
  float title;

  int[] titleSpan;
  final List<int[]> lexSpans = new ArrayList<>(2);
  int[] semSpan;
  List<int[]> descSpans;
  List<int[]> graphSpans;
}
