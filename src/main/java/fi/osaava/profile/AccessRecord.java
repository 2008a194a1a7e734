package fi.osaava.profile;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One entry of a person's guidance access log: a counsellor read a part, or the person granted or
 * revoked a consent.
 *
 * @param grant the consent the entry belongs to
 * @param action {@code read}, {@code granted} or {@code revoked}
 * @param part the part read; null for grants and revocations
 */
public record AccessRecord(Instant at, UUID grant, String action, @Nullable SharedPart part) {}
