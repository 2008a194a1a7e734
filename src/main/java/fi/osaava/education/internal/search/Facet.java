package fi.osaava.education.internal.search;

import fi.osaava.education.EducationLevel;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/** The facets of the education search, each with its request parameter and accepted values. */
public enum Facet {
  LEVEL("level"),
  FIELD("field"),
  REGION("region"),
  LOCATION("location"),
  LANGUAGE("language"),
  MODE("mode"),
  EXTENT("extent"),
  DURATION("duration"),
  COST("cost"),
  START("start"),
  PROVIDER("provider");

  /** Credit ranges (ECTS or competence points), lower bound inclusive. */
  static final List<Bucket> EXTENT_BUCKETS =
      List.of(
          new Bucket("0-5", 0, 5),
          new Bucket("5-15", 5, 15),
          new Bucket("15-30", 15, 30),
          new Bucket("30-60", 30, 60),
          new Bucket("60-180", 60, 180),
          new Bucket("180-", 180, null));

  /** Duration ranges in months. */
  static final List<Bucket> DURATION_BUCKETS =
      List.of(
          new Bucket("0-3", 0, 3),
          new Bucket("3-12", 3, 12),
          new Bucket("12-24", 12, 24),
          new Bucket("24-", 24, null));

  /** Start date ranges in months from today. */
  static final List<Bucket> START_BUCKETS =
      List.of(
          new Bucket("0-1", 0, 1),
          new Bucket("1-3", 1, 3),
          new Bucket("3-6", 3, 6),
          new Bucket("6-", 6, null));

  private static final Set<String> LEVELS =
      Set.copyOf(Stream.of(EducationLevel.values()).map(Enum::name).toList());
  private static final Pattern CODE = Pattern.compile("\\d{1,3}");
  private static final Pattern FIELD_CODE = Pattern.compile("\\d{2}");

  private final String parameter;

  Facet(String parameter) {
    this.parameter = parameter;
  }

  public String parameter() {
    return parameter;
  }

  boolean accepts(@Nullable String value) {
    if (value == null || value.isBlank() || value.length() > 200) {
      return false;
    }
    return switch (this) {
      case LEVEL -> LEVELS.contains(value);
      case FIELD -> FIELD_CODE.matcher(value).matches();
      case REGION -> CODE.matcher(value).matches();
      case LOCATION -> value.equals(OfferingDocument.ONLINE) || CODE.matcher(value).matches();
      case LANGUAGE -> Set.of("fi", "sv", "en", "no").contains(value);
      case MODE -> Set.of("ON_SITE", "ONLINE", "BLENDED").contains(value);
      case EXTENT -> EXTENT_BUCKETS.stream().anyMatch(b -> b.key().equals(value));
      case DURATION -> DURATION_BUCKETS.stream().anyMatch(b -> b.key().equals(value));
      case COST -> Set.of("free", "paid").contains(value);
      case START -> START_BUCKETS.stream().anyMatch(b -> b.key().equals(value));
      case PROVIDER -> true;
    };
  }

  /**
   * This facet's {@code value} as the combined facet field holds it ({@code
   * OfferingDocument.Fields.FACETS}): the parameter, a colon, the value.
   */
  String combined(String value) {
    return parameter + ":" + value;
  }

  /** A numeric range facet value: {@code from} inclusive, {@code to} exclusive or open. */
  record Bucket(String key, int from, @Nullable Integer to) {

    /** The key of the bucket of {@code buckets} that {@code value} falls in, if any. */
    static @Nullable String keyOf(List<Bucket> buckets, double value) {
      for (Bucket bucket : buckets) {
        if (value >= bucket.from() && (bucket.to() == null || value < bucket.to())) {
          return bucket.key();
        }
      }
      return null;
    }
  }
}
