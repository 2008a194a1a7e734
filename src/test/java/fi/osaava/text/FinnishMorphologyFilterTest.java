package fi.osaava.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.custom.CustomAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.junit.jupiter.api.Test;

class FinnishMorphologyFilterTest {

  private static final FinnishMorphology voikko = FinnishMorphology.create(true);
  private static final FinnishMorphology fallback = FinnishMorphology.create(false);

  record Token(String term, int position) {}

  @Test
  void addsLemmaAndCompoundPartsAtTheWordsPosition() throws IOException {
    List<Token> tokens = analyze(analyzer(voikko, true), "Projektinhallinnan taidot");

    assertThat(tokens)
        .containsExactly(
            new Token("projektinhallinnan", 0),
            new Token("projektinhallinta", 0),
            new Token("projekti", 0),
            new Token("hallinta", 0),
            new Token("taidot", 1),
            new Token("taito", 1));
  }

  @Test
  void withoutCompoundPartsOnlyLemmasAreAdded() throws IOException {
    List<Token> tokens = analyze(analyzer(voikko, false), "tietokoneohjelmointia");

    assertThat(tokens)
        .containsExactly(
            new Token("tietokoneohjelmointia", 0), new Token("tietokoneohjelmointi", 0));
  }

  @Test
  void fallbackAddsTheStem() throws IOException {
    List<Token> tokens = analyze(analyzer(fallback, true), "ohjelmointia");

    assertThat(tokens).hasSize(2);
    assertThat(tokens.get(0)).isEqualTo(new Token("ohjelmointia", 0));
    assertThat(tokens.get(1).position()).isZero();
    assertThat(tokens.get(1).term()).startsWith("ohjelmoin");
  }

  @Test
  void factoryBuildsTheFilterByName() throws IOException {
    Analyzer analyzer =
        CustomAnalyzer.builder()
            .withTokenizer("standard")
            .addTokenFilter("lowercase")
            .addTokenFilter(FinnishMorphologyFilterFactory.NAME, "compoundParts", "true")
            .build();

    assertThat(analyze(analyzer, "tietokoneohjelmointi"))
        .extracting(Token::term)
        .contains("tietokoneohjelmointi", "ohjelmointi");
  }

  @Test
  void randomInputNeverThrowsNorEmitsEmptyTokens() throws IOException {
    long seed = new Random().nextLong();
    Random random = new Random(seed);
    List<Analyzer> analyzers =
        List.of(
            analyzer(voikko, true),
            analyzer(fallback, true),
            // Upstream of the filter nothing cleans up: whitespace-split raw text.
            new Analyzer() {
              @Override
              protected TokenStreamComponents createComponents(String field) {
                Tokenizer source = new org.apache.lucene.analysis.core.WhitespaceTokenizer();
                return new TokenStreamComponents(
                    source, new FinnishMorphologyFilter(source, voikko, true));
              }
            });
    for (int i = 0; i < 1_500; i++) {
      String text = randomText(random);
      for (Analyzer analyzer : analyzers) {
        List<Token> tokens = analyze(analyzer, text);
        assertThat(tokens)
            .as("seed %d, input %s", seed, escape(text))
            .allSatisfy(t -> assertThat(t.term()).isNotEmpty());
        if (!tokens.isEmpty()) {
          assertThat(tokens.getFirst().position()).as("seed %d", seed).isGreaterThanOrEqualTo(0);
        }
      }
    }
  }

  private static String randomText(Random random) {
    int length =
        switch (random.nextInt(10)) {
          case 0 -> 0;
          case 1 -> 1_000 + random.nextInt(12_000);
          default -> random.nextInt(60);
        };
    StringBuilder text = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      text.append(
          switch (random.nextInt(8)) {
            case 0 -> (char) random.nextInt(0x20); // control characters, NUL included
            case 1 -> (char) random.nextInt(Character.MAX_VALUE + 1); // lone surrogates too
            case 2 -> ' ';
            case 3 -> "-':.".charAt(random.nextInt(4));
            default -> "aäöeiklmnoprstuvyhj".charAt(random.nextInt(19));
          });
    }
    if (random.nextInt(5) == 0) {
      text.append(" ").append("ohjelmointikielten".repeat(1 + random.nextInt(40)));
    }
    return text.toString();
  }

  private static Analyzer analyzer(FinnishMorphology morphology, boolean compoundParts) {
    return new Analyzer() {
      @Override
      protected TokenStreamComponents createComponents(String field) {
        Tokenizer source = new StandardTokenizer();
        TokenStream stream = new LowerCaseFilter(source);
        return new TokenStreamComponents(
            source, new FinnishMorphologyFilter(stream, morphology, compoundParts));
      }
    };
  }

  private static List<Token> analyze(Analyzer analyzer, String text) throws IOException {
    List<Token> tokens = new ArrayList<>();
    try (TokenStream stream = analyzer.tokenStream("f", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
      stream.reset();
      int position = -1;
      while (stream.incrementToken()) {
        position += increment.getPositionIncrement();
        tokens.add(new Token(term.toString(), position));
      }
      stream.end();
    }
    return tokens;
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder();
    text.codePoints()
        .limit(200)
        .forEach(
            c -> {
              if (c < 0x20 || c > 0x7e) {
                out.append(String.format("\\u%04x", c));
              } else {
                out.append((char) c);
              }
            });
    return out.toString();
  }
}
