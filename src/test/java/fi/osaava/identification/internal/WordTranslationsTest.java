package fi.osaava.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WordTranslationsTest {

  /**
   * A seeded random parallel corpus with a known dictionary (the oracle): every segment holds a few
   * dictionary words on both sides, in shuffled order, plus untranslated noise on the English side.
   * Model 1 in both directions must recover the dictionary from co-occurrence alone.
   */
  @Test
  void recoversAHiddenDictionaryFromShuffledParallelSegments() {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    int words = 300;
    List<WordTranslations.Segment> segments = new ArrayList<>();
    for (int s = 0; s < 4000; s++) {
      List<String> source = new ArrayList<>();
      List<String> english = new ArrayList<>();
      int n = 2 + random.nextInt(5);
      for (int i = 0; i < n; i++) {
        int w = random.nextInt(words);
        source.add("s" + w);
        english.add("e" + w);
      }
      if (random.nextBoolean()) {
        english.add("noise" + random.nextInt(20));
      }
      Collections.shuffle(english, random);
      segments.add(new WordTranslations.Segment(source, english));
    }
    WordTranslations model = WordTranslations.train(segments);
    int right = 0;
    for (int w = 0; w < words; w++) {
      List<WordTranslations.Translation> found = model.translate("s" + w);
      if (!found.isEmpty() && found.getFirst().english().equals("e" + w)) {
        right++;
      }
    }
    assertThat(right).as("seed %d", seed).isGreaterThanOrEqualTo(words * 95 / 100);
    assertThat(model.translate("unknown")).isEmpty();
  }

  @Test
  void aSavedTableLoadsOnlyUnderItsOwnKey(@TempDir Path dir) throws Exception {
    WordTranslations model =
        WordTranslations.train(
            List.of(
                new WordTranslations.Segment(List.of("hoito"), List.of("care")),
                new WordTranslations.Segment(
                    List.of("hoito", "asiakas"), List.of("care", "client")),
                new WordTranslations.Segment(List.of("asiakas"), List.of("client"))));
    Path file = dir.resolve("t.tsv");
    model.save(file, "key 1");
    WordTranslations loaded = WordTranslations.load(file, "key 1");
    assertThat(loaded).isNotNull();
    assertThat(loaded.translate("hoito").getFirst().english()).isEqualTo("care");
    assertThat(loaded.translate("asiakas").getFirst().english()).isEqualTo("client");
    assertThat(WordTranslations.load(file, "key 2")).isNull();
    assertThat(WordTranslations.load(dir.resolve("missing.tsv"), "key 1")).isNull();
  }

  @Test
  void readsFreeDictEntriesOfBothLayouts() {
    assertThat(
            ParallelCorpus.translations(
                "leikata /lˈeikata/ <v>\n1. cut, carve\nosittaa saksilla\n2. prune\nkatkaista\n"))
        .containsExactly("cut", "carve", "prune");
    assertThat(
            ParallelCorpus.translations(
                "hoito /hˈoito/ <n>\ncare, treatment, nursing\nterveydentilan ylläpitäminen\n"))
        .containsExactly("care", "treatment", "nursing");
    assertThat(ParallelCorpus.translations("manage /mænidʒ/\nförvalta\n"))
        .containsExactly("förvalta");
    assertThat(ParallelCorpus.translations("lone headword")).isEmpty();
  }

  @Test
  void decodesDictdNumbers() {
    assertThat(ParallelCorpus.dictdNumber("A")).isZero();
    assertThat(ParallelCorpus.dictdNumber("BA")).isEqualTo(64);
    assertThat(ParallelCorpus.dictdNumber("/")).isEqualTo(63);
  }
}
