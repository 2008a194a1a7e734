package fi.osaava.regionalintelligence.internal.web;

/** RFC 4180 quoting for the module's CSV downloads. */
final class Csv {

  private Csv() {}

  static String quote(String value) {
    String v = value == null ? "" : value;
    // A leading formula character would run as a formula in a spreadsheet (CSV injection).
    if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return "\"" + v.replace("\"", "\"\"") + "\"";
  }
}
