package fi.osaava.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CharNgramIndexTest {

  private static final int TEKNIKER = 0;
  private static final int KOCK = 1;
  private static final int BERGSPRANGARE = 2;
  private static final int HARJOITTELIJA = 3;
  private static final int KOKKI = 4;

  private final CharNgramIndex index =
      new CharNgramIndex(
          List.of(TEKNIKER, TEKNIKER, KOCK, BERGSPRANGARE, HARJOITTELIJA, KOKKI),
          List.of(
              "utbildningstekniker",
              "utbildningsteknisk rådgivare",
              "kock",
              "bergsprängare",
              "kokkiharjoittelija",
              "kokki"));

  @Test
  void compoundsMatchByTheirHead() {
    assertThat(index.search("Tunnelsprängare", 0.3f)).containsKey(BERGSPRANGARE);
    assertThat(index.search("Kock, Restaurang Strandhuset", 0.3f)).containsKey(KOCK);
  }

  @Test
  void theFirstPartOfACompoundAloneNamesNoOccupation() {
    // The grams alone find the technician from nearly his whole title ...
    assertThat(index.search("Utbildningsteknik", 0.3f)).containsKey(TEKNIKER);
    // ... but not from a CV's "education" heading, which is only the compound's first part.
    assertThat(index.search("Utbildning", 0.05f)).doesNotContainKey(TEKNIKER);
    assertThat(index.search("Kokki", 0.05f)).containsKey(KOKKI).doesNotContainKey(HARJOITTELIJA);
    assertThat(index.search("Kokkiharjoittelija", 0.3f)).containsKey(HARJOITTELIJA);
  }
}
