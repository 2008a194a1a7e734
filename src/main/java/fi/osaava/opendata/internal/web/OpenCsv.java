package fi.osaava.opendata.internal.web;

import org.jspecify.annotations.Nullable;

/** RFC 4180 quoting for the open-data CSV files. */
final class OpenCsv {

  private OpenCsv() {}

  static String quote(@Nullable String value) {
    String v = value == null ? "" : value;
    // A leading formula character would run as a formula in a spreadsheet (CSV injection).
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
