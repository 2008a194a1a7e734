package fi.osaava.web.internal;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityScheme;
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
                    "API of Osaava, the Finnish continuous-learning service: public reads, the"
                        + " signed-in person's own data, and organisations' systems' pushes and"
                        + " webhooks with an OAuth 2.0 client-credentials token (the scope each"
                        + " operation names). Answers under /api carry RateLimit-Limit,"
                        + " RateLimit-Remaining and RateLimit-Reset; one over the caller's quota"
                        + " is a 429 with Retry-After. Errors are RFC 9457 problem details. This"
                        + " service uses the ESCO classification of the European Commission.")
                .license(
                    new License()
                        .name("ESCO data: European Commission, reuse under Decision 2011/833/EU")
                        .url("https://esco.ec.europa.eu/")))
        .components(
            new Components()
                // The scheme the machine endpoints' security requirements name: a requirement
                // naming no declared scheme makes the document invalid for code generators.
                .addSecuritySchemes(
                    "bearer",
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description(
                            "An access token from the sign-in provider's token endpoint"
                                + " (OAuth 2.0 client credentials), with the scope the"
                                + " operation names")));
  }
}
