package fi.osaava.web;

import fi.osaava.ReferenceData;
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
@Import({
  EscoTestData.class,
  FixedClock.class,
  OidcTestSupport.class,
  MachineWriteTestEndpoint.class,
  TestStartupWork.class,
  FlakyModuleListener.class,
  SynchronousModuleListeners.class,
  fi.osaava.profile.RecordingPersonalDataHolder.class
})
public abstract class WebTestBase {

  @LocalServerPort protected int port;

  @Autowired protected MockMvc mvc;

  /** Sign-in and bearer tokens through the in-process development provider. */
  @Autowired protected OidcTestSupport oidc;

  /**
   * Without the data these tests cannot run; under CI that is a failure, elsewhere a skip. Checked
   * before the context starts, whose start-up imports the data.
   */
  @BeforeAll
  static void requireEscoData() {
    ReferenceData.esco();
  }

  /**
   * A bearer token with scope {@code services.publish} for an API client that an administrator
   * registered (on the administrators' page, as in production) for the organisation with this
   * business ID: the push API takes only that organisation's services from it.
   */
  protected String servicesClientToken(String businessId) throws Exception {
    String client = "services-" + businessId;
    int status =
        mvc.perform(
                org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                        "/admin/api-clients")
                    .param("clientId", client)
                    .param("name", "Palvelurekisteri (test)")
                    .param("organisation", "Organisation " + businessId)
                    .param("businessId", businessId)
                    .param("contactEmail", "api@example.fi")
                    .param("requestsPerMinute", "6000")
                    .with(
                        oidc.person(
                            "api-admin-" + java.util.UUID.randomUUID(),
                            java.util.Map.of("osaava_roles", java.util.List.of("administrator"))))
                    .with(
                        org.springframework.security.test.web.servlet.request
                            .SecurityMockMvcRequestPostProcessors.csrf()))
            .andReturn()
            .getResponse()
            .getStatus();
    if (status != 302) {
      throw new IllegalStateException("Registering the API client answered " + status);
    }
    return oidc.clientToken(client, "services.publish");
  }

  protected String url(String pathAndQuery) {
    return "http://localhost:" + port + pathAndQuery;
  }
}
