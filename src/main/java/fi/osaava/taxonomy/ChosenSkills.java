package fi.osaava.taxonomy;

import fi.osaava.platform.Language;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The ESCO skills that an editor form holds as URIs, ticked or typed by hand: which of them the
 * taxonomy knows as skills, to show with their labels, and which it does not.
 */
@Component
public class ChosenSkills {

  /** Longer than any ESCO URI: what is longer is no skill, and is not looked up. */
  private static final int MAX_URI_LENGTH = 200;

  private final TaxonomyApi taxonomy;

  ChosenSkills(TaxonomyApi taxonomy) {
    this.taxonomy = taxonomy;
  }

  /**
   * The ESCO skills among {@code uris}, once each in the order given, labelled in {@code language};
   * what is no skill's URI is left out.
   */
  public List<ConceptSummary> known(
      @Nullable List<? extends @Nullable String> uris, Language language) {
    if (uris == null || uris.isEmpty()) {
      return List.of();
    }
    List<ConceptUri> wanted = new ArrayList<>();
    for (String uri : new LinkedHashSet<>(uris)) {
      if (uri != null && uri.startsWith("http") && uri.length() <= MAX_URI_LENGTH) {
        wanted.add(ConceptUri.of(uri.strip()));
      }
    }
    return taxonomy.summaries(wanted, language).stream()
        .filter(s -> s.type() == ConceptType.SKILL)
        .toList();
  }

  /**
   * The {@code uris} that are no skill the taxonomy knows, in the order given: on an edit form, the
   * stored skills that ESCO no longer has go to the field of typed URIs, so that saving keeps them
   * as the push API's reader would.
   */
  public List<String> unknown(List<String> uris, Language language) {
    Set<String> known = new HashSet<>();
    known(uris, language).forEach(s -> known.add(s.uri().value()));
    return uris.stream().filter(uri -> !known.contains(uri)).toList();
  }
}
