package fi.osaava.labourmarket.internal.ads;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MinHashTest {

  static final String AD =
      "Haemme joukkoomme kokkia Helsinkiin. Edellytämme osaamista seuraavissa: ruoanvalmistus,"
          + " hygieniaosaaminen, asiakaspalvelu, kassatyöskentely ja ruokalistojen suunnittelu."
          + " Tarjoamme mukavan työyhteisön ja joustavat työajat.";

  @Test
  void aRepostWithSmallEditsIsSimilarAndSharesABand() {
    int[] a = MinHash.signature(AD);
    int[] b = MinHash.signature(AD.replace("työajat", "työvuorot"));
    assertThat(MinHash.similarity(a, a)).isEqualTo(1.0);
    assertThat(MinHash.similarity(a, b)).isGreaterThan(0.7);
    assertThat(shareBand(a, b)).isTrue();
  }

  @Test
  void differentAdsAreDissimilar() {
    int[] a = MinHash.signature(AD);
    int[] c =
        MinHash.signature(
            "We are looking for a software developer in Espoo with Java, SQL and cloud skills."
                + " Apply by the closing date; interviews are held on a rolling basis.");
    assertThat(MinHash.similarity(a, c)).isLessThan(0.2);
    assertThat(shareBand(a, c)).isFalse();
  }

  static boolean shareBand(int[] a, int[] b) {
    long[] x = MinHash.bands(a);
    long[] y = MinHash.bands(b);
    for (int i = 0; i < x.length; i++) {
      if (x[i] == y[i]) {
        return true;
      }
    }
    return false;
  }
}
