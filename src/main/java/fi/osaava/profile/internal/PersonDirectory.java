package fi.osaava.profile.internal;

import fi.osaava.profile.PersonId;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maps a signed-in user to their {@link PersonId}. The identifying claim (configurable, {@code sub}
 * by default; a national ID claim with an identification broker) is HMAC'd with the {@link
 * IdentityKey} and looked up in the identity table; a new person is created on first sign-in (the
 * first request of a session, see {@link #signedInPerson}), never later in the session. Bearer
 * tokens of machine clients are not people and map to nobody.
 */
@Component
public class PersonDirectory {

  private final JdbcClient jdbc;
  private final IdentityKey key;
  private final AuditLog audit;
  private final String claim;

  PersonDirectory(
      JdbcClient jdbc,
      IdentityKey key,
      AuditLog audit,
      @Value("${osaava.sign-in.identity-claim:sub}") String claim) {
    this.jdbc = jdbc;
    this.key = key;
    this.audit = audit;
    this.claim = claim;
  }

  /**
   * The existing person behind a signed-in user; empty when not signed in or when the account does
   * not exist (any more). It never creates one: a request that raced with the deletion of its own
   * account must not bring the account back ({@link #signedInPerson} creates it, once per session).
   */
  @Transactional(readOnly = true)
  public Optional<PersonId> currentPerson(Authentication authentication) {
    return identifier(authentication)
        .flatMap(
            identifier ->
                jdbc.sql("SELECT person_id FROM profile_identity WHERE identity_hmac = ?")
                    .param(key.hmac(identifier))
                    .query(UUID.class)
                    .optional()
                    .map(PersonId::new));
  }

  /**
   * The person behind a signed-in user, created when new: called by the web layer when a session
   * (or a request without one) is first seen, before any controller asks {@link #currentPerson}.
   */
  @Transactional
  public Optional<PersonId> signedInPerson(Authentication authentication) {
    return identifier(authentication).map(this::personFor);
  }

  private Optional<String> identifier(Authentication authentication) {
    if (!(authentication instanceof OAuth2AuthenticationToken token)
        || !authentication.isAuthenticated()) {
      return Optional.empty();
    }
    Object value = claimValue(token);
    if (value == null || value.toString().isBlank()) {
      return Optional.empty();
    }
    return Optional.of(value.toString());
  }

  private @Nullable Object claimValue(OAuth2AuthenticationToken token) {
    if (token.getPrincipal() instanceof OidcUser oidc) {
      Object fromToken = oidc.getClaims().get(claim);
      if (fromToken != null) {
        return fromToken;
      }
    }
    Map<String, Object> attributes = token.getPrincipal().getAttributes();
    return attributes.get(claim);
  }

  /** The person for a provider identifier, created when new. */
  @Transactional
  public PersonId personFor(String identifier) {
    byte[] hmac = key.hmac(identifier);
    Optional<UUID> existing =
        jdbc.sql("SELECT person_id FROM profile_identity WHERE identity_hmac = ?")
            .param(hmac)
            .query(UUID.class)
            .optional();
    if (existing.isPresent()) {
      return new PersonId(existing.get());
    }
    UUID id = UUID.randomUUID();
    jdbc.sql("INSERT INTO profile_person (id) VALUES (?)").param(id).update();
    int inserted =
        jdbc.sql(
                "INSERT INTO profile_identity (identity_hmac, person_id) VALUES (?, ?)"
                    + " ON CONFLICT (identity_hmac) DO NOTHING")
            .params(hmac, id)
            .update();
    if (inserted == 0) {
      // A parallel first sign-in of the same person won; drop ours and use theirs.
      jdbc.sql("DELETE FROM profile_person WHERE id = ?").param(id).update();
      return new PersonId(
          jdbc.sql("SELECT person_id FROM profile_identity WHERE identity_hmac = ?")
              .param(hmac)
              .query(UUID.class)
              .single());
    }
    PersonId person = new PersonId(id);
    audit.record(person, "self", "account-created");
    return person;
  }

  public boolean exists(PersonId person) {
    return jdbc.sql("SELECT count(*) FROM profile_person WHERE id = ?")
            .param(person.value())
            .query(Long.class)
            .single()
        > 0;
  }
}
