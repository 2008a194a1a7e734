package fi.osaava.education;

import fi.osaava.platform.Language;
import java.util.Optional;
import java.util.function.Consumer;

/** The education catalogue as other modules see it. Thread-safe. */
public interface EducationApi {

  /**
   * Streams every active offering with its skills, for matching and learning-path composition.
   *
   * @param language the language of titles
   */
  void forEachMatchableOffering(Language language, Consumer<MatchableOffering> consumer);

  /**
   * Identifies the ESCO skills of every offering still waiting for them, now and in the calling
   * thread (the service otherwise does this in the background after imports). Batch work such as
   * evaluations calls this first so that it sees the whole catalogue's skills.
   *
   * @return how many offerings were processed
   */
  int identifyPendingSkills();

  /**
   * The providers of the active offerings, named in {@code language} where the source gives that
   * name (else in Finnish, Swedish or English), each with the offerings it provides.
   */
  java.util.Map<String, java.util.Set<OfferingId>> offeringsByProvider(Language language);

  /** One active offering, or empty when unknown or deactivated. */
  Optional<MatchableOffering> matchableOffering(OfferingId id, Language language);

  /**
   * One active offering with its words and search facet values, or empty when unknown or
   * deactivated.
   */
  Optional<SearchableOffering> searchableOffering(OfferingId id);
}
