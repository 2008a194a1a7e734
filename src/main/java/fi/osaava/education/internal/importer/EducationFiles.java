package fi.osaava.education.internal.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Finds the national education files under the given paths and reads each with its reader: {@code
 * konfo-*.jsonl}, {@code osaamismerkit.json} and the other {@code *.json} files as ePerusteet
 * qualifications. One result per source.
 */
public final class EducationFiles {

  private EducationFiles() {}

  /** The files the importers read under {@code <data-dir>/education}, in a stable order. */
  public static List<Path> find(List<Path> paths) {
    List<Path> files = new ArrayList<>();
    for (Path path : paths) {
      if (Files.isDirectory(path)) {
        try (Stream<Path> tree = Files.walk(path)) {
          tree.filter(Files::isRegularFile)
              .filter(EducationFiles::known)
              .sorted()
              .forEach(files::add);
        } catch (IOException e) {
          throw new UncheckedIOException("Cannot list " + path + ": " + e.getMessage(), e);
        }
      } else if (Files.isRegularFile(path)) {
        if (!known(path)) {
          throw new IllegalArgumentException(
              path
                  + " is not an education file: expected konfo-*.jsonl, osaamismerkit.json or an"
                  + " ePerusteet *.json export");
        }
        files.add(path);
      } else {
        throw new IllegalArgumentException("No such file or folder: " + path);
      }
    }
    return files;
  }

  private static boolean known(Path file) {
    return KonfoReader.accepts(file)
        || OsaamismerkitReader.accepts(file)
        || EperusteetReader.accepts(file);
  }

  public static List<ReadResult> read(List<Path> files) {
    Map<String, ReadResult> results = new LinkedHashMap<>();
    for (Path file : files) {
      if (KonfoReader.accepts(file)) {
        ReadResult konfo = KonfoReader.read(file);
        konfo.files.add(file.getFileName().toString());
        konfo.completeScopes.add("");
        results.put(KonfoReader.SOURCE + file, konfo);
        continue;
      }
      String name = file.getFileName().toString();
      boolean badges = OsaamismerkitReader.accepts(file);
      ReadResult result =
          results.computeIfAbsent(
              badges ? OsaamismerkitReader.SOURCE : EperusteetReader.SOURCE,
              source -> new ReadResult(source));
      result.files.add(name);
      JsonNode root;
      try {
        root = JsonMapper.shared().readTree(file.toFile());
      } catch (JacksonException e) {
        long line = e.getLocation() == null ? 1 : e.getLocation().getLineNr();
        result.error(name, line, "(file)", "not valid JSON: " + e.getOriginalMessage());
        continue;
      }
      if (badges) {
        OsaamismerkitReader.read(file, root, result);
        result.completeScopes.add("");
      } else {
        int before = result.records.size();
        EperusteetReader.read(file, root, result);
        if (result.records.size() > before) {
          result.completeScopes.add(result.records.get(before).sourceId() + "/");
        }
      }
    }
    results.values().forEach(result -> result.snapshot = true);
    return List.copyOf(results.values());
  }
}
