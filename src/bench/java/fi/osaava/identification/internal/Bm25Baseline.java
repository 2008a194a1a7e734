package fi.osaava.identification.internal;

import fi.osaava.platform.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.fi.FinnishAnalyzer;
import org.apache.lucene.analysis.no.NorwegianAnalyzer;
import org.apache.lucene.analysis.sv.SwedishAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * The baseline every figure is compared with: Lucene's BM25 with the language's stock analyser
 * (stop words, Snowball stemming), one document per concept holding all of its labels in that
 * language, and the text as a bag-of-words query.
 */
final class Bm25Baseline implements AutoCloseable {

  private final Analyzer analyzer;
  private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
  private final DirectoryReader reader;
  private final IndexSearcher searcher;

  Bm25Baseline(Language language, Map<Integer, List<String>> labelsByConcept) {
    analyzer =
        switch (language) {
          case EN -> new EnglishAnalyzer();
          case FI -> new FinnishAnalyzer();
          case SV -> new SwedishAnalyzer();
          case NO -> new NorwegianAnalyzer();
        };
    try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (Map.Entry<Integer, List<String>> e : labelsByConcept.entrySet()) {
        Document doc = new Document();
        doc.add(new StoredField("concept", e.getKey()));
        doc.add(new TextField("labels", String.join("\n", e.getValue()), Field.Store.NO));
        writer.addDocument(doc);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      reader = DirectoryReader.open(directory);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    searcher = new IndexSearcher(reader);
  }

  /** The concepts best matching {@code text}, best first. */
  List<Integer> search(String text, int n) {
    Set<String> terms = new LinkedHashSet<>();
    try (TokenStream stream = analyzer.tokenStream("labels", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken() && terms.size() < IndexSearcher.getMaxClauseCount()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (terms.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder query = new BooleanQuery.Builder();
    for (String t : terms) {
      query.add(new TermQuery(new Term("labels", t)), BooleanClause.Occur.SHOULD);
    }
    try {
      List<Integer> result = new ArrayList<>(n);
      for (ScoreDoc hit : searcher.search(query.build(), n).scoreDocs) {
        result.add(
            searcher
                .storedFields()
                .document(hit.doc)
                .getField("concept")
                .numericValue()
                .intValue());
      }
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
    directory.close();
    analyzer.close();
  }
}
