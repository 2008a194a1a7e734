package fi.osaava.web.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What /v3/api-docs says about the API as a whole; each module documents its own endpoints. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

  @Bean
  OpenAPI osaavaOpenApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Osaava API")
                .version("v1")
                .description(
                    "Read-only API of Osaava, the Finnish continuous-learning service. Errors are"
                        + " RFC 9457 problem details. This service uses the ESCO classification of"
                        + " the European Commission.")
                .license(
                    new License()
                        .name("ESCO data: European Commission, reuse under Decision 2011/833/EU")
                        .url("https://esco.ec.europa.eu/")));
  }
}
