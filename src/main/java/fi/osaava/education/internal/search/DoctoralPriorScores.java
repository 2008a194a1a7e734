package fi.osaava.education.internal.search;

import java.io.IOException;
import java.util.Objects;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.DoubleValues;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.IndexSearcher;

/**
 * A hit's relevance score multiplied by the doctoral prior when the offering's EQF level (the
 * numeric doc values of {@code field}) is the doctoral one: the prior as a factor of the score,
 * sorted on by the Lucene backend, so that the query itself is evaluated once. Expressed in the
 * query instead (Hibernate Search has no function-score predicate), the same factor needs the whole
 * scoring query twice, once for doctoral programmes and once for the rest, which cost about a fifth
 * of a search (ADR 0010).
 */
final class DoctoralPriorScores extends DoubleValuesSource {

  private final String field;
  private final long doctoral;
  private final double prior;

  DoctoralPriorScores(String field, long doctoral, double prior) {
    this.field = field;
    this.doctoral = doctoral;
    this.prior = prior;
  }

  @Override
  public DoubleValues getValues(LeafReaderContext context, DoubleValues scores) throws IOException {
    SortedNumericDocValues levels = DocValues.getSortedNumeric(context.reader(), field);
    return new DoubleValues() {
      private double value;

      @Override
      public double doubleValue() {
        return value;
      }

      @Override
      public boolean advanceExact(int doc) throws IOException {
        double score = scores.advanceExact(doc) ? scores.doubleValue() : 0;
        value = isDoctoral(doc) ? score * prior : score;
        return true;
      }

      private boolean isDoctoral(int doc) throws IOException {
        if (!levels.advanceExact(doc)) {
          return false;
        }
        for (int i = 0; i < levels.docValueCount(); i++) {
          if (levels.nextValue() == doctoral) {
            return true;
          }
        }
        return false;
      }
    };
  }

  @Override
  public boolean needsScores() {
    return true;
  }

  @Override
  public DoubleValuesSource rewrite(IndexSearcher searcher) {
    return this;
  }

  @Override
  public boolean isCacheable(LeafReaderContext context) {
    // The values depend on the query's scores.
    return false;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof DoctoralPriorScores that
        && field.equals(that.field)
        && doctoral == that.doctoral
        && prior == that.prior;
  }

  @Override
  public int hashCode() {
    return Objects.hash(field, doctoral, prior);
  }

  @Override
  public String toString() {
    return "score * (" + field + " == " + doctoral + " ? " + prior + " : 1)";
  }
}
