package fi.osaava.taxonomy.internal.importer;

import fi.osaava.taxonomy.ConceptType;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The files of the official ESCO CSV packages, recognised by name. Language files end in {@code
 * _<lang>.csv}; relation files may carry a language suffix in some packages, or none.
 */
enum EscoFileKind {
  SKILLS("skills", ConceptType.SKILL, "KnowledgeSkillCompetence"),
  OCCUPATIONS("occupations", ConceptType.OCCUPATION, "Occupation"),
  ISCO_GROUPS("ISCOGroups", ConceptType.ISCO_GROUP, "ISCOGroup"),
  SKILL_GROUPS("skillGroups", ConceptType.SKILL_GROUP, "SkillGroup"),
  SKILLS_HIERARCHY("skillsHierarchy", null, null),
  COLLECTION(null, null, null),
  CONCEPT_SCHEMES("conceptSchemes", null, null),
  OCCUPATION_SKILL_RELATIONS("occupationSkillRelations", null, null),
  BROADER_SKILL_PILLAR("broaderRelationsSkillPillar", null, null),
  BROADER_OCCUPATION_PILLAR("broaderRelationsOccPillar", null, null),
  SKILL_SKILL_RELATIONS("skillSkillRelations", null, null);

  private static final Pattern FILE =
      Pattern.compile("(?<stem>[A-Za-z]+?)(?:_(?<lang>[A-Za-z]{2,3}(?:-[A-Za-z]+)?))?\\.csv");
  private static final Pattern COLLECTION_STEM = Pattern.compile("(?<name>[A-Za-z]+)Collection");

  /** Null for collections, recognised by their suffix instead. */
  private final @Nullable String stem;

  private final @Nullable ConceptType conceptType;
  private final @Nullable String escoConceptType;

  EscoFileKind(
      @Nullable String stem, @Nullable ConceptType conceptType, @Nullable String escoConceptType) {
    this.stem = stem;
    this.conceptType = conceptType;
    this.escoConceptType = escoConceptType;
  }

  /** The concept type a classification ("pillar") file defines, or null for other files. */
  @Nullable ConceptType conceptType() {
    return conceptType;
  }

  /** The value of the {@code conceptType} column in this kind of file; null for non-pillars. */
  @Nullable String escoConceptType() {
    return escoConceptType;
  }

  boolean isPillar() {
    return conceptType != null;
  }

  /** A recognised file name: its kind, language code (may be null) and collection code. */
  record Match(EscoFileKind kind, @Nullable String languageCode, @Nullable String collection) {}

  static Optional<Match> recognise(String fileName) {
    Matcher m = FILE.matcher(fileName);
    if (!m.matches()) {
      return Optional.empty();
    }
    String stemName = m.group("stem");
    String lang = m.group("lang");
    Matcher collection = COLLECTION_STEM.matcher(stemName);
    if (collection.matches()) {
      return Optional.of(new Match(COLLECTION, lang, collectionCode(collection.group("name"))));
    }
    for (EscoFileKind kind : values()) {
      if (kind.stem != null && kind.stem.equals(stemName)) {
        return Optional.of(new Match(kind, lang, null));
      }
    }
    return Optional.empty();
  }

  /**
   * {@code digitalSkills} → {@code digital}, {@code researchOccupations} → {@code
   * research-occupations}.
   */
  static String collectionCode(String name) {
    String base =
        name.endsWith("Skills") && !name.equals("researchSkills")
            ? name.substring(0, name.length() - "Skills".length())
            : name;
    if (base.equals("digComp")) {
      return "digcomp";
    }
    return base.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
