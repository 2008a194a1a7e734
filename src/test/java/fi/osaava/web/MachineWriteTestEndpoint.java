package fi.osaava.web;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * A machine-to-machine write endpoint that exists only in tests, declared the way modules declare
 * theirs ({@link ApiWriteAccess}), so the shell's bearer-token rules can be tested without
 * depending on any module's real endpoint. Part of the shared test context ({@link WebTestBase}).
 */
@TestConfiguration(proxyBeanMethods = false)
class MachineWriteTestEndpoint {

  static final String PATH = "/api/v1/test/machine-writes";
  static final String SCOPE = "test.write";

  @Bean
  ApiWriteAccess testMachineWrite() {
    return new ApiWriteAccess(HttpMethod.POST, PATH, SCOPE);
  }

  @Bean
  RouterFunction<ServerResponse> testMachineWriteRoute() {
    return RouterFunctions.route()
        .POST(
            PATH,
            request ->
                ServerResponse.status(201)
                    .body(
                        "accepted from "
                            + request.principal().map(p -> p.getName()).orElse("nobody")))
        .build();
  }
}
