package fi.osaava.profile.internal.cv;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The period of a CV entry as people write it in Finnish, Swedish and English: "2015–2019",
 * "03/2018 – nyt", "2019–pågående", "since 2020", "tammikuu 2016 – joulukuu 2018", "Jan 2020 –
 * present", "2012" (that year). A month gives that month; a year alone gives the whole year, its
 * first day as the start and its last as the end.
 */
final class CvDates {

  /**
   * A period found in a line.
   *
   * @param end null while ongoing
   * @param from where the date expression starts in the line
   * @param to where it ends
   */
  record Period(LocalDate start, @Nullable LocalDate end, int from, int to) {}

  private CvDates() {}

  /** Month names and their usual abbreviations, by the month's number. */
  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          // Finnish stems: tammikuu, tammikuuta, tammikuusta, tammi-
          Map.entry("tammi", 1),
          Map.entry("helmi", 2),
          Map.entry("maalis", 3),
          Map.entry("huhti", 4),
          Map.entry("touko", 5),
          Map.entry("kesä", 6),
          Map.entry("heinä", 7),
          Map.entry("elo", 8),
          Map.entry("syys", 9),
          Map.entry("loka", 10),
          Map.entry("marras", 11),
          Map.entry("joulu", 12),
          // Swedish and English (prefixes of at least three letters)
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("maj", 5),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("okt", 10),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private static final String MONTH_WORD =
      "(?:tammi|helmi|maalis|huhti|touko|kesä|heinä|elo|syys|loka|marras|joulu)(?:kuu\\p{L}*)?"
          + "|jan(?:uary|uari)?|feb(?:ruary|ruari)?|mar(?:ch|s)?|apr(?:il)?|maj|may|jun[ei]?"
          + "|jul[iy]?|aug(?:ust|usti)?|sept?(?:ember)?|o[ck]t(?:ober)?|nov(?:ember)?"
          + "|dec(?:ember)?";

  /** One date: day.month.year, month/year, month.year, year-month, month name year, or year. */
  private static final String DATE =
      "(?:(?<d1>\\d{1,2})\\.(?<m1>\\d{1,2})\\.(?<y1>(?:19|20)\\d{2})"
          + "|(?<m2>\\d{1,2})\\s*[/.]\\s*(?<y2>(?:19|20)\\d{2})"
          + "|(?<y3>(?:19|20)\\d{2})-(?<m3>\\d{1,2})(?!\\d)"
          + "|(?<mw>"
          + MONTH_WORD
          + ")\\.?\\s+(?<y4>(?:19|20)\\d{2})"
          + "|(?<y5>(?:19|20)\\d{2}))";

  private static final String OPEN =
      "nyt|nykyään|nykyisin|tähän asti|toistaiseksi|jatkuu|edelleen|present|current|now|ongoing"
          + "|to date|today|pågående|nu|idag|tills vidare|pågår";

  private static final String SEPARATOR = "\\s*(?:–|—|-|−|to|till|until|asti|->|→)\\s*";

  private static final Pattern ONE_DATE =
      Pattern.compile("(?<![\\d/.])" + DATE + "(?![\\d/])", Pattern.CASE_INSENSITIVE);

  private static final Pattern RANGE =
      Pattern.compile(
          "(?<![\\d/.])(?<a>"
              + DATE.replace("?<", "?<a")
              + ")"
              + SEPARATOR
              + "(?:(?<b>"
              + DATE.replace("?<", "?<b")
              + ")(?![\\d/])|(?<open>"
              + OPEN
              + ")\\b|(?<dangling>)(?=\\s*$))",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern SINCE_BEFORE =
      Pattern.compile(
          "\\b(?:since|from|sedan|från|alkaen|vuodesta|lähtien)\\s+(?<a>"
              + DATE.replace("?<", "?<a")
              + ")(?![\\d/])",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  private static final Pattern SINCE_AFTER =
      Pattern.compile(
          "(?<![\\d/.])(?<a>"
              + DATE.replace("?<", "?<a")
              + ")\\s*(?:alkaen|lähtien|→|och framåt|onwards|and ongoing)",
          Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

  /** The first period in a line, if any. */
  static Optional<Period> find(String line) {
    Matcher range = RANGE.matcher(line);
    if (range.find()) {
      Optional<YearMonth[]> a = date(range, "a");
      if (a.isPresent()) {
        LocalDate start = a.get()[0].atDay(1);
        LocalDate end = null;
        if (range.group("open") == null && range.group("dangling") == null) {
          Optional<YearMonth[]> b = date(range, "b");
          if (b.isEmpty()) {
            return Optional.empty();
          }
          end = b.get()[1].atEndOfMonth();
          if (end.isBefore(start)) {
            return Optional.empty();
          }
        }
        return Optional.of(new Period(start, end, range.start(), range.end()));
      }
    }
    for (Pattern since : List.of(SINCE_BEFORE, SINCE_AFTER)) {
      Matcher m = since.matcher(line);
      if (m.find()) {
        Optional<YearMonth[]> a = date(m, "a");
        if (a.isPresent()) {
          return Optional.of(new Period(a.get()[0].atDay(1), null, m.start(), m.end()));
        }
      }
    }
    Matcher one = ONE_DATE.matcher(line);
    if (one.find()) {
      Optional<YearMonth[]> d = date(one, "");
      if (d.isPresent()) {
        return Optional.of(
            new Period(d.get()[0].atDay(1), d.get()[1].atEndOfMonth(), one.start(), one.end()));
      }
    }
    return Optional.empty();
  }

  /** The first and last month a date stands for: a year is January to December. */
  private static Optional<YearMonth[]> date(Matcher m, String prefix) {
    try {
      String y1 = m.group(prefix + "y1");
      if (y1 != null) {
        YearMonth ym = YearMonth.of(Integer.parseInt(y1), Integer.parseInt(m.group(prefix + "m1")));
        return Optional.of(new YearMonth[] {ym, ym});
      }
      String y2 = m.group(prefix + "y2");
      if (y2 != null) {
        YearMonth ym = YearMonth.of(Integer.parseInt(y2), Integer.parseInt(m.group(prefix + "m2")));
        return Optional.of(new YearMonth[] {ym, ym});
      }
      String y3 = m.group(prefix + "y3");
      if (y3 != null) {
        YearMonth ym = YearMonth.of(Integer.parseInt(y3), Integer.parseInt(m.group(prefix + "m3")));
        return Optional.of(new YearMonth[] {ym, ym});
      }
      String word = m.group(prefix + "mw");
      if (word != null) {
        Integer month = month(word);
        if (month == null) {
          return Optional.empty();
        }
        YearMonth ym = YearMonth.of(Integer.parseInt(m.group(prefix + "y4")), month);
        return Optional.of(new YearMonth[] {ym, ym});
      }
      String y5 = m.group(prefix + "y5");
      if (y5 != null) {
        int year = Integer.parseInt(y5);
        return Optional.of(new YearMonth[] {YearMonth.of(year, 1), YearMonth.of(year, 12)});
      }
    } catch (java.time.DateTimeException e) {
      // "13/2019" and the like: not a date.
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static @Nullable Integer month(String word) {
    // The longest name that fits: "marraskuu" is November, not "mar"ch.
    String w = word.toLowerCase(Locale.ROOT);
    String best = null;
    for (String name : MONTHS.keySet()) {
      if (w.startsWith(name) && (best == null || name.length() > best.length())) {
        best = name;
      }
    }
    return best == null ? null : MONTHS.get(best);
  }
}
