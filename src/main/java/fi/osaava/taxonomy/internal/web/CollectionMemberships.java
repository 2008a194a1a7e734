package fi.osaava.taxonomy.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import fi.osaava.platform.ResultPage;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.EscoImported;
import fi.osaava.taxonomy.SkillCollection;
import fi.osaava.taxonomy.TaxonomyApi;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Which collections each concept belongs to, for the concept page and JSON. {@link TaxonomyApi}
 * answers only the other direction (a collection's members), so the few thousand memberships are
 * read once and kept until the next ESCO import.
 */
@Component
class CollectionMemberships {

  private final TaxonomyApi taxonomy;
  private volatile Map<ConceptUri, List<String>> byConcept;

  /** Counts imports, so that a load that an import overtook does not keep its stale result. */
  private final AtomicLong imports = new AtomicLong();

  CollectionMemberships(TaxonomyApi taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** Codes of the collections holding {@code uri}, sorted; empty when none. */
  List<String> of(ConceptUri uri) {
    Map<ConceptUri, List<String>> map = byConcept;
    if (map == null) {
      map = load();
    }
    return map.getOrDefault(uri, List.of());
  }

  private synchronized Map<ConceptUri, List<String>> load() {
    if (byConcept != null) {
      return byConcept;
    }
    long importsBefore = imports.get();
    Map<ConceptUri, Set<String>> sets = new HashMap<>();
    for (SkillCollection collection : taxonomy.collections()) {
      int page = 0;
      ResultPage<ConceptSummary> members;
      do {
        // Labels are not used; English is the language every concept has.
        members =
            taxonomy.collectionMembers(
                collection.code(), Language.FALLBACK, new Paging(page++, Paging.MAX_SIZE));
        for (ConceptSummary member : members.items()) {
          sets.computeIfAbsent(member.uri(), uri -> new TreeSet<>()).add(collection.code());
        }
      } while (members.hasNext());
    }
    Map<ConceptUri, List<String>> lists = new HashMap<>();
    sets.forEach((uri, codes) -> lists.put(uri, List.copyOf(codes)));
    Map<ConceptUri, List<String>> loaded = Map.copyOf(lists);
    if (imports.get() == importsBefore) {
      byConcept = loaded;
    }
    return loaded;
  }

  /** A new import may change the collections; the next request reads them again. */
  @TransactionalEventListener(fallbackExecution = true)
  void onImport(EscoImported imported) {
    imports.incrementAndGet();
    byConcept = null;
  }
}
