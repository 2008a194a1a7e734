package fi.osaava.identification.internal;

/**
 * The weights of the logistic fusion that turns the signals of a concept into one confidence, and
 * the few constants of the signals themselves. See {@code docs/adr/0004-identification.md}.
 *
 * <p>All are set by hand, from what each signal means, not fitted. {@code ./osaava evaluate fusion}
 * fits the six skill weights on the development sets (pairwise logistic loss); scored on each set
 * with weights fitted on the other, the fit was within noise of these (RP@5 +0.015 on TECH, +0.008
 * on HOUSE, MRR −0.01 and +0.01), while the same fitted weights, adopted, lowered the Finnish
 * occupation-description MAP from 0.58 to 0.35 (a smaller graph weight). Weights are replaced only
 * by a fit that beats these on held-out data by more than the noise.
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
          -3.5f, 4.0f, 0.5f, 4.0f, 1.5f, 1.5f, 0.5f, 0.25f, 0.45f, 6f, 0.7f, 0.6f, 0.6f, -3.5f,
          4.5f, 3.0f, 3.0f, 3.0f, 0.3f, 30);
}
