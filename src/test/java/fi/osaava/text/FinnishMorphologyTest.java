package fi.osaava.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FinnishMorphologyTest {

  /** Voikko is a declared system requirement (Debian libvoikko1 and voikko-fi), so it must load. */
  private static final FinnishMorphology voikko = FinnishMorphology.create(true);

  private static final FinnishMorphology fallback = FinnishMorphology.create(false);

  @Test
  void voikkoLoads() {
    assertThat(voikko.isVoikkoAvailable())
        .as("Voikko should load; install the Debian packages libvoikko1 and voikko-fi")
        .isTrue();
  }

  @Test
  void lemmaAndPartsOfAnInflectedCompound() {
    WordAnalysis analysis = voikko.analyze("projektinhallinnan");

    assertThat(analysis.lemmas()).containsExactly("projektinhallinta");
    assertThat(analysis.compoundParts()).containsExactly("projekti", "hallinta");
  }

  @Test
  void partsOfAThreePartCompound() {
    assertThat(voikko.lemmas("tietokoneohjelmointi")).containsExactly("tietokoneohjelmointi");
    assertThat(voikko.compoundParts("tietokoneohjelmointi"))
        .containsExactly("tieto", "kone", "ohjelmointi");
  }

  @Test
  void lemmaOfAPartitive() {
    assertThat(voikko.lemmas("ohjelmointia")).containsExactly("ohjelmointi");
    assertThat(voikko.compoundParts("ohjelmointia")).isEmpty();
  }

  @Test
  void genitiveFirstPartGetsItsOwnLemma() {
    assertThat(voikko.compoundParts("sairaanhoitajan")).containsExactly("sairas", "hoitaja");
    assertThat(voikko.lemmas("sairaanhoitajan")).containsExactly("sairaanhoitaja");
  }

  @Test
  void analysisIsCaseInsensitiveAndLowerCase() {
    assertThat(voikko.lemmas("Ohjelmistokehittäjiä")).containsExactly("ohjelmistokehittäjä");
    assertThat(voikko.lemmas("HELSINGISSÄ")).containsExactly("helsinki");
  }

  @Test
  void ambiguousWordsHaveEveryLemma() {
    // "kuusi" is both "six" and "spruce"; "kuusen" is the genitive of either.
    assertThat(voikko.lemmas("kuusien")).contains("kuusi");
  }

  @Test
  void nonWordsAreUnknown() {
    assertThat(voikko.analyze("").isKnown()).isFalse();
    assertThat(voikko.analyze("   ").isKnown()).isFalse();
    assertThat(voikko.analyze("a\u0000b").isKnown()).isFalse();
    assertThat(voikko.analyze("x".repeat(10_000)).isKnown()).isFalse();
    assertThat(voikko.analyze("qzxqzxv").isKnown()).isFalse();
  }

  @Test
  void fallbackStemsWithoutCompoundParts() {
    assertThat(fallback.isVoikkoAvailable()).isFalse();

    WordAnalysis analysis = fallback.analyze("projektinhallinnan");
    assertThat(analysis.lemmas()).hasSize(1);
    assertThat(analysis.lemmas().getFirst())
        .isNotEqualTo("projektinhallinnan")
        .startsWith("projektinhalli");
    assertThat(analysis.compoundParts()).isEmpty();
  }

  @Test
  void fallbackConflatesInflectionsOfOneWord() {
    assertThat(fallback.lemmas("ohjelmointia")).isEqualTo(fallback.lemmas("ohjelmointi"));
    assertThat(fallback.lemmas("kielellä")).isEqualTo(fallback.lemmas("kielen"));
  }
}
