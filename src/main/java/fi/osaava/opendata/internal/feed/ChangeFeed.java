package fi.osaava.opendata.internal.feed;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The change feed's log ({@code od_feed_entry}): each change to an offering, a service or the ESCO
 * version gets the next position. Positions are handed out from one row ({@code od_feed_head}) that
 * every recording transaction updates, so its lock serialises the writers: a position is visible
 * only once every smaller one has committed, and there are no gaps. A cursor is therefore simply
 * the last position a consumer has seen, and paging by it never misses or repeats an entry, however
 * many changes share a timestamp.
 */
@Component
public class ChangeFeed {

  /** What changed. */
  public enum Kind {
    OFFERING,
    SERVICE,
    TAXONOMY,
    JOB_AD;

    /** {@code offering}, {@code service}, {@code taxonomy}, {@code job-ad}. */
    public String code() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Kind of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT).replace('-', '_'));
    }
  }

  /** How it changed. */
  public enum Action {
    /** Added, or an offering added or changed (its event does not tell them apart). */
    PUBLISHED,
    UPDATED,
    /** Withdrawn, retired or deactivated: no longer offered. */
    WITHDRAWN,
    /** A new version of a classification. */
    RELEASED;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * One change to record.
   *
   * @param subject the changed thing's id (an offering's or service's UUID, an ESCO version)
   * @param titles its name in the languages known
   */
  public record Change(Kind kind, Action action, String subject, Map<Language, String> titles) {

    public Change {
      titles = Map.copyOf(titles);
    }
  }

  /** A recorded change at its position. */
  public record Entry(
      long position,
      Kind kind,
      Action action,
      String subject,
      Map<Language, String> titles,
      Instant occurredAt) {

    /** The title in {@code language}, else in Finnish, Swedish or English, else the subject. */
    public String title(Language language) {
      for (Language l : List.of(language, Language.FI, Language.SV, Language.EN)) {
        String title = titles.get(l);
        if (title != null && !title.isBlank()) {
          return title;
        }
      }
      return subject;
    }
  }

  /**
   * One page of the log.
   *
   * @param after the cursor it was read after
   * @param entries the entries after it, ascending
   * @param full whether the page holds as many entries as asked for, so that more may follow now; a
   *     page that is not full is at the head and grows as changes are recorded
   */
  public record Page(long after, List<Entry> entries, boolean full) {

    /** The cursor to read on from: the last entry's position, else the one read after. */
    public long next() {
      return entries.isEmpty() ? after : entries.getLast().position();
    }
  }

  public static final int MAX_LIMIT = 500;

  /** A position as a cursor: a non-negative decimal that fits a {@code long} with room. */
  private static final Pattern CURSOR = Pattern.compile("[0-9]{1,18}");

  private final JdbcClient jdbc;

  ChangeFeed(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Records changes in the caller's transaction (or one of its own), at consecutive positions. */
  @Transactional
  public void record(Collection<Change> changes) {
    if (changes.isEmpty()) {
      return;
    }
    long last =
        jdbc.sql(
                "update od_feed_head set last_position = last_position + ? returning"
                    + " last_position")
            .param(changes.size())
            .query(Long.class)
            .single();
    long position = last - changes.size();
    for (Change change : changes) {
      position++;
      // clock_timestamp, not now(): taken after the head's lock, so times rise with positions.
      jdbc.sql(
              "insert into od_feed_entry (position, kind, action, subject, title_fi, title_sv,"
                  + " title_en, occurred_at) values (?, ?, ?, ?, ?, ?, ?, clock_timestamp())")
          .param(position)
          .param(change.kind().code())
          .param(change.action().code())
          .param(change.subject())
          .param(change.titles().get(Language.FI))
          .param(change.titles().get(Language.SV))
          .param(change.titles().get(Language.EN))
          .update();
    }
  }

  /** Which of these subjects of one kind the feed has recorded before. */
  public Set<String> known(Kind kind, Collection<String> subjects) {
    if (subjects.isEmpty()) {
      return Set.of();
    }
    return new HashSet<>(
        jdbc.sql("select distinct subject from od_feed_entry where kind = ? and subject = any(?)")
            .param(kind.code())
            .param(subjects.toArray(String[]::new))
            .query(String.class)
            .list());
  }

  /** The last position recorded (0 for an empty feed). */
  public long head() {
    return jdbc.sql("select last_position from od_feed_head").query(Long.class).single();
  }

  /**
   * Reads a cursor as a consumer sent it; anything but a position the feed has reached is refused
   * with an error naming {@code after}.
   */
  public long cursor(@Nullable String after) {
    if (after == null || !CURSOR.matcher(after).matches()) {
      throw new InvalidInputException(
          "request", 0, "after", "must be a position from this feed (digits only)");
    }
    long position = Long.parseLong(after);
    if (position > head()) {
      throw new InvalidInputException(
          "request", 0, "after", "is beyond the last position of this feed");
    }
    return position;
  }

  /**
   * Where a page of the latest {@code limit} changes of {@code kinds} starts: the position before
   * the first of them, else the head.
   */
  public long latestAfter(int limit, Set<Kind> kinds) {
    Long first =
        jdbc
            .sql(
                "select min(position) from (select position from od_feed_entry where kind ="
                    + " any(?) order by position desc limit ?) latest")
            .param(kinds.stream().map(Kind::code).toArray(String[]::new))
            .param(limit)
            .query(Long.class)
            .list()
            .stream()
            .filter(java.util.Objects::nonNull)
            .findFirst()
            .orElse(null);
    return first == null ? head() : first - 1;
  }

  /** When the change at {@code position} was recorded; empty for 0. */
  public Optional<Instant> occurredAt(long position) {
    return jdbc.sql("select occurred_at from od_feed_entry where position = ?")
        .param(position)
        .query((rs, n) -> rs.getTimestamp(1).toInstant())
        .optional();
  }

  /** The entries after {@code after} of the kinds asked for, ascending, at most {@code limit}. */
  public Page page(long after, int limit, Set<Kind> kinds) {
    List<String> codes = kinds.stream().map(Kind::code).toList();
    List<Entry> entries =
        jdbc.sql(
                "select position, kind, action, subject, title_fi, title_sv, title_en,"
                    + " occurred_at from od_feed_entry where position > ? and kind = any(?)"
                    + " order by position limit ?")
            .param(after)
            .param(codes.toArray(String[]::new))
            .param(limit)
            .query(
                (rs, n) -> {
                  Map<Language, String> titles = new EnumMap<>(Language.class);
                  putIfPresent(titles, Language.FI, rs.getString(5));
                  putIfPresent(titles, Language.SV, rs.getString(6));
                  putIfPresent(titles, Language.EN, rs.getString(7));
                  return new Entry(
                      rs.getLong(1),
                      Kind.of(rs.getString(2)),
                      Action.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)),
                      rs.getString(4),
                      titles,
                      rs.getTimestamp(8).toInstant());
                })
            .list();
    return new Page(after, new ArrayList<>(entries), entries.size() == limit);
  }

  private static void putIfPresent(
      Map<Language, String> titles, Language language, @Nullable String title) {
    if (title != null) {
      titles.put(language, title);
    }
  }
}
