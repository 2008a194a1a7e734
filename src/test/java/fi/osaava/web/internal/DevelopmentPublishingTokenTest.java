package fi.osaava.web.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.web.ApiWriteAccess;
import fi.osaava.web.WebTestBase;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/**
 * A provider's developer gets a publishing token from the development sign-in the way the start log
 * says (a client-credentials request over HTTP), and the publishing APIs accept it: the requested
 * scopes are in the token's scope claim, not in its audience.
 */
class DevelopmentPublishingTokenTest extends WebTestBase {

  @Autowired JwtDecoder decoder;
  @Autowired List<ApiWriteAccess> writes;

  private String token(String scope) {
    return oidc.clientCredentialsToken("test-provider", scope);
  }

  @Test
  void clientCredentialsTokenCarriesTheRequestedScopes() throws Exception {
    String scopes = DevelopmentSignInConfiguration.publishingScopes(writes);
    assertThat(scopes).contains("education.publish").contains("job-ads.publish");
    Jwt jwt = decoder.decode(token(scopes));
    assertThat(jwt.getClaimAsString("scope").split(" "))
        .containsExactlyInAnyOrder(scopes.split(" "));
    assertThat(jwt.getSubject()).isEqualTo("test-provider");
    assertThat(jwt.getAudience()).containsExactly("osaava");
  }

  @Test
  void publishingApiAcceptsTheTokenForItsScopeOnly() throws Exception {
    String education = token("education.publish");
    String jobAds = token("job-ads.publish");
    // A body that cannot be an offering: the scope is accepted, so validation answers.
    mvc.perform(
            post("/api/v1/education/offerings")
                .contentType(MediaType.valueOf("application/ld+json"))
                .content("{}")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + education))
        .andExpect(status().isBadRequest());
    mvc.perform(
            post("/api/v1/education/offerings")
                .contentType(MediaType.valueOf("application/ld+json"))
                .content("{}")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + jobAds))
        .andExpect(status().isForbidden());
  }
}
