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

  /** One active offering, or empty when unknown or deactivated. */
  Optional<MatchableOffering> matchableOffering(OfferingId id, Language language);
}
