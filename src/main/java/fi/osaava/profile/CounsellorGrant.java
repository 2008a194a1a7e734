package fi.osaava.profile;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A person's consent for one guidance counsellor of one organisation to read chosen parts of their
 * profile until a given moment. Live while neither revoked nor past its end.
 *
 * @param clientName the name the person chose to show the counsellor (the profile holds no names)
 */
public record CounsellorGrant(
    UUID id,
    PersonId client,
    PersonId counsellor,
    String organisation,
    String clientName,
    Set<SharedPart> parts,
    Instant grantedAt,
    Instant expiresAt,
    @Nullable Instant revokedAt) {

  public CounsellorGrant {
    parts = Set.copyOf(parts);
  }

  public boolean liveAt(Instant now) {
    return revokedAt == null && now.isBefore(expiresAt);
  }
}
