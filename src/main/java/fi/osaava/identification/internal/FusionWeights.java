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

  /** Names of the skill features, in the order of {@link #skillFeatures}. */
  static final String[] SKILL_FEATURES = {
    "lexical", "literal", "semantic", "description", "graph", "prior"
  };

  /** The weights of the skill features, in the order of {@link #SKILL_FEATURES}. */
  float[] skillFeatures() {
    return new float[] {lexical, literal, semantic, description, graph, prior};
  }

  /** The logit of a skill: bias plus weighted features. */
  double skillScore(float[] features) {
    float[] w = skillFeatures();
    double z = bias;
    for (int i = 0; i < w.length; i++) {
      z += w[i] * features[i];
    }
    return z;
  }

  /** These weights with other skill weights and bias (the occupation part unchanged). */
  FusionWeights withSkillWeights(float newBias, float[] w) {
    return new FusionWeights(
        newBias,
        w[0],
        w[1],
        w[2],
        w[3],
        w[4],
        w[5],
        semanticFloor,
        semanticRange,
        specificIdf,
        partial,
        partOfWord,
        titleThreshold,
        occupationBias,
        occupationLexical,
        occupationSemantic,
        occupationGraph,
        occupationTitle,
        titleFloor,
        graphSkills);
  }

  static final FusionWeights DEFAULT =
      new FusionWeights(
          -3.5f, 4.94f, 0.78f, 4.92f, 1.50f, 1.08f, 1.08f, 0.25f, 0.45f, 6f, 0.7f, 0.6f, 0.6f,
          -3.5f, 4.5f, 3.0f, 3.0f, 3.0f, 0.3f, 30);
}
