package fi.osaava.identification.internal;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

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

  /** Where the matching title is; null while {@link #title} is 0. */
  int @Nullable [] titleSpan;

  final List<int[]> lexSpans = new ArrayList<>(2);

  /** Where the nearest sentence is; null while {@link #sem} is 0. */
  int @Nullable [] semSpan;

  /** Null while {@link #desc} is 0. */
  @Nullable List<int[]> descSpans;

  /** The lending occupation's title spans; null while {@link #graph} is 0. */
  @Nullable List<int[]> graphSpans;
}
