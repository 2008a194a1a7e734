package fi.osaava.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;

/**
 * The open health endpoint names each dependency with its status, so an operator sees which one is
 * down, and shows no details (no database address or version) to the anonymous caller.
 */
class HealthComponentsTest extends WebTestBase {

  @Test
  void healthNamesEachDependencyWithoutDetails() throws Exception {
    mvc.perform(get("/actuator/health"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.components.db.status").value("UP"))
        .andExpect(jsonPath("$.components.startup.status").exists())
        // The search indexes (here Lucene folders of this node; an OpenSearch cluster is asked
        // for its health) and the mail server (here the in-process development one).
        .andExpect(jsonPath("$.components.search.status").value("UP"))
        .andExpect(jsonPath("$.components.mail.status").value("UP"))
        .andExpect(jsonPath("$.components.db.details").doesNotExist());
  }
}
