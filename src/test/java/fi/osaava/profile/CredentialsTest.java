package fi.osaava.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.web.WebTestBase;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Learner records: formats, verified skills with their issuer, and honest signature status. */
class CredentialsTest extends WebTestBase {

  /** Apache Tomcat in ESCO 1.1.1. */
  static final String TOMCAT = "0fb753a1-2ef2-4429-84d2-ecb2b24daf7a";

  @Autowired ObjectMapper json;

  static String openBadge(String alignmentUrl) {
    return """
        {
          "@context": ["https://www.w3.org/ns/credentials/v2",
                       "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
          "id": "urn:uuid:%s",
          "type": ["VerifiableCredential", "OpenBadgeCredential"],
          "issuer": {"id": "https://example.org/issuers/1", "type": ["Profile"],
                     "name": "Example Training Centre"},
          "validFrom": "2025-05-20T12:00:00Z",
          "name": "Tomcat administration badge",
          "credentialSubject": {
            "type": ["AchievementSubject"],
            "achievement": {
              "id": "https://example.org/achievements/tomcat",
              "type": ["Achievement"],
              "name": "Tomcat administration",
              "description": "Configures and runs Apache Tomcat servers.",
              "criteria": {"narrative": "Passed the practical exam."},
              "alignment": [{"type": ["Alignment"], "targetName": "Apache Tomcat",
                             "targetUrl": "%s", "targetFramework": "ESCO"}]
            }
          }
        }
        """
        .formatted(UUID.randomUUID(), alignmentUrl);
  }

  private JsonNode importFile(RequestPostProcessor me, String body, int expected) throws Exception {
    String response =
        mvc.perform(
                post("/api/v1/profile/credentials")
                    .with(me)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(body))
            .andExpect(status().is(expected))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(response);
  }

  private JsonNode skills(RequestPostProcessor me) throws Exception {
    return json.readTree(
        mvc.perform(get("/api/v1/profile/skills").with(me))
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  @Test
  void openBadgeSkillBecomesAVerifiedSkillWithItsIssuer() throws Exception {
    RequestPostProcessor me = oidc.person("badge-" + UUID.randomUUID());
    JsonNode credential =
        importFile(me, openBadge("http://data.europa.eu/esco/skill/" + TOMCAT), 201);
    assertThat(credential.path("format").asString()).isEqualTo("open-badge-3");
    assertThat(credential.path("title").asString()).isEqualTo("Tomcat administration");
    assertThat(credential.path("issuer").asString()).isEqualTo("Example Training Centre");
    assertThat(credential.path("issuedOn").asString()).isEqualTo("2025-05-20");
    assertThat(credential.path("signatureChecked").asBoolean()).isFalse();
    assertThat(credential.path("verificationNote").asString()).isEqualTo("unsigned");
    JsonNode skills = skills(me);
    assertThat(skills.size()).isEqualTo(1);
    assertThat(skills.get(0).path("skillUri").asString()).endsWith(TOMCAT);
    assertThat(skills.get(0).path("verified").asBoolean()).isTrue();
    assertThat(skills.get(0).path("issuer").asString()).isEqualTo("Example Training Centre");
    assertThat(skills.get(0).path("sourceKind").asString()).isEqualTo("CREDENTIAL");
    // Named by the credential, not found by the engine.
    assertThat(skills.get(0).path("identified").asBoolean()).isFalse();
  }

  @Test
  void dataIntegrityProofIsReportedAsNotChecked() throws Exception {
    RequestPostProcessor me = oidc.person("proof-" + UUID.randomUUID());
    String withProof =
        openBadge("http://data.europa.eu/esco/skill/" + TOMCAT)
            .replaceFirst(
                "\\{",
                "{\"proof\": {\"type\": \"DataIntegrityProof\", \"cryptosuite\": \"eddsa-rdfc-2022\","
                    + " \"proofValue\": \"z58DAdFfa9\"},");
    JsonNode credential = importFile(me, withProof, 201);
    assertThat(credential.path("signatureChecked").asBoolean()).isFalse();
    assertThat(credential.path("verificationNote").asString())
        .isEqualTo("data-integrity-not-checked");
  }

  @Test
  void vcJwtWithDidJwkIsCheckedAndATamperedOneRefused() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair keys = generator.generateKeyPair();
    ECPublicKey pub = (ECPublicKey) keys.getPublic();
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    String jwk =
        "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"%s\",\"y\":\"%s\"}"
            .formatted(
                b64.encodeToString(fixed(pub.getW().getAffineX().toByteArray())),
                b64.encodeToString(fixed(pub.getW().getAffineY().toByteArray())));
    String did = "did:jwk:" + b64.encodeToString(jwk.getBytes(StandardCharsets.UTF_8));
    String header =
        b64.encodeToString(
            ("{\"alg\":\"ES256\",\"typ\":\"JWT\",\"kid\":\"" + did + "#0\"}")
                .getBytes(StandardCharsets.UTF_8));
    String badge = openBadge("http://data.europa.eu/esco/skill/" + TOMCAT);
    String payload =
        b64.encodeToString(
            ("{\"iss\":\"" + did + "\",\"vc\":" + badge + "}").getBytes(StandardCharsets.UTF_8));
    Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
    signer.initSign(keys.getPrivate());
    signer.update((header + "." + payload).getBytes(StandardCharsets.US_ASCII));
    String jws = header + "." + payload + "." + b64.encodeToString(signer.sign());

    RequestPostProcessor me = oidc.person("jwt-" + UUID.randomUUID());
    JsonNode credential = importFile(me, jws, 201);
    assertThat(credential.path("signatureChecked").asBoolean()).isTrue();
    assertThat(credential.path("verificationNote").asString()).isEqualTo("did-jwk");
    assertThat(skills(me).size()).isEqualTo(1);

    String tamperedPayload =
        b64.encodeToString(
            ("{\"iss\":\"" + did + "\",\"vc\":" + badge.replace("Example", "Forged") + "}")
                .getBytes(StandardCharsets.UTF_8));
    RequestPostProcessor other = oidc.person("jwt-tampered-" + UUID.randomUUID());
    String tampered =
        header + "." + tamperedPayload + "." + jws.substring(jws.lastIndexOf('.') + 1);
    importFile(other, tampered, 400);
    assertThat(skills(other).size()).isZero();
  }

  /** A coordinate as exactly 32 bytes, as JWK wants it (BigInteger adds or drops a zero byte). */
  private static byte[] fixed(byte[] value) {
    byte[] out = new byte[32];
    int from = Math.max(0, value.length - 32);
    System.arraycopy(value, from, out, 32 - (value.length - from), value.length - from);
    return out;
  }

  @Test
  void europeanLearningModelCredentialIsRead() throws Exception {
    String elm =
        """
        {
          "@context": ["https://www.w3.org/ns/credentials/v2",
                       "http://data.europa.eu/snb/model/context/edc-ap"],
          "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
          "issuer": {"type": "Organisation", "legalName": {"en": "Test University of Applied Sciences"}},
          "validFrom": "2024-06-01T00:00:00Z",
          "credentialSubject": {
            "type": "Person",
            "hasClaim": [{
              "type": "LearningAchievement",
              "title": {"en": "Web server administration"},
              "specifiedBy": {"learningOutcome": [{"relatedESCOSkill": [
                {"id": "http://data.europa.eu/esco/skill/%s"}]}]}
            }]
          }
        }
        """
            .formatted(TOMCAT);
    RequestPostProcessor me = oidc.person("elm-" + UUID.randomUUID());
    JsonNode credential = importFile(me, elm, 201);
    assertThat(credential.path("format").asString()).isEqualTo("elm");
    assertThat(credential.path("title").asString()).isEqualTo("Web server administration");
    assertThat(credential.path("issuer").asString())
        .isEqualTo("Test University of Applied Sciences");
    assertThat(skills(me).get(0).path("verified").asBoolean()).isTrue();
  }

  @Test
  void nationalBadgeIsRecognisedFromItsCode() throws Exception {
    String badge =
        openBadge("https://example.org/none")
            .replace(
                "https://example.org/achievements/tomcat",
                "https://virkailija.opintopolku.fi/koodisto-service/rest/codeelement/osaamismerkit_1000")
            .replace("\"Tomcat administration\"", "\"Digitaaliset toimintaympäristöt\"");
    RequestPostProcessor me = oidc.person("national-" + UUID.randomUUID());
    JsonNode credential = importFile(me, badge, 201);
    assertThat(credential.path("format").asString()).isEqualTo("national-badge");
    JsonNode skills = skills(me);
    assertThat(skills.size()).as("skills identified from the badge's definition").isPositive();
    for (JsonNode skill : skills) {
      assertThat(skill.path("verified").asBoolean()).isTrue();
      assertThat(skill.path("identified").asBoolean()).isTrue();
    }
  }

  @Test
  void notACredentialIsRefusedWithTheReason() throws Exception {
    RequestPostProcessor me = oidc.person("junk-" + UUID.randomUUID());
    mvc.perform(
            post("/api/v1/profile/credentials")
                .with(me)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"type\": \"Something\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.parameter").value("file"));
    mvc.perform(
            post("/api/v1/profile/credentials")
                .with(me)
                .contentType(MediaType.TEXT_PLAIN)
                .content("not json"))
        .andExpect(status().isBadRequest());
    assertThat(Arrays.asList(skills(me).size())).containsExactly(0);
  }
}
