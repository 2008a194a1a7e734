package fi.osaava.platform;

/** A zero-based page request with a bounded size, so no request can ask for an unbounded result. */
public record Paging(int page, int size) {

  public static final int DEFAULT_SIZE = 20;
  public static final int MAX_SIZE = 200;

  public Paging {
    if (page < 0) {
      throw new IllegalArgumentException("page must be 0 or more, was " + page);
    }
    if (size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException(
          "size must be between 1 and " + MAX_SIZE + ", was " + size);
    }
  }

  public static Paging first(int size) {
    return new Paging(0, size);
  }

  public long offset() {
    return (long) page * size;
  }
}
