package fi.osaava.labourmarket;

import fi.osaava.ReferenceData;
import fi.osaava.platform.ImportProgress;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import org.springframework.jdbc.core.JdbcTemplate;

/** Statistics and a few synthetic ads in the shared test database, for tests of pages and API. */
public final class LabourMarketTestData {

  private LabourMarketTestData() {}

  /** Imports the statistics unless imported, and ingests 600 synthetic ads (idempotent). */
  public static void ensure(LabourMarketImports imports, JdbcTemplate jdbc) {
    Integer datasets = jdbc.queryForObject("select count(*) from lm_dataset", Integer.class);
    if (datasets == null || datasets == 0) {
      imports.importStatistics(ReferenceData.directory(), ImportProgress.silent());
    }
    StringWriter ads = new StringWriter();
    imports.generateJobAds(600, 99, ads);
    imports.ingestJobAds(
        new ByteArrayInputStream(ads.toString().getBytes(StandardCharsets.UTF_8)),
        "test ads",
        ImportProgress.silent());
  }
}
