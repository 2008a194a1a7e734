package fi.osaava.taxonomy.internal.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;

/**
 * One CSV file of an import run, wherever it lives: on disk or inside a zip. The name shown in
 * errors is the path, with {@code !/entry} for zip entries.
 */
record EscoSource(String displayName, String fileName, Path container, @Nullable String zipEntry) {

  @FunctionalInterface
  interface StreamConsumer {
    void accept(InputStream in) throws IOException;
  }

  void read(StreamConsumer consumer) throws IOException {
    if (zipEntry == null) {
      try (InputStream in = Files.newInputStream(container)) {
        consumer.accept(in);
      }
      return;
    }
    try (ZipFile zip = new ZipFile(container.toFile())) {
      ZipEntry entry = zip.getEntry(zipEntry);
      try (InputStream in = zip.getInputStream(entry)) {
        consumer.accept(in);
      }
    }
  }

  /**
   * Expands the paths a person gave (zips, directories, CSV files) into CSV sources, sorted by name
   * so runs are reproducible. Directories are walked recursively.
   */
  static List<EscoSource> expand(List<Path> inputs) throws IOException {
    List<EscoSource> sources = new ArrayList<>();
    for (Path input : inputs) {
      if (!Files.exists(input)) {
        throw new IOException("No such file or directory: " + input);
      }
      if (Files.isDirectory(input)) {
        try (Stream<Path> walk = Files.walk(input)) {
          for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
            addFile(p, sources);
          }
        }
      } else {
        addFile(input, sources);
      }
    }
    sources.sort(Comparator.comparing(EscoSource::displayName));
    return sources;
  }

  private static void addFile(Path file, List<EscoSource> sources) throws IOException {
    String name = file.getFileName().toString();
    if (name.toLowerCase().endsWith(".zip")) {
      try (ZipFile zip = new ZipFile(file.toFile())) {
        zip.stream()
            .filter(e -> !e.isDirectory() && e.getName().toLowerCase().endsWith(".csv"))
            .forEach(
                e -> {
                  String entryFile = e.getName().substring(e.getName().lastIndexOf('/') + 1);
                  sources.add(
                      new EscoSource(file + "!/" + e.getName(), entryFile, file, e.getName()));
                });
      }
    } else if (name.toLowerCase().endsWith(".csv")) {
      sources.add(new EscoSource(file.toString(), name, file, null));
    }
  }

  /** SHA-256 over every source's name and bytes: equal digests mean an identical import. */
  static String digest(List<EscoSource> sources, String version) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    sha.update(version.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    byte[] buffer = new byte[1 << 16];
    for (EscoSource source : sources) {
      sha.update(source.fileName().getBytes(java.nio.charset.StandardCharsets.UTF_8));
      source.read(
          in -> {
            int n;
            while ((n = in.read(buffer)) > 0) {
              sha.update(buffer, 0, n);
            }
          });
    }
    return HexFormat.of().formatHex(sha.digest());
  }
}
