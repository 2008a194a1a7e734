package fi.osaava.cli;

import fi.osaava.ReferenceData;
import fi.osaava.platform.CsvReader;
import fi.osaava.platform.CsvRecord;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A copy of the reference ESCO release without its alternative and hidden labels: every concept,
 * preferred label, relation and collection as published, in the published layout (the English
 * classification still a zip, the translations beside it). The command-line tests import it to see
 * the commands work as a person runs them. The whole release, alternative labels included, is
 * imported and counted in the shared test context ({@code EscoReferenceImportTest}); here the
 * roughly 145,000 alternative labels would only lengthen the import and its label index rebuild,
 * which were most of the suite's longest test.
 */
final class EscoWithoutAlternativeLabels {

  private static final Set<String> LEFT_OUT = Set.of("altLabels", "hiddenLabels");

  private EscoWithoutAlternativeLabels() {}

  /** Writes the copy into {@code target}, which names the release (such as {@code v1.1.1}). */
  static Path copyInto(Path target) throws IOException {
    Path release = ReferenceData.esco();
    List<Path> files;
    try (Stream<Path> walk = Files.walk(release)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    for (Path file : files) {
      Path copy = target.resolve(release.relativize(file).toString());
      Files.createDirectories(copy.getParent());
      String name = file.getFileName().toString();
      if (name.endsWith(".zip")) {
        copyZip(file, copy);
      } else if (name.endsWith(".csv")) {
        try (InputStream in = Files.newInputStream(file);
            OutputStream out = Files.newOutputStream(copy)) {
          copyCsv(in, name, out);
        }
      } else {
        Files.copy(file, copy);
      }
    }
    return target;
  }

  private static void copyZip(Path zip, Path copy) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
        ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
      for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
        // Read the entry whole: the CSV reader closes what it reads, which must not be the zip.
        byte[] content = in.readAllBytes();
        out.putNextEntry(new ZipEntry(entry.getName()));
        if (entry.getName().endsWith(".csv")) {
          ByteArrayOutputStream rewritten = new ByteArrayOutputStream(content.length);
          copyCsv(new ByteArrayInputStream(content), entry.getName(), rewritten);
          rewritten.writeTo(out);
        } else {
          out.write(content);
        }
        out.closeEntry();
      }
    }
  }

  private static void copyCsv(InputStream in, String name, OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    try (CsvReader csv = CsvReader.open(in, name).padShortRecords()) {
      List<String> header = csv.header();
      writeRow(writer, header);
      for (CsvRecord row = csv.next(); row != null; row = csv.next()) {
        List<String> values = new ArrayList<>(row.values());
        for (int i = 0; i < header.size() && i < values.size(); i++) {
          if (LEFT_OUT.contains(header.get(i))) {
            values.set(i, "");
          }
        }
        writeRow(writer, values);
      }
    }
    writer.flush();
  }

  /** RFC 4180: every non-empty value quoted, quotes doubled, so newlines and commas survive. */
  private static void writeRow(Writer writer, List<String> values) throws IOException {
    for (int i = 0; i < values.size(); i++) {
      if (i > 0) {
        writer.write(',');
      }
      String value = values.get(i);
      if (!value.isEmpty()) {
        writer.write('"');
        writer.write(value.replace("\"", "\"\""));
        writer.write('"');
      }
    }
    writer.write('\n');
  }
}
