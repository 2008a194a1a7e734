package fi.osaava.profile;

import fi.osaava.taxonomy.ConceptUri;
import java.util.Collection;
import java.util.Optional;
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
}
