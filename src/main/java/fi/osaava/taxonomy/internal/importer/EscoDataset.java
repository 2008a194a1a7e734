package fi.osaava.taxonomy.internal.importer;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.LabelKind;
import fi.osaava.taxonomy.RelationType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Everything one import run read, validated and ready to write. */
final class EscoDataset {

  /** Attributes of one concept, merged over the run's files; null means "not in this run". */
  static final class ConceptRow {
    final String uri;
    final ConceptType type;
    @Nullable String code;
    @Nullable String iscoCode;
    @Nullable String skillType;
    @Nullable String reuseLevel;
    @Nullable String status;

    ConceptRow(String uri, ConceptType type) {
      this.uri = uri;
      this.type = type;
    }
  }

  /** The labels of one kind that a file gives for a concept replace those stored before. */
  record LabelScope(String uri, Language language, LabelKind kind) {}

  record Label(String uri, Language language, LabelKind kind, String text, int position) {}

  /** Texts of one concept in one language; {@code has*} says the file had that column. */
  static final class TextRow {
    final String uri;
    final Language language;
    @Nullable String description;
    @Nullable String definition;
    @Nullable String scopeNote;
    boolean hasDescription;
    boolean hasDefinition;
    boolean hasScopeNote;

    TextRow(String uri, Language language) {
      this.uri = uri;
      this.language = language;
    }
  }

  /**
   * A relation between two concepts, with where it was read for error messages.
   *
   * @param to null for a collection's member, which has no second concept
   * @param relation null where the file gives no type (broader relations, collections)
   * @param toField null when {@code to} is
   */
  record Edge(
      String from,
      @Nullable String to,
      @Nullable RelationType relation,
      String source,
      long line,
      String fromField,
      @Nullable String toField) {}

  enum BroaderPillar {
    SKILL,
    OCCUPATION
  }

  final Map<String, ConceptRow> concepts = new LinkedHashMap<>();

  /** Concept types for which the run has a complete, defining classification file. */
  final Set<ConceptType> definedTypes = EnumSet.noneOf(ConceptType.class);

  /** Concepts named by a defining file; stored concepts of a defined type not here vanished. */
  final Set<String> definedUris = new java.util.HashSet<>();

  final Set<LabelScope> labelScopes = new LinkedHashSet<>();
  final Map<LabelScope, List<Label>> labels = new LinkedHashMap<>();
  final Map<String, TextRow> texts = new LinkedHashMap<>();

  final Map<BroaderPillar, Map<String, Edge>> broader = new TreeMap<>();

  /** Null when the run had no such file: the stored relations stay. */
  @Nullable Map<String, Edge> occupationSkills;

  @Nullable Map<String, Edge> skillSkills;
  final Map<String, Map<String, Edge>> collections = new TreeMap<>();

  final List<String> files = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();

  int labelCount() {
    return labels.values().stream().mapToInt(List::size).sum();
  }

  int relationCount() {
    int n = broader.values().stream().mapToInt(Map::size).sum();
    n += occupationSkills == null ? 0 : occupationSkills.size();
    n += skillSkills == null ? 0 : skillSkills.size();
    return n + collections.values().stream().mapToInt(Map::size).sum();
  }
}
