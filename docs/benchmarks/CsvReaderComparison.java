// Measures the platform CSV reader against Apache Commons CSV on the same files, for the decision
// in docs/benchmarks.md ("CSV reader: hand-written or Commons CSV"). Not part of the build: run it
// as a single-file program against the compiled classes (see that section for the command).

import fi.osaava.platform.CsvReader;
import fi.osaava.platform.CsvRecord;
import java.io.BufferedInputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

public class CsvReaderComparison {

  public static void main(String[] args) throws Exception {
    int warmup = 5;
    int runs = 15;
    System.out.println("| file | MB | rows | platform CsvReader ms (median) | Commons CSV 1.14.1 ms (median) | Commons / platform |");
    System.out.println("|---|---|---|---|---|---|");
    for (String name : args) {
      Path file = Path.of(name);
      double mb = Files.size(file) / 1e6;
      long rows = 0;
      long[] platform = new long[runs];
      long[] commons = new long[runs];
      for (int i = 0; i < warmup + runs; i++) {
        // Alternate so that neither reader always runs on a warmer cache.
        long t0 = System.nanoTime();
        rows = platform(file);
        long t1 = System.nanoTime();
        long rows2 = commons(file);
        long t2 = System.nanoTime();
        if (rows != rows2) {
          throw new IllegalStateException(file + ": " + rows + " rows against " + rows2);
        }
        if (i >= warmup) {
          platform[i - warmup] = t1 - t0;
          commons[i - warmup] = t2 - t1;
        }
      }
      double p = median(platform);
      double c = median(commons);
      System.out.printf(
          "| %s | %.1f | %,d | %.0f | %.0f | %.2f |%n", file.getFileName(), mb, rows, p, c, c / p);
    }
  }

  /** Every field of every record read, as an importer does. */
  static long platform(Path file) throws Exception {
    long rows = 0;
    long chars = 0;
    try (InputStream in = Files.newInputStream(file);
        CsvReader reader = CsvReader.open(in, file.getFileName().toString()).padShortRecords()) {
      List<String> header = reader.header();
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        for (String column : header) {
          chars += r.get(column).length();
        }
        rows++;
      }
    }
    return rows + (chars < 0 ? 1 : 0);
  }

  /**
   * The same with Commons CSV set up as strictly as it goes: RFC 4180, header row, strict UTF-8
   * (a bad byte throws), and the field count checked against the header by hand, since Commons CSV
   * does not check it.
   */
  static long commons(Path file) throws Exception {
    long rows = 0;
    long chars = 0;
    CSVFormat format =
        CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in =
            new InputStreamReader(
                new BufferedInputStream(Files.newInputStream(file), 1 << 16),
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(format).get()) {
      List<String> header = new ArrayList<>(parser.getHeaderNames());
      for (var r : parser) {
        if (r.size() > header.size()) {
          throw new IllegalStateException("line " + parser.getCurrentLineNumber());
        }
        for (int i = 0; i < header.size(); i++) {
          chars += i < r.size() ? r.get(i).length() : 0;
        }
        rows++;
      }
    }
    return rows + (chars < 0 ? 1 : 0);
  }

  static double median(long[] nanos) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2] / 1e6;
  }
}
