package fi.osaava.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.platform.StartupWork;
import fi.osaava.web.TestStartupWork;
import fi.osaava.web.WebTestBase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * While a module reports startup work, readiness is out of service (over real HTTP, as a load
 * balancer asks) and every page says what is still being prepared, in the page's language; when the
 * work is done both recover, and liveness never goes down.
 */
class StartupReadinessTest extends WebTestBase {

  @Autowired TestStartupWork work;

  private final HttpClient http = HttpClient.newHttpClient();

  @AfterEach
  void done() {
    work.clear();
  }

  private HttpResponse<String> probe(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private String page(String language) throws Exception {
    return mvc.perform(get("/labour-market").header("Accept-Language", language))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void pendingWorkTakesTheNodeOutOfRotationAndShowsABanner() throws Exception {
    // The context's own start-up work (the identification build) must finish first.
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
    while (probe("/actuator/health/readiness").statusCode() != 200
        && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    assertThat(probe("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(page("fi")).doesNotContain("startup-notice");

    work.add(new StartupWork.Pending("importing", "education", 2, 5));
    HttpResponse<String> readiness = probe("/actuator/health/readiness");
    assertThat(readiness.statusCode()).isEqualTo(503);
    assertThat(readiness.body()).contains("OUT_OF_SERVICE").contains("importing education (2/5)");
    assertThat(probe("/actuator/health/liveness").statusCode()).isEqualTo(200);
    assertThat(page("fi"))
        .contains("startup-notice")
        .contains("Osaava valmistautuu vielä")
        .contains("tuodaan aineistoa education (aineisto 3/5)");
    assertThat(page("sv")).contains("Osaava förbereder sig ännu").contains("av 5");
    assertThat(page("en")).contains("Osaava is still getting ready");

    work.clear();
    assertThat(probe("/actuator/health/readiness").statusCode()).isEqualTo(200);
    assertThat(page("sv")).doesNotContain("startup-notice");
  }
}
