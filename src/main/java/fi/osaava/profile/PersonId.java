package fi.osaava.profile;

import java.util.Objects;
import java.util.UUID;

/**
 * A person inside Osaava: a random UUID that reveals nothing. The identifier from the sign-in
 * provider (such as a national ID) is kept only in the profile module's identity table.
 */
public record PersonId(UUID value) {

  public PersonId {
    Objects.requireNonNull(value, "value");
  }

  public static PersonId of(String value) {
    return new PersonId(UUID.fromString(value.strip()));
  }

  @Override
  public String toString() {
    return value.toString();
  }
}
