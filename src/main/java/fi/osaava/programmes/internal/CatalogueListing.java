package fi.osaava.programmes.internal;

import fi.osaava.education.EducationCatalogue;
import fi.osaava.education.EducationImportReport;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.programmes.internal.ProgrammeStore.PackageVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Lists each published package in the education catalogue as an open online course, through the
 * catalogue's own JSON-LD import (the same path as providers' pushes): kind {@code MOOC}, free,
 * online, in the package's languages, teaching its learning outcomes, with its workload as extent
 * in credits (27 hours of study to a credit, as in Finnish higher education). A new version
 * replaces the listing of the one before it (the offering's id is the package's).
 */
@Component
public class CatalogueListing {

  /** The {@code @id} prefix of packages in the catalogue. */
  public static final String ID_PREFIX = "urn:osaava:programmes:package:";

  static final BigDecimal HOURS_PER_CREDIT = new BigDecimal(27);

  private final EducationCatalogue catalogue;
  private final ObjectMapper json;
  private final String publicUrl;

  CatalogueListing(
      EducationCatalogue catalogue,
      ObjectMapper json,
      @Value("${osaava.programmes.public-url:http://localhost:8080}") String publicUrl) {
    this.catalogue = catalogue;
    this.json = json;
    this.publicUrl = publicUrl.replaceAll("/+$", "");
  }

  /** The package's extent in credits, as the catalogue shows it. */
  static BigDecimal credits(BigDecimal workloadHours) {
    return workloadHours.divide(HOURS_PER_CREDIT, 2, RoundingMode.HALF_UP);
  }

  public EducationImportReport list(PackageVersion version) {
    byte[] document = json.writeValueAsBytes(document(version));
    Path file = null;
    try {
      // The catalogue's import reads a file, as for every JSON-LD source.
      file = Files.createTempFile("osaava-package-", ".jsonld");
      Files.write(file, document);
      EducationImportReport report = catalogue.importJsonLd(file, ImportProgress.silent());
      if (!report.errors().isEmpty()) {
        throw new InvalidInputException(
            "package " + version.packageSlug(), 0, "catalogue", report.errors().toString());
      }
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot hand the package to the catalogue", e);
    } finally {
      if (file != null) {
        try {
          Files.deleteIfExists(file);
        } catch (IOException e) {
          // A leftover temporary file is harmless; the listing itself succeeded or failed above.
        }
      }
    }
  }

  Map<String, Object> document(PackageVersion version) {
    PackageContent content = version.content();
    Map<String, Object> course = new LinkedHashMap<>();
    course.put("@context", "https://schema.org");
    course.put("@type", "Course");
    course.put("@id", ID_PREFIX + version.packageSlug());
    course.put("inLanguage", content.languages().getFirst());
    course.put("name", content.title());
    Map<String, String> description = new LinkedHashMap<>();
    content
        .summary()
        .forEach(
            (code, text) ->
                description.put(code, version.sample() ? sampleLabel(code) + " " + text : text));
    course.put("description", description);
    course.put("educationalLevel", "MOOC");
    course.put(
        "numberOfCredits",
        Map.of("value", credits(content.workloadHours()), "unitText", "credits"));
    course.put("teaches", content.learningOutcomes());
    course.put("url", publicUrl + "/programmes/packages/" + version.packageSlug());
    Map<String, Object> provider = new LinkedHashMap<>();
    provider.put("@id", version.owner());
    if (version.sample()) {
      provider.put("name", "Osaava");
    }
    course.put("provider", provider);
    Map<String, Object> instance = new LinkedHashMap<>();
    instance.put("@id", ID_PREFIX + version.packageSlug() + ":online");
    instance.put("courseMode", "online");
    instance.put("inLanguage", new ArrayList<>(content.languages()));
    instance.put("isAccessibleForFree", true);
    instance.put("offers", Map.of("price", 0));
    instance.put("url", publicUrl + "/programmes/packages/" + version.packageSlug());
    course.put("hasCourseInstance", List.of(instance));
    return course;
  }

  /** Said before the summary of the team's own sample content, wherever it is listed. */
  static String sampleLabel(String code) {
    return switch (code) {
      case "fi" -> "Osaavan oma esimerkkisisältö.";
      case "sv" -> "Osaavas eget exempelinnehåll.";
      case "no" -> "Osaavas eget eksempelinnhold.";
      default -> "Osaava's own sample content.";
    };
  }
}
