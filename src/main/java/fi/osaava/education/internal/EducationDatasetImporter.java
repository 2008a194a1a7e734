package fi.osaava.education.internal;

import fi.osaava.education.EducationCatalogue;
import fi.osaava.platform.DatasetImporter;
import fi.osaava.platform.ImportProgress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Plugs the national education files ({@code <data-dir>/education}: Konfo, ePerusteet and the
 * competence badges) into the first-start bootstrap, after ESCO so that the skill backfill that
 * follows finds the taxonomy.
 */
@Component
class EducationDatasetImporter implements DatasetImporter {

  private final EducationCatalogue catalogue;
  private final JdbcClient jdbc;

  EducationDatasetImporter(EducationCatalogue catalogue, JdbcClient jdbc) {
    this.catalogue = catalogue;
    this.jdbc = jdbc;
  }

  @Override
  public String name() {
    return "education";
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public boolean isImported() {
    return jdbc.sql("select exists (select 1 from education_import where source <> 'jsonld')")
        .query(Boolean.class)
        .single();
  }

  @Override
  public boolean hasInput(Path referenceData) {
    return Files.isDirectory(referenceData.resolve("education"));
  }

  @Override
  public void importFrom(Path referenceData, ImportProgress progress) {
    catalogue.importFiles(List.of(referenceData.resolve("education")), progress);
  }
}
