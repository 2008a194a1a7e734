package fi.osaava.education.internal.search;

import fi.osaava.identification.Identification;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifiedConcept;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.platform.DataChanged;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.Paging;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.EscoImported;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.taxonomy.TaxonomyApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * What a query that names nothing in the catalogue is about, as ESCO skills: the last resort of the
 * education search. The catalogue holds few vocational qualifications and no short courses, so
 * "sähköasentaja", "rörmokare" or "elderly care" name nothing in it, while the identification
 * engine knows them as occupations and skills. The offerings that teach those skills are the honest
 * next answer, shown as such: the page says that nothing is named so, and which occupations and
 * skills the results were found through.
 */
@Component
class RelatedSkills {

  /** A skill the query was understood to be about, with how strongly. */
  record Weighted(String uri, double weight) {}

  /**
   * The query understood as skills.
   *
   * @param via the occupations and skills it was understood as, for the explanation, best first
   * @param skills skill URIs with weights, strongest first
   * @param offerings the active offerings that teach enough of them ({@link #ENOUGH})
   */
  record Understood(List<LocalizedText> via, List<Weighted> skills, List<UUID> offerings) {

    static final Understood NOTHING = new Understood(List.of(), List.of(), List.of());

    Understood {
      via = List.copyOf(via);
      skills = List.copyOf(skills);
      offerings = List.copyOf(offerings);
    }
  }

  /**
   * What an offering must reach to be shown, summing over the skills it teaches their weight times
   * how strongly it teaches them: one skill the query names outright, or several specific skills of
   * the occupation it names. One generic skill that half the trades share is not enough.
   */
  static final double ENOUGH = 0.3;

  /**
   * An essential skill shared by more occupations than this is weighted down in proportion:
   * "communicate with customers" tells nothing about which trade a query names, while "install
   * plumbing systems" does.
   */
  static final int SPECIFIC = 10;

  /** Offerings considered at most: far more than a person pages through. */
  static final int MAX_OFFERINGS = 500;

  /**
   * An occupation counts only when the query names it nearly outright: a title typed as a query
   * ("vartija", "plumber") scores about 1, while occupations inferred from a topic score lower and
   * would pull in the skills of neighbouring trades.
   */
  static final double OCCUPATION_CONFIDENCE = 0.9;

  /** Occupations whose essential skills are used, so that a cluster of titles does not dilute. */
  static final int OCCUPATIONS = 3;

  /**
   * An essential skill of a named occupation counts below a skill the query itself names: it is the
   * occupation's, not necessarily what the person typed.
   */
  static final double ESSENTIAL_WEIGHT = 0.3;

  /** Skills in the query itself, above the identification's own confidence threshold. */
  static final int SKILLS = 10;

  private final IdentificationApi identification;
  private final TaxonomyApi taxonomy;
  private final TaughtSkills taught;

  /**
   * Skill URI → how many occupations need it essentially; built on first use, dropped on import.
   */
  private volatile @Nullable Map<String, Integer> essentialFor;

  /**
   * Whether ESCO is imported, once it has been: an import is never undone, and asking the database
   * on every search that found nothing was a round trip on the path that sets the search's tail
   * latency (docs/benchmarks.md, issue #20).
   */
  private volatile boolean escoImported;

  RelatedSkills(IdentificationApi identification, TaxonomyApi taxonomy, TaughtSkills taught) {
    this.identification = identification;
    this.taxonomy = taxonomy;
    this.taught = taught;
  }

  /**
   * Occupation and language → the occupation's essential skills' URIs in the taxonomy's order: a
   * database read per named occupation on every search that found nothing, and ESCO changes only by
   * an import. At most every occupation in every language.
   */
  private final Map<String, List<String>> essentialSkills = new ConcurrentHashMap<>();

  @ApplicationModuleListener
  void escoImported(EscoImported event) {
    forgetEsco();
  }

  /** ESCO imported beside the service or on another node: as after an import here. */
  @EventListener
  void dataChanged(DataChanged event) {
    if (event.elsewhere() && event.concerns(EscoImported.DATASET)) {
      forgetEsco();
    }
  }

  private void forgetEsco() {
    essentialFor = null;
    essentialSkills.clear();
  }

  private List<String> essentialSkills(ConceptUri occupation, Language language) {
    return essentialSkills.computeIfAbsent(
        occupation.value() + " " + language.name(),
        key ->
            taxonomy
                .skillsOfOccupation(
                    occupation, RelationType.ESSENTIAL, language, new Paging(0, 200))
                .items()
                .stream()
                .map(s -> s.concept().uri().value())
                .toList());
  }

  private Map<String, Integer> essentialFor() {
    Map<String, Integer> counts = essentialFor;
    if (counts == null) {
      Map<String, Integer> built = new HashMap<>();
      taxonomy.forEachOccupationSkill(
          r -> {
            if (r.relation() == RelationType.ESSENTIAL) {
              built.merge(r.skill().value(), 1, Integer::sum);
            }
          });
      counts = Map.copyOf(built);
      essentialFor = counts;
    }
    return counts;
  }

  private boolean escoImported() {
    if (!escoImported) {
      escoImported = taxonomy.imported();
    }
    return escoImported;
  }

  Understood understand(@Nullable String text, Language language) {
    // Without ESCO there is nothing to understand a query as (a catalogue may be imported first);
    // the words' own empty result stands.
    if (text == null || text.isBlank() || !escoImported()) {
      return Understood.NOTHING;
    }
    Identification found =
        identification.identify(
            text,
            language,
            new IdentifyOptions(
                SKILLS, IdentifyOptions.DEFAULT_THRESHOLD, true, true, language, 0));
    Map<String, Double> weights = new LinkedHashMap<>();
    List<LocalizedText> via = new ArrayList<>();
    for (IdentifiedConcept skill : found.skills()) {
      if (skill.confident()) {
        weights.merge(skill.uri().value(), skill.score(), Math::max);
      }
    }
    List<IdentifiedConcept> occupations =
        found.occupations().stream()
            .filter(o -> o.confident() && o.score() >= OCCUPATION_CONFIDENCE)
            .limit(OCCUPATIONS)
            .toList();
    Map<String, Integer> shared = occupations.isEmpty() ? Map.of() : essentialFor();
    for (IdentifiedConcept occupation : occupations) {
      via.add(occupation.label());
      for (String uri : essentialSkills(occupation.uri(), language)) {
        int needs = Math.max(1, shared.getOrDefault(uri, 1));
        double weight = ESSENTIAL_WEIGHT * Math.min(1.0, (double) SPECIFIC / needs);
        weights.merge(uri, weight, Math::max);
      }
    }
    found.skills().stream()
        .filter(IdentifiedConcept::confident)
        .limit(OCCUPATIONS)
        .forEach(s -> via.add(s.label()));
    List<Weighted> skills =
        weights.entrySet().stream()
            .map(e -> new Weighted(e.getKey(), e.getValue()))
            .sorted((a, b) -> Double.compare(b.weight(), a.weight()))
            .toList();
    if (skills.isEmpty()) {
      return Understood.NOTHING;
    }
    return new Understood(via, skills, offerings(skills));
  }

  /** The active offerings whose taught skills reach {@link #ENOUGH}, best first. */
  private List<UUID> offerings(List<Weighted> skills) {
    return taught.offerings(
        skills.stream().map(Weighted::uri).toArray(String[]::new),
        skills.stream().mapToDouble(Weighted::weight).toArray(),
        ENOUGH,
        MAX_OFFERINGS);
  }
}
