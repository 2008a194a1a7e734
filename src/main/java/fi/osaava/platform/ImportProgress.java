package fi.osaava.platform;

/** Receives progress lines from an importer, to show a person what a long import is doing. */
@FunctionalInterface
public interface ImportProgress {

  void report(String message);

  static ImportProgress silent() {
    return message -> {};
  }
}
