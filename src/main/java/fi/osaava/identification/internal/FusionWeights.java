package fi.osaava.identification.internal;

/**
 * The weights of the logistic fusion that turns the signals of a concept into one confidence. See
 * {@code docs/adr/0002-identification.md} for how they were chosen.
 */
record FusionWeights(
    float bias,
    float lexical,
    float literal,
    float semantic,
    float description,
    float graph,
    float prior,
    float semanticFloor,
    float semanticRange,
    float specificIdf,
    float partial,
    float partOfWord,
    float titleThreshold,
    float occupationBias,
    float occupationLexical,
    float occupationSemantic,
    float occupationGraph,
    float occupationTitle,
    float titleFloor,
    int graphSkills) {

  static final FusionWeights DEFAULT =
      new FusionWeights(
          -3.5f, 4.0f, 0.5f, 4.0f, 1.5f, 1.5f, 0.5f, 0.25f, 0.45f, 6f, 0.7f, 0.6f, 0.6f, -3.5f,
          4.5f, 3.0f, 3.0f, 3.0f, 0.3f, 30);
}
