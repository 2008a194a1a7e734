package fi.osaava.regionalintelligence.internal;

import fi.osaava.platform.Language;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The Standard Industrial Classification TOL 2008, its sections (A–U) and divisions (01–99), in fi,
 * sv and en. Bundled with the module (generated from the reference data's classification files)
 * because a survey's background question needs it whether or not the data directory is there.
 */
@Component
public class Industries {

  /** A section (level 1, a letter) or division (level 2, two digits). */
  public record Industry(String code, int level, String section, Map<Language, String> names) {

    public String name(Language language) {
      // Every industry is read with a Finnish name (the constructor's Map.of).
      return Objects.requireNonNull(
          names.getOrDefault(language, names.get(Language.FI)), "Finnish name");
    }
  }

  private final Map<String, Industry> byCode = new LinkedHashMap<>();

  public Industries() {
    try (var in =
            Industries.class.getResourceAsStream(
                "/fi/osaava/regionalintelligence/tol2008-sections-divisions.tsv");
        var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.startsWith("#") || line.isBlank()) {
          continue;
        }
        String[] f = line.split("\t");
        int level = Integer.parseInt(f[1]);
        byCode.put(
            f[0],
            new Industry(
                f[0],
                level,
                level == 1 ? f[0] : f[2],
                Map.of(Language.FI, f[3], Language.SV, f[4], Language.EN, f[5])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A division (two digits) by its code. */
  public Optional<Industry> division(@Nullable String code) {
    Industry i = code == null ? null : byCode.get(code);
    return i != null && i.level() == 2 ? Optional.of(i) : Optional.empty();
  }

  /** A section (a letter) by its code. */
  public Optional<Industry> section(@Nullable String code) {
    Industry i = code == null ? null : byCode.get(code);
    return i != null && i.level() == 1 ? Optional.of(i) : Optional.empty();
  }

  public List<Industry> sections() {
    return byCode.values().stream().filter(i -> i.level() == 1).toList();
  }

  public List<Industry> divisionsOf(String section) {
    List<Industry> divisions = new ArrayList<>();
    for (Industry i : byCode.values()) {
      if (i.level() == 2 && i.section().equals(section)) {
        divisions.add(i);
      }
    }
    return divisions;
  }
}
