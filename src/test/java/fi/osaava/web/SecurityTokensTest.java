package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shell's sign-in and bearer-token rules, through the in-process development provider: a
 * machine write needs a token with its declared scope, a browser session cannot reach it, private
 * areas need a signed-in person, and a real OpenID Connect code flow signs a person in with a new
 * session id.
 */
class SecurityTokensTest extends WebTestBase {

  private static final String WRITE = MachineWriteTestEndpoint.PATH;

  @Test
  void tokenWithTheScopeIsAdmitted() throws Exception {
    mvc.perform(
            post(WRITE)
                .header("Authorization", "Bearer " + oidc.bearerToken("test.write", "other")))
        .andExpect(status().isCreated())
        .andExpect(content().string("accepted from test-client"));
  }

  @Test
  void tokenWithoutTheScopeIsRefused() throws Exception {
    mvc.perform(
            post(WRITE).header("Authorization", "Bearer " + oidc.bearerToken("job-ads.publish")))
        .andExpect(status().isForbidden());
    mvc.perform(post(WRITE).header("Authorization", "Bearer " + oidc.bearerToken()))
        .andExpect(status().isForbidden());
  }

  @Test
  void forgedOrMissingTokenIsRefused() throws Exception {
    String token = oidc.bearerToken("test.write");
    String forged = token.substring(0, token.length() - 4) + "AAAA";
    mvc.perform(post(WRITE).header("Authorization", "Bearer " + forged))
        .andExpect(status().isUnauthorized());
    // Without a token it is a browser-style request: refused (here already by CSRF).
    mvc.perform(post(WRITE)).andExpect(status().isForbidden());
  }

  @Test
  void signedInBrowserSessionCannotUseTheMachineEndpoint() throws Exception {
    mvc.perform(post(WRITE).with(oidc.person("browser-user"))).andExpect(status().isForbidden());
  }

  @Test
  void bearerTokenNeverReachesPersonalEndpoints() throws Exception {
    String token = oidc.bearerToken("test.write");
    mvc.perform(post("/api/v1/profile/experiences").header("Authorization", "Bearer " + token))
        .andExpect(status().isForbidden());
    // A token is no person: reading a profile with one finds nobody signed in.
    mvc.perform(get("/api/v1/profile").header("Authorization", "Bearer " + token))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void privateAreasNeedSignIn() throws Exception {
    mvc.perform(get("/profile"))
        .andExpect(status().is3xxRedirection())
        .andExpect(header().string("Location", org.hamcrest.Matchers.endsWith("/sign-in")));
    mvc.perform(get("/api/v1/profile")).andExpect(status().isUnauthorized());
  }

  @Test
  void signInPageSaysItIsADevelopmentLogin() throws Exception {
    mvc.perform(get("/sign-in"))
        .andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.containsString("development-login")));
  }

  @Test
  void codeFlowSignsInWithAFreshSession() {
    OidcTestSupport.SignedInClient client = oidc.signIn(url(""), "flow-person");
    // Session fixation protection: the session that existed before sign-in is not the one after.
    assertThat(client.sessionBeforeSignIn()).isNotNull();
    assertThat(client.sessionAfterSignIn()).isNotNull().isNotEqualTo(client.sessionBeforeSignIn());
    HttpResponse<String> profile = client.get("/profile");
    assertThat(profile.statusCode()).isEqualTo(200);
    // The same subject signs in as the same person.
    String code = profileCode(profile.body());
    String again = profileCode(oidc.signIn(url(""), "flow-person").get("/profile").body());
    assertThat(again).isEqualTo(code);
    assertThat(profileCode(oidc.signIn(url(""), "someone-else").get("/profile").body()))
        .isNotEqualTo(code);
    assertThat(client.postForm("/sign-out", Map.of()).statusCode()).isEqualTo(302);
    assertThat(client.get("/profile").statusCode()).isEqualTo(302);
  }

  private static String profileCode(String html) {
    var m = java.util.regex.Pattern.compile("<code>([0-9a-f-]{36})</code>").matcher(html);
    assertThat(m.find()).as("profile code on the page").isTrue();
    return m.group(1);
  }
}
