package fi.osaava.programmes.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.platform.Directories;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The credential key is generated once into the home's secrets, owner-only, and reused; each
 * credential carries its key as a {@code did:jwk}, so credentials signed before a key rotation
 * still verify after it.
 */
class CredentialIssuerTest {

  static final CredentialIssuer.Achievement ACHIEVEMENT =
      new CredentialIssuer.Achievement(
          "urn:osaava:programmes:package:ai-basics:version:1",
          "AI in public services – the basics",
          "What AI is and is not.",
          "basic",
          "osaava",
          Map.of(
              "http://data.europa.eu/esco/skill/e465a154-93f7-4973-9ce1-31659fe16dd2",
              "principles of artificial intelligence"));

  static CredentialIssuer issuer(Path home) {
    return new CredentialIssuer("", new Directories(home, Optional.empty()), JsonMapper.shared());
  }

  /** Verifies a compact JWS with the key its own {@code kid} names, as any verifier would. */
  static boolean verifies(String jws) throws Exception {
    String[] parts = jws.split("\\.");
    Base64.Decoder b64 = Base64.getUrlDecoder();
    JsonNode header = JsonMapper.shared().readTree(b64.decode(parts[0]));
    String kid = header.path("kid").asString();
    assertThat(kid).startsWith("did:jwk:");
    JsonNode jwk =
        JsonMapper.shared().readTree(b64.decode(kid.substring(8).replaceFirst("#.*$", "")));
    assertThat(jwk.path("kty").asString()).isEqualTo("OKP");
    byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
    byte[] x = b64.decode(jwk.path("x").asString());
    byte[] der = new byte[prefix.length + x.length];
    System.arraycopy(prefix, 0, der, 0, prefix.length);
    System.arraycopy(x, 0, der, prefix.length, x.length);
    PublicKey key = KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
    Signature signature = Signature.getInstance("Ed25519");
    signature.initVerify(key);
    signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
    return signature.verify(b64.decode(parts[2]));
  }

  @Test
  void theKeyIsMadeOnceOwnerOnlyAndKept(@TempDir Path home) throws Exception {
    CredentialIssuer first = issuer(home);
    Path file = home.resolve("secrets").resolve(CredentialIssuer.FILE);
    assertThat(Files.getPosixFilePermissions(file))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(issuer(home).did()).isEqualTo(first.did());
  }

  @Test
  void aCredentialNamesThePackageLevelDateAndSkillsAndVerifiesAfterTheKeyIsRotated(
      @TempDir Path home) throws Exception {
    Instant issued = Instant.parse("2026-12-06T10:00:00Z");
    String before = issuer(home).issue(ACHIEVEMENT, issued);
    Files.delete(home.resolve("secrets").resolve(CredentialIssuer.FILE));
    CredentialIssuer rotated = issuer(home);
    String after = rotated.issue(ACHIEVEMENT, issued);
    assertThat(verifies(before)).isTrue();
    assertThat(verifies(after)).isTrue();
    assertThat(after.split("\\.")[0]).isNotEqualTo(before.split("\\.")[0]);

    JsonNode payload =
        JsonMapper.shared().readTree(Base64.getUrlDecoder().decode(before.split("\\.")[1]));
    JsonNode vc = payload.path("vc");
    assertThat(vc.path("type").toString()).contains("OpenBadgeCredential");
    assertThat(vc.path("validFrom").asString()).isEqualTo("2026-12-06T10:00:00Z");
    JsonNode achievement = vc.path("credentialSubject").path("achievement");
    assertThat(achievement.path("name").asString()).isEqualTo(ACHIEVEMENT.name());
    assertThat(achievement.path("tag").toString()).contains("level:basic");
    assertThat(achievement.path("alignment").get(0).path("targetUrl").asString())
        .isEqualTo("http://data.europa.eu/esco/skill/e465a154-93f7-4973-9ce1-31659fe16dd2");

    String[] parts = before.split("\\.");
    String tampered =
        parts[0]
            + "."
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(
                    new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                        .replace("level:basic", "level:advanced")
                        .getBytes(StandardCharsets.UTF_8))
            + "."
            + parts[2];
    assertThat(verifies(tampered)).isFalse();
  }
}
