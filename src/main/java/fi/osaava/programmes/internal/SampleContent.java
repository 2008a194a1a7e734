package fi.osaava.programmes.internal;

import fi.osaava.platform.DatasetImporter;
import fi.osaava.platform.ImportProgress;
import fi.osaava.programmes.ProgrammesApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The team's own sample programme, written for Osaava and shipped in the jar ({@code
 * programmes/sample/}): loaded at first start after the education catalogue (so that its packages
 * can be listed there), or by hand through {@link ProgrammesApi#loadSampleContent()}. It is
 * labelled as Osaava's own sample content wherever it is shown.
 */
@Service
class SampleContent implements ProgrammesApi, DatasetImporter {

  /** The organisation that owns the sample content; its editors may draft new versions. */
  static final String OWNER = "osaava";

  private static final String FOLDER = "programmes/sample/";

  /** The sample programme's description, and its packages' files in order. */
  record SampleProgramme(
      String slug,
      Map<String, String> title,
      Map<String, String> summary,
      List<SamplePackage> packages) {}

  record SamplePackage(String slug, String file) {}

  private final ProgrammeStore store;
  private final Authoring authoring;
  private final ObjectMapper json;

  SampleContent(ProgrammeStore store, Authoring authoring, ObjectMapper json) {
    this.store = store;
    this.authoring = authoring;
    this.json = json;
  }

  @Override
  @Transactional
  public int loadSampleContent() {
    SampleProgramme programme = read("programme.json", SampleProgramme.class);
    if (store.programmeBySlug(programme.slug()).isPresent()) {
      return 0;
    }
    UUID id =
        store.createProgramme(
            programme.slug(), OWNER, programme.title(), programme.summary(), true);
    for (SamplePackage sample : programme.packages()) {
      PackageContent content = read(sample.file(), PackageContent.class);
      UUID packageId = authoring.createPackage(OWNER, id, sample.slug(), content, true);
      authoring.publish(OWNER, packageId);
    }
    return programme.packages().size();
  }

  private <T> T read(String file, Class<T> type) {
    try (InputStream in = new ClassPathResource(FOLDER + file).getInputStream()) {
      return json.readValue(in, type);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the sample programme file " + file, e);
    }
  }

  @Override
  public String name() {
    return "programmes";
  }

  /** After the education catalogue (20), where the packages are listed. */
  @Override
  public int order() {
    return 30;
  }

  @Override
  public boolean isImported() {
    return store.programmeBySlug(read("programme.json", SampleProgramme.class).slug()).isPresent();
  }

  /** The sample content is in the jar, not in the reference data. */
  @Override
  public boolean hasInput(Path referenceData) {
    return true;
  }

  @Override
  public void importFrom(Path referenceData, ImportProgress progress) {
    int published = loadSampleContent();
    progress.report("published " + published + " sample packages");
  }
}
