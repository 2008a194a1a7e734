package fi.osaava.profile.internal;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Checks the signature of a credential in compact JWS form (a VC-JWT) with the JDK's own crypto,
 * when the key can be found without trusting anything on the network: a JWK embedded in the header
 * ({@code jwk}), or a {@code did:jwk} key id, which is the key itself. Supported: ES256, ES384
 * (P-256, P-384), EdDSA (Ed25519) and RS256. Such a check proves the content is unchanged since it
 * was signed with that key; it does not prove who holds the key, and the page says so.
 */
final class CredentialSignature {

  /** The outcome; {@code note} is a message key suffix for the page. */
  record Outcome(boolean checked, boolean valid, String note, JsonNode payload) {}

  private CredentialSignature() {}

  static boolean isCompactJws(String text) {
    return text.strip().matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
  }

  static Outcome verify(String compact, ObjectMapper json) {
    String[] parts = compact.strip().split("\\.", -1);
    Base64.Decoder b64 = Base64.getUrlDecoder();
    JsonNode header;
    JsonNode payload;
    try {
      header = json.readTree(new String(b64.decode(parts[0]), StandardCharsets.UTF_8));
      payload = json.readTree(new String(b64.decode(parts[1]), StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      throw new ProfileInputException("file", "a JWS whose header or payload is not JSON");
    }
    String alg = header.path("alg").asString("");
    JsonNode jwk = header.get("jwk");
    String note = "embedded-jwk";
    String kid = header.path("kid").asString("");
    if (jwk == null && kid.startsWith("did:jwk:")) {
      String encoded = kid.substring("did:jwk:".length()).replaceFirst("#.*$", "");
      try {
        jwk = json.readTree(new String(b64.decode(encoded), StandardCharsets.UTF_8));
      } catch (RuntimeException e) {
        throw new ProfileInputException("file", "a did:jwk key id that is not a JWK");
      }
      note = "did-jwk";
    }
    if (jwk == null) {
      return new Outcome(false, false, "key-not-resolvable", payload);
    }
    try {
      PublicKey key = publicKey(jwk);
      String algorithm =
          switch (alg) {
            case "ES256" -> "SHA256withECDSAinP1363Format";
            case "ES384" -> "SHA384withECDSAinP1363Format";
            case "EdDSA", "Ed25519" -> "Ed25519";
            case "RS256" -> "SHA256withRSA";
            default -> null;
          };
      if (algorithm == null) {
        return new Outcome(false, false, "unsupported-algorithm", payload);
      }
      Signature signature = Signature.getInstance(algorithm);
      signature.initVerify(key);
      signature.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      boolean valid = signature.verify(b64.decode(parts[2]));
      return new Outcome(true, valid, valid ? note : "invalid-signature", payload);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      return new Outcome(true, false, "invalid-signature", payload);
    }
  }

  private static PublicKey publicKey(JsonNode jwk) throws GeneralSecurityException {
    Base64.Decoder b64 = Base64.getUrlDecoder();
    String kty = jwk.path("kty").asString("");
    switch (kty) {
      case "EC" -> {
        String curve =
            switch (jwk.path("crv").asString("")) {
              case "P-256" -> "secp256r1";
              case "P-384" -> "secp384r1";
              default -> throw new GeneralSecurityException("unsupported curve");
            };
        AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
        parameters.init(new ECGenParameterSpec(curve));
        ECParameterSpec spec = parameters.getParameterSpec(ECParameterSpec.class);
        ECPoint point =
            new ECPoint(
                new BigInteger(1, b64.decode(jwk.path("x").asString(""))),
                new BigInteger(1, b64.decode(jwk.path("y").asString(""))));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, spec));
      }
      case "OKP" -> {
        if (!"Ed25519".equals(jwk.path("crv").asString(""))) {
          throw new GeneralSecurityException("unsupported OKP curve");
        }
        // The raw key behind the fixed DER prefix of an Ed25519 SubjectPublicKeyInfo.
        byte[] prefix = HexFormat.of().parseHex("302a300506032b6570032100");
        byte[] x = b64.decode(jwk.path("x").asString(""));
        byte[] der = new byte[prefix.length + x.length];
        System.arraycopy(prefix, 0, der, 0, prefix.length);
        System.arraycopy(x, 0, der, prefix.length, x.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(der));
      }
      case "RSA" -> {
        return KeyFactory.getInstance("RSA")
            .generatePublic(
                new RSAPublicKeySpec(
                    new BigInteger(1, b64.decode(jwk.path("n").asString(""))),
                    new BigInteger(1, b64.decode(jwk.path("e").asString("")))));
      }
      default -> throw new GeneralSecurityException("unsupported key type " + kty);
    }
  }
}
