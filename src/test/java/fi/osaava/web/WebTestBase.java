package fi.osaava.web;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The one Spring context that every web, API and browser test shares: the whole application on a
 * random port, on the embedded test database, with the real ESCO 1.1.1 data imported once when the
 * context starts. Subclasses must not add configuration, or they would start a second context and
 * import again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@Import(EscoTestData.class)
public abstract class WebTestBase {

  @LocalServerPort protected int port;

  @Autowired protected MockMvc mvc;

  /** The ESCO package the tests read, in place, beside the repository. */
  public static Path escoDirectory() {
    Path root = Path.of(System.getProperty("osaava.repo.root", ".")).toAbsolutePath();
    return root.resolve("../shared/data/esco/v1.1.1").normalize();
  }

  /** Without the data these tests cannot run; under CI that is a failure, elsewhere a skip. */
  @BeforeAll
  static void requireEscoData() {
    Path esco = escoDirectory();
    if (System.getenv("CI") != null && !Files.isDirectory(esco)) {
      throw new IllegalStateException("CI needs the ESCO reference data at " + esco);
    }
    assumeTrue(Files.isDirectory(esco), "ESCO reference data not found at " + esco);
  }

  protected String url(String pathAndQuery) {
    return "http://localhost:" + port + pathAndQuery;
  }
}
