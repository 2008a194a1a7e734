package fi.osaava.education.internal.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedNumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;

/**
 * The doctoral prior as a sort on score times a factor: seeded random indexes (several segments,
 * documents without a level, with several levels), each search's order checked against an oracle
 * that multiplies the scores of an unsorted search of the same query itself.
 */
class DoctoralPriorScoresTest {

  private static final String[] WORDS = {"law", "health", "nursing", "data", "music", "welding"};

  @Test
  void sortsByScoreTimesThePriorForDoctoralLevels() throws Exception {
    Random random = new Random(20261207L);
    int flipped = 0;
    for (int round = 0; round < 20; round++) {
      try (ByteBuffersDirectory directory = new ByteBuffersDirectory();
          IndexWriter writer =
              new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer()))) {
        Map<Integer, Boolean> doctoral = new HashMap<>();
        int documents = 50 + random.nextInt(200);
        for (int id = 0; id < documents; id++) {
          Document document = new Document();
          document.add(new StoredField("id", id));
          StringBuilder text = new StringBuilder();
          for (int w = 1 + random.nextInt(8); w > 0; w--) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(' ');
          }
          document.add(new TextField("text", text.toString(), Field.Store.NO));
          boolean isDoctoral = false;
          // Some offerings have no level, a few two (the doc values are multi-valued).
          for (int l = random.nextInt(3); l > 0; l--) {
            int level = 5 + random.nextInt(4);
            isDoctoral |= level == EducationSearchService.DOCTORAL_EQF;
            document.add(new SortedNumericDocValuesField("eqf", level));
          }
          doctoral.put(id, isDoctoral);
          writer.addDocument(document);
          if (random.nextInt(40) == 0) {
            writer.commit();
          }
        }
        writer.commit();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
          IndexSearcher searcher = new IndexSearcher(reader);
          BooleanQuery.Builder query = new BooleanQuery.Builder();
          for (int w = 1 + random.nextInt(3); w > 0; w--) {
            query.add(
                new TermQuery(new Term("text", WORDS[random.nextInt(WORDS.length)])), Occur.SHOULD);
          }
          double prior = 0.25 + random.nextInt(3) * 0.25;
          Query built = query.build();
          List<Integer> expected = oracle(searcher, built, doctoral, prior);
          List<Integer> unprioritised = oracle(searcher, built, doctoral, 1);
          Sort sort =
              new Sort(
                  new DoctoralPriorScores("eqf", EducationSearchService.DOCTORAL_EQF, prior)
                      .getSortField(true),
                  new SortField("id", SortField.Type.DOC));
          TopDocs top = searcher.search(built, Math.max(1, reader.maxDoc()), sort);
          List<Integer> actual = new ArrayList<>();
          for (ScoreDoc hit : top.scoreDocs) {
            actual.add(
                searcher.storedFields().document(hit.doc).getField("id").numericValue().intValue());
          }
          assertThat(actual).as("round %d, prior %s, %s", round, prior, built).isEqualTo(expected);
          if (!expected.equals(unprioritised)) {
            flipped++;
          }
        }
      }
    }
    assertThat(flipped).as("rounds where the prior changed the order").isGreaterThan(5);
  }

  /** The matches by their plain score times the prior where doctoral, then by document. */
  private static List<Integer> oracle(
      IndexSearcher searcher, Query query, Map<Integer, Boolean> doctoral, double prior)
      throws Exception {
    TopDocs all = searcher.search(query, Math.max(1, searcher.getIndexReader().maxDoc()));
    record Scored(int doc, int id, double score) {}
    List<Scored> scored = new ArrayList<>();
    for (ScoreDoc hit : all.scoreDocs) {
      int id = searcher.storedFields().document(hit.doc).getField("id").numericValue().intValue();
      scored.add(new Scored(hit.doc, id, doctoral.get(id) ? hit.score * prior : hit.score));
    }
    scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparingInt(Scored::doc));
    return scored.stream().map(Scored::id).toList();
  }
}
