package fi.osaava.taxonomy;

import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import fi.osaava.platform.ResultPage;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** What other modules may ask of the ESCO taxonomy. All reads are in one reader language. */
public interface TaxonomyApi {

  Optional<Concept> concept(ConceptUri uri, Language language);

  /** Summaries of many concepts at once, in the order given; unknown URIs are left out. */
  List<ConceptSummary> summaries(List<ConceptUri> uris, Language language);

  /** All concepts of one type, ordered by label in the reader's language. */
  ResultPage<ConceptSummary> browse(ConceptType type, Language language, Paging paging);

  List<ConceptSummary> broader(ConceptUri uri, Language language);

  ResultPage<ConceptSummary> narrower(ConceptUri uri, Language language, Paging paging);

  /** An occupation's skills, essential first; {@code relation} null for both kinds. */
  ResultPage<RelatedConcept> skillsOfOccupation(
      ConceptUri occupation, RelationType relation, Language language, Paging paging);

  /** The occupations that need a skill, those for which it is essential first. */
  ResultPage<RelatedConcept> occupationsOfSkill(
      ConceptUri skill, RelationType relation, Language language, Paging paging);

  /** Skills ESCO relates to this one (skill–skill relations), essential first. */
  List<RelatedConcept> relatedSkills(ConceptUri skill, Language language);

  List<SkillCollection> collections();

  ResultPage<ConceptSummary> collectionMembers(String code, Language language, Paging paging);

  /** Codes of the collections that hold a concept, sorted; empty when none. */
  List<String> collectionsOf(ConceptUri uri);

  /**
   * Label autocomplete: what was typed is matched as a prefix (and with typo tolerance) against
   * preferred, alternative and hidden labels in {@code language}, morphology-aware for Finnish.
   * Preferred labels rank first. Languages without labels for a type fall back to English.
   *
   * @param types concept types to include; empty for all
   */
  List<Suggestion> autocomplete(String text, Language language, Set<ConceptType> types, int limit);

  TaxonomyStatus status();

  /**
   * Whether an ESCO release has been imported: what {@code status().imported()} says, in one
   * indexed read instead of the status's counts over the whole taxonomy, for callers on a request's
   * path.
   */
  boolean imported();

  /**
   * Every current (not obsolete) concept of the given types with all its labels and descriptions,
   * in URI order, for modules that build their own indexes over ESCO. Reads everything in a few
   * queries; the consumer runs on the caller's thread.
   */
  void forEachConcept(Set<ConceptType> types, Consumer<ConceptRecord> consumer);

  /** Every occupation–skill relation between current concepts. */
  void forEachOccupationSkill(Consumer<OccupationSkill> consumer);

  /**
   * Every broader relation of the skill pillar (skill to skill group, skill to broader skill)
   * between current concepts, in a single query, for modules that build their own graph of ESCO.
   */
  void forEachSkillBroader(Consumer<BroaderRelation> consumer);

  /** Every skill–skill relation between current concepts, in a single query. */
  void forEachSkillRelation(Consumer<SkillRelation> consumer);

  /**
   * Imports official ESCO CSV packages (zips, directories or single files), all or nothing.
   *
   * @throws fi.osaava.platform.InvalidInputException naming file, line and field on bad input;
   *     nothing of the run is then kept
   */
  EscoImportReport importEsco(
      List<Path> inputs, EscoImportOptions options, ImportProgress progress);
}
