package fi.osaava;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fi.osaava.platform.CsvReader;
import fi.osaava.platform.CsvRecord;
import fi.osaava.platform.ImportProgress;
import fi.osaava.regions.RegionsImportApi;
import fi.osaava.taxonomy.EscoImportOptions;
import fi.osaava.taxonomy.TaxonomyApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The published reference data beside the repository ({@code ../shared/data}), which tests read in
 * place and never copy. Under CI the data must be there; elsewhere tests that need it skip.
 */
public final class ReferenceData {

  private ReferenceData() {}

  public static Path directory() {
    Path root = Path.of(System.getProperty("osaava.repo.root", ".")).toAbsolutePath();
    Path data = root.resolve("../shared/data").normalize();
    if (System.getenv("CI") != null && !Files.isDirectory(data)) {
      throw new IllegalStateException("CI needs the reference data at " + data);
    }
    assumeTrue(Files.isDirectory(data), "reference data not found at " + data);
    return data;
  }

  public static Path esco() {
    return directory().resolve("esco/v1.1.1");
  }

  public static Path municipalities() {
    return directory().resolve("regions/municipalities-2026.csv");
  }

  /** Imports the 2026 regional classification once per database; later calls change nothing. */
  public static void ensureRegionsImported(RegionsImportApi regions) {
    regions.importFile(municipalities(), ImportProgress.silent());
  }

  /** Imports ESCO 1.1.1 once per database; later calls find it imported and return at once. */
  public static void ensureEscoImported(TaxonomyApi taxonomy) {
    taxonomy.importEsco(List.of(esco()), EscoImportOptions.defaults(), ImportProgress.silent());
  }

  /** Reads one CSV file of an ESCO package zip (such as {@code official/…-relations-csv.zip}). */
  public static void readEscoZip(String zipName, String entryName, Consumer<CsvRecord> each) {
    Path zip = esco().resolve(zipName);
    try (ZipFile file = new ZipFile(zip.toFile())) {
      ZipEntry entry = file.getEntry(entryName);
      if (entry == null) {
        throw new IllegalStateException(zip + " has no " + entryName);
      }
      try (InputStream in = file.getInputStream(entry)) {
        readCsv(in, entryName, each);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads one CSV file of the reference data. */
  public static void readCsv(Path path, Consumer<CsvRecord> each) {
    try (InputStream in = Files.newInputStream(path)) {
      readCsv(in, path.getFileName().toString(), each);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void readCsv(InputStream in, String source, Consumer<CsvRecord> each) {
    // ESCO's hierarchy rows stop after their deepest level, as the importer allows.
    try (CsvReader reader = CsvReader.open(in, source).padShortRecords()) {
      for (CsvRecord r = reader.next(); r != null; r = reader.next()) {
        each.accept(r);
      }
    }
  }
}
