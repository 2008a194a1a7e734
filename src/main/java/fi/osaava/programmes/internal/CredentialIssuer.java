package fi.osaava.programmes.internal;

import fi.osaava.platform.Directories;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Issues Open Badges 3.0 credentials as VC-JWTs signed with the service's own Ed25519 key. The key
 * is configured as {@code osaava.programmes.credential-key} (the base64 PKCS#8 private and X.509
 * public key, separated by a space) or generated once into {@code
 * <home>/secrets/programme-credentials-ed25519.key}, readable by the owner only. The issuer is a
 * {@code did:jwk} of the public key, so each credential carries the key that verifies it: rotating
 * the key (replacing the file) leaves every credential issued before verifiable, and nothing on the
 * network has to be trusted or reached to check one.
 */
@Component
public class CredentialIssuer {

  static final String FILE = "programme-credentials-ed25519.key";

  private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

  private final PrivateKey privateKey;
  private final String did;
  private final ObjectMapper json;

  CredentialIssuer(
      @Value("${osaava.programmes.credential-key:}") String configured,
      Directories directories,
      ObjectMapper json) {
    this.json = json;
    KeyPair pair =
        configured.isBlank()
            ? readOrCreate(directories.home().resolve("secrets").resolve(FILE))
            : keyPair(configured);
    this.privateKey = pair.getPrivate();
    this.did = "did:jwk:" + URL.encodeToString(json.writeValueAsBytes(jwk(pair.getPublic())));
  }

  /** The issuer's decentralised identifier, which is its public key. */
  public String did() {
    return did;
  }

  /** What a credential says: the package, its level, the skills of its outcomes. */
  public record Achievement(
      String id,
      String name,
      String description,
      String level,
      String creator,
      Map<String, String> skills) {}

  /**
   * A signed credential for {@code achievement}, issued now. It names no person: it lands in the
   * learner's own profile, whose owner it is.
   *
   * @return a compact JWS
   */
  public String issue(Achievement achievement, Instant now) {
    String id = "urn:uuid:" + UUID.randomUUID();
    List<Map<String, Object>> alignments =
        achievement.skills().entrySet().stream()
            .map(
                e -> {
                  Map<String, Object> alignment = new LinkedHashMap<>();
                  alignment.put("type", List.of("Alignment"));
                  alignment.put("targetName", e.getValue());
                  alignment.put("targetUrl", e.getKey());
                  alignment.put("targetFramework", "ESCO");
                  alignment.put("targetType", "ext:ESCOSkill");
                  return alignment;
                })
            .toList();
    Map<String, Object> badge = new LinkedHashMap<>();
    badge.put("id", achievement.id());
    badge.put("type", List.of("Achievement"));
    badge.put("achievementType", "Course");
    badge.put("name", achievement.name());
    badge.put("description", achievement.description());
    badge.put("criteria", Map.of("narrative", "Completed every module of the training package."));
    badge.put("tag", List.of("level:" + achievement.level()));
    badge.put("creator", Map.of("id", achievement.creator(), "type", List.of("Profile")));
    badge.put("alignment", alignments);
    Map<String, Object> credential = new LinkedHashMap<>();
    credential.put(
        "@context",
        List.of(
            "https://www.w3.org/ns/credentials/v2",
            "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"));
    credential.put("id", id);
    credential.put("type", List.of("VerifiableCredential", "OpenBadgeCredential"));
    credential.put("issuer", Map.of("id", did, "type", List.of("Profile"), "name", "Osaava"));
    credential.put("validFrom", now.toString());
    credential.put("name", achievement.name());
    credential.put(
        "credentialSubject", Map.of("type", List.of("AchievementSubject"), "achievement", badge));
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("iss", did);
    payload.put("jti", id);
    payload.put("nbf", now.getEpochSecond());
    payload.put("vc", credential);
    Map<String, Object> header = Map.of("alg", "EdDSA", "typ", "JWT", "kid", did + "#0");
    String signingInput =
        URL.encodeToString(json.writeValueAsBytes(header))
            + "."
            + URL.encodeToString(json.writeValueAsBytes(payload));
    try {
      Signature signature = Signature.getInstance("Ed25519");
      signature.initSign(privateKey);
      signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
      return signingInput + "." + URL.encodeToString(signature.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 signing unavailable", e);
    }
  }

  private static Map<String, String> jwk(PublicKey key) {
    byte[] encoded = key.getEncoded();
    // The raw key is the last 32 bytes of an Ed25519 SubjectPublicKeyInfo.
    byte[] raw = Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
    Map<String, String> jwk = new LinkedHashMap<>();
    jwk.put("kty", "OKP");
    jwk.put("crv", "Ed25519");
    jwk.put("x", URL.encodeToString(raw));
    return jwk;
  }

  /** A key pair from its two base64 halves: PKCS#8 private key, then X.509 public key. */
  private static KeyPair keyPair(String text) {
    String[] halves = text.strip().split("\\s+");
    if (halves.length != 2) {
      throw new IllegalStateException(
          "The credential key is two base64 values: the PKCS#8 private and X.509 public key");
    }
    try {
      KeyFactory factory = KeyFactory.getInstance("Ed25519");
      Base64.Decoder b64 = Base64.getDecoder();
      return new KeyPair(
          factory.generatePublic(new X509EncodedKeySpec(b64.decode(halves[1]))),
          factory.generatePrivate(new PKCS8EncodedKeySpec(b64.decode(halves[0]))));
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalStateException("Not an Ed25519 key pair", e);
    }
  }

  private static KeyPair readOrCreate(Path file) {
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        KeyPair fresh = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        try {
          Files.createFile(
              file,
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
          Base64.Encoder b64 = Base64.getEncoder();
          Files.writeString(
              file,
              b64.encodeToString(fresh.getPrivate().getEncoded())
                  + "\n"
                  + b64.encodeToString(fresh.getPublic().getEncoded())
                  + "\n");
        } catch (FileAlreadyExistsException raced) {
          // Another process created it first: use theirs.
        }
      }
      return keyPair(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the credential key " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Ed25519 unavailable", e);
    }
  }
}
