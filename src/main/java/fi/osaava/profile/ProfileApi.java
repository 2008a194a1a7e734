package fi.osaava.profile;

import fi.osaava.taxonomy.ConceptUri;
import java.util.Collection;
import java.util.Optional;
import java.util.UUID;
import org.springframework.security.core.Authentication;

/** The citizen profile as other modules see it. Thread-safe. */
public interface ProfileApi {

  /**
   * The person behind a signed-in user, created on first sign-in; empty when not signed in or when
   * the account has been deleted.
   */
  Optional<PersonId> currentPerson(Authentication authentication);

  /**
   * The person's own skills and interests, for features that serve the person themself (such as
   * their opportunities). Reading someone else's profile goes through the consent check instead.
   */
  CompetenceSnapshot competence(PersonId person);

  /** How complete the person's own profile is and what waits for their decision. */
  ProfileProgress progress(PersonId person);

  /**
   * Adds skills gained by completing a step of a learning plan, as self-declared skills whose
   * source names the step and offering; skills already in the profile keep their level.
   *
   * @param source a short description of the completed step, kept as the evidence text
   */
  void recordCompletedLearning(PersonId person, String source, Collection<ConceptUri> skills);

  /**
   * Stores a credential that the service itself issued to the person (for example on completing a
   * training package), exactly as if the person had imported the file: an Open Badges 3.0 VC-JWT
   * whose signature the profile checks, and whose ESCO alignments become verified skills with the
   * credential's issuer and title as their source.
   *
   * @param fileName names the credential in messages
   * @return the stored credential's id
   * @throws fi.osaava.platform.InvalidInputException when the profile refuses it (a signature that
   *     does not match, a document it does not recognise); nothing is stored then
   */
  UUID addIssuedCredential(PersonId person, String fileName, byte[] credential);
}
