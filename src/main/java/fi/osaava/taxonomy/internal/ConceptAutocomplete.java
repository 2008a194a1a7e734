package fi.osaava.taxonomy.internal;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.Suggestion;
import java.util.List;
import java.util.Set;

/** The label index behind {@link fi.osaava.taxonomy.TaxonomyApi#autocomplete}. */
public interface ConceptAutocomplete {

  List<Suggestion> suggest(String text, Language language, Set<ConceptType> types, int limit);

  /** Rebuilds the index from the database, after an import or when it is out of date. */
  void rebuild();
}
