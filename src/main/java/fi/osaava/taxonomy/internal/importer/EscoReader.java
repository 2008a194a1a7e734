package fi.osaava.taxonomy.internal.importer;

import fi.osaava.platform.CsvReader;
import fi.osaava.platform.CsvRecord;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.LabelKind;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.taxonomy.internal.importer.EscoDataset.BroaderPillar;
import fi.osaava.taxonomy.internal.importer.EscoDataset.ConceptRow;
import fi.osaava.taxonomy.internal.importer.EscoDataset.Edge;
import fi.osaava.taxonomy.internal.importer.EscoDataset.Label;
import fi.osaava.taxonomy.internal.importer.EscoDataset.LabelScope;
import fi.osaava.taxonomy.internal.importer.EscoDataset.TextRow;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reads the files of an ESCO import run into an {@link EscoDataset} and validates it: every
 * relation must name known concepts of the right type, and every value must parse. Accepts any
 * subset of the official columns beyond the few each file needs.
 *
 * <p>Which concepts exist is decided by the reference language's classification files (English by
 * default, ESCO's source language). Rows of other languages that name concepts the reference lacks
 * are skipped and reported, because translations of other ESCO versions carry such rows.
 */
final class EscoReader {

  private final Language referenceLanguage;
  private final Map<String, ConceptType> stored;
  private final ImportProgress progress;
  private final EscoDataset dataset = new EscoDataset();
  private final Map<String, Integer> skippedUnknown = new LinkedHashMap<>();

  /** Concepts that only non-reference files name; relations to them are skipped, not errors. */
  private final Set<String> skippedUris = new java.util.HashSet<>();

  private int skippedRelations;

  /**
   * @param stored the concepts already in the database, with their types
   */
  EscoReader(Language referenceLanguage, Map<String, ConceptType> stored, ImportProgress progress) {
    this.referenceLanguage = referenceLanguage;
    this.stored = stored;
    this.progress = progress;
  }

  /** A recognised file; {@code language} null for files without one (relations, hierarchy). */
  private record Classified(
      EscoSource source, EscoFileKind.Match match, @Nullable Language language) {}

  EscoDataset read(List<EscoSource> sources) {
    List<Classified> files = new ArrayList<>();
    for (EscoSource source : sources) {
      var match = EscoFileKind.recognise(source.fileName());
      if (match.isEmpty()) {
        dataset.warnings.add("ignored " + source.displayName() + ": not an ESCO CSV file name");
        continue;
      }
      Language language = null;
      if (match.get().languageCode() != null) {
        language = Language.fromCode(match.get().languageCode()).orElse(null);
        if (language == null && match.get().kind().isPillar()) {
          dataset.warnings.add(
              "ignored "
                  + source.displayName()
                  + ": language '"
                  + match.get().languageCode()
                  + "' is not served (fi, sv, en, no)");
          continue;
        }
      }
      if (match.get().kind() == EscoFileKind.CONCEPT_SCHEMES) {
        continue;
      }
      files.add(new Classified(source, match.get(), language));
    }
    // Reference-language classification files first: they decide which concepts exist.
    Set<ConceptType> referenceTypes = new LinkedHashSet<>();
    for (Classified f : files) {
      if (f.match().kind().isPillar() && f.language() == referenceLanguage) {
        referenceTypes.add(f.match().kind().conceptType());
      }
    }
    files.sort(
        Comparator.comparingInt(
                (Classified f) ->
                    !f.match().kind().isPillar() ? 2 : f.language() == referenceLanguage ? 0 : 1)
            .thenComparing(f -> f.source().displayName()));
    for (Classified f : files) {
      EscoFileKind kind = f.match().kind();
      // Another language defines concepts only when neither this run nor the database has the
      // reference classification of that type (a first import of, say, Finnish files alone).
      boolean defining =
          kind.isPillar()
              && (f.language() == referenceLanguage
                  || (!referenceTypes.contains(kind.conceptType())
                      && !stored.containsValue(kind.conceptType())));
      progress.report("reading " + f.source().fileName());
      try {
        f.source()
            .read(
                in -> {
                  try (CsvReader csv = CsvReader.open(in, f.source().displayName())) {
                    readFile(csv, f, defining);
                  }
                });
      } catch (IOException e) {
        throw new InvalidInputException(
            f.source().displayName(), 0, null, "cannot read: " + e.getMessage(), e);
      }
      dataset.files.add(f.source().displayName());
    }
    skippedUnknown.forEach(
        (file, count) ->
            dataset.warnings.add(
                file
                    + ": skipped "
                    + count
                    + " row(s) naming concepts that the "
                    + referenceLanguage.code()
                    + " classification does not have"));
    validateRelations();
    if (skippedRelations > 0) {
      dataset.warnings.add(
          "skipped "
              + skippedRelations
              + " relation(s) and collection entries naming concepts that only other languages' files"
              + " have: "
              + skippedUris.stream().sorted().limit(5).toList());
    }
    return dataset;
  }

  private void readFile(CsvReader csv, Classified f, boolean defining) {
    EscoFileKind kind = f.match().kind();
    switch (kind) {
      case SKILLS, OCCUPATIONS, ISCO_GROUPS, SKILL_GROUPS -> readPillar(csv, f, defining);
      case SKILLS_HIERARCHY ->
          readHierarchy(
              csv.padShortRecords(),
              f.language() != null ? f.language() : referenceLanguage,
              f.language() == null || f.language() == referenceLanguage);
      case COLLECTION ->
          readCollection(csv, Objects.requireNonNull(f.match().collection(), "collection"));
      case OCCUPATION_SKILL_RELATIONS ->
          dataset.occupationSkills =
              readRelations(
                  csv, "occupationUri", "skillUri", "relationType", dataset.occupationSkills);
      case SKILL_SKILL_RELATIONS ->
          dataset.skillSkills =
              readRelations(
                  csv, "originalSkillUri", "relatedSkillUri", "relationType", dataset.skillSkills);
      case BROADER_SKILL_PILLAR -> readBroader(csv, BroaderPillar.SKILL);
      case BROADER_OCCUPATION_PILLAR -> readBroader(csv, BroaderPillar.OCCUPATION);
      case CONCEPT_SCHEMES -> {}
    }
  }

  private void readPillar(CsvReader csv, Classified f, boolean defining) {
    csv.requireColumns(Set.of("conceptUri"));
    EscoFileKind kind = f.match().kind();
    ConceptType type = Objects.requireNonNull(kind.conceptType(), kind::name);
    Language language = f.language() != null ? f.language() : referenceLanguage;
    if (defining) {
      dataset.definedTypes.add(type);
    }
    boolean hasType = csv.hasColumn("conceptType");
    CsvRecord row;
    while ((row = csv.next()) != null) {
      String uri = uri(row, "conceptUri");
      if (hasType) {
        String declared = row.text("conceptType");
        if (declared != null && !declared.equalsIgnoreCase(kind.escoConceptType())) {
          throw row.invalid(
              "conceptType",
              "expected '" + kind.escoConceptType() + "' in this file, found '" + declared + "'");
        }
      }
      ConceptRow concept = dataset.concepts.get(uri);
      if (concept == null) {
        ConceptType storedType = stored.get(uri);
        if (!defining && storedType == null) {
          skippedUnknown.merge(f.source().displayName(), 1, Integer::sum);
          skippedUris.add(uri);
          continue;
        }
        concept = new ConceptRow(uri, type);
        dataset.concepts.put(uri, concept);
      }
      if (defining) {
        dataset.definedUris.add(uri);
      }
      ConceptType known = stored.getOrDefault(uri, concept.type);
      if (concept.type != type || known != type) {
        throw row.invalid(
            "conceptUri",
            uri + " is a " + (concept.type != type ? concept.type : known) + ", not a " + type);
      }
      concept.code = firstNonNull(concept.code, row.text("code"));
      concept.iscoCode = firstNonNull(concept.iscoCode, row.text("iscoGroup"));
      concept.skillType = firstNonNull(concept.skillType, row.text("skillType"));
      concept.reuseLevel = firstNonNull(concept.reuseLevel, row.text("reuseLevel"));
      concept.status = firstNonNull(concept.status, row.text("status"));
      if (type == ConceptType.ISCO_GROUP && concept.code == null) {
        concept.code = uri.substring(uri.lastIndexOf('/') + 2);
      }
      labels(row, uri, language, LabelKind.PREFERRED, "preferredLabel");
      labels(row, uri, language, LabelKind.ALTERNATIVE, "altLabels");
      labels(row, uri, language, LabelKind.HIDDEN, "hiddenLabels");
      texts(row, uri, language);
    }
  }

  private void labels(CsvRecord row, String uri, Language language, LabelKind kind, String column) {
    String raw = row.get(column);
    if (raw == null) {
      return;
    }
    LabelScope scope = new LabelScope(uri, language, kind);
    dataset.labelScopes.add(scope);
    LinkedHashSet<String> values = new LinkedHashSet<>();
    for (String part : raw.split("\\R")) {
      String label = part.strip();
      if (!label.isEmpty()) {
        if (label.length() > 1000) {
          throw row.invalid(column, "a label longer than 1000 characters");
        }
        values.add(label);
      }
    }
    if (kind == LabelKind.PREFERRED && values.size() > 1) {
      throw row.invalid(column, "more than one preferred label");
    }
    List<Label> list = new ArrayList<>(values.size());
    int position = 0;
    for (String value : values) {
      list.add(new Label(uri, language, kind, value, position++));
    }
    dataset.labels.put(scope, list);
  }

  private void texts(CsvRecord row, String uri, Language language) {
    boolean d = row.columns().containsKey("description");
    boolean def = row.columns().containsKey("definition");
    boolean s = row.columns().containsKey("scopeNote");
    if (!d && !def && !s) {
      return;
    }
    TextRow text =
        dataset.texts.computeIfAbsent(uri + "|" + language.code(), k -> new TextRow(uri, language));
    if (d) {
      text.hasDescription = true;
      text.description = row.text("description");
    }
    if (def) {
      text.hasDefinition = true;
      text.definition = row.text("definition");
    }
    if (s) {
      text.hasScopeNote = true;
      text.scopeNote = row.text("scopeNote");
    }
  }

  /**
   * The skills hierarchy gives the broader chain of skill groups, level by level. It is also the
   * only file that publishes some groups (ESCO 1.1.1 has hierarchy groups, such as S6.8, that
   * {@code skillGroups_en.csv} lacks), so in the reference language it defines those groups with
   * their label, code and description.
   */
  private void readHierarchy(CsvReader csv, Language language, boolean defining) {
    csv.requireColumns(Set.of("Level 0 URI", "Level 1 URI"));
    Map<String, Edge> edges =
        dataset.broader.computeIfAbsent(BroaderPillar.SKILL, k -> new LinkedHashMap<>());
    CsvRecord row;
    while ((row = csv.next()) != null) {
      String parent = null;
      String parentField = null;
      for (int level = 0; level <= 3; level++) {
        String field = "Level " + level + " URI";
        if (!row.columns().containsKey(field) || row.text(field) == null) {
          break;
        }
        String uri = uri(row, field);
        boolean deepest =
            level == 3
                || !row.columns().containsKey("Level " + (level + 1) + " URI")
                || row.text("Level " + (level + 1) + " URI") == null;
        if (defining && !dataset.concepts.containsKey(uri) && !stored.containsKey(uri)) {
          defineHierarchyGroup(row, uri, level, deepest, language);
        }
        if (parent != null && parentField != null) {
          edges.putIfAbsent(
              uri + " " + parent,
              new Edge(uri, parent, null, row.source(), row.line(), field, parentField));
        }
        parent = uri;
        parentField = field;
      }
    }
  }

  private void defineHierarchyGroup(
      CsvRecord row, String uri, int level, boolean deepest, Language language) {
    ConceptRow group = new ConceptRow(uri, ConceptType.SKILL_GROUP);
    group.code = row.text("Level " + level + " code");
    group.status = "released";
    dataset.concepts.put(uri, group);
    dataset.definedUris.add(uri);
    String label = row.text("Level " + level + " preferred term");
    if (label != null) {
      LabelScope scope = new LabelScope(uri, language, LabelKind.PREFERRED);
      dataset.labelScopes.add(scope);
      dataset.labels.put(scope, List.of(new Label(uri, language, LabelKind.PREFERRED, label, 0)));
    }
    if (deepest && row.text("Description") != null) {
      TextRow text = new TextRow(uri, language);
      text.hasDescription = true;
      text.description = row.text("Description");
      dataset.texts.put(uri + "|" + language.code(), text);
    }
  }

  private void readCollection(CsvReader csv, String collection) {
    csv.requireColumns(Set.of("conceptUri"));
    Map<String, Edge> members = new LinkedHashMap<>();
    CsvRecord row;
    while ((row = csv.next()) != null) {
      String uri = uri(row, "conceptUri");
      members.putIfAbsent(
          uri, new Edge(uri, null, null, row.source(), row.line(), "conceptUri", null));
    }
    dataset.collections.put(collection, members);
  }

  private Map<String, Edge> readRelations(
      CsvReader csv,
      String fromColumn,
      String toColumn,
      String typeColumn,
      @Nullable Map<String, Edge> into) {
    csv.requireColumns(Set.of(fromColumn, toColumn, typeColumn));
    Map<String, Edge> edges = into != null ? into : new LinkedHashMap<>();
    CsvRecord row;
    while ((row = csv.next()) != null) {
      String from = uri(row, fromColumn);
      String to = uri(row, toColumn);
      String rawType = row.required(typeColumn);
      RelationType type = RelationType.parse(rawType).orElse(null);
      if (type == null) {
        throw row.invalid(
            typeColumn, "expected 'essential' or 'optional', found '" + abbreviate(rawType) + "'");
      }
      Edge edge = new Edge(from, to, type, row.source(), row.line(), fromColumn, toColumn);
      // The same pair twice: essential wins, as the stronger statement.
      edges.merge(from + " " + to, edge, (a, b) -> a.relation() == RelationType.ESSENTIAL ? a : b);
    }
    return edges;
  }

  private void readBroader(CsvReader csv, BroaderPillar pillar) {
    csv.requireColumns(Set.of("conceptUri", "broaderUri"));
    Map<String, Edge> edges = dataset.broader.computeIfAbsent(pillar, k -> new LinkedHashMap<>());
    CsvRecord row;
    while ((row = csv.next()) != null) {
      String uri = uri(row, "conceptUri");
      String broader = uri(row, "broaderUri");
      edges.putIfAbsent(
          uri + " " + broader,
          new Edge(uri, broader, null, row.source(), row.line(), "conceptUri", "broaderUri"));
    }
  }

  private static String uri(CsvRecord row, String column) {
    String value = row.required(column);
    if (!(value.startsWith("http://") || value.startsWith("https://"))
        || value.length() > 500
        || value.chars().anyMatch(c -> c <= ' ')) {
      throw row.invalid(column, "not a concept URI: '" + abbreviate(value) + "'");
    }
    return value;
  }

  private static String abbreviate(String value) {
    return value.length() > 80 ? value.substring(0, 80) + "…" : value;
  }

  private static @Nullable String firstNonNull(
      @Nullable String current, @Nullable String candidate) {
    return current != null ? current : candidate;
  }

  /**
   * Every relation must name known concepts of the types its file is about. Relations to concepts
   * that only another language's file names are dropped (and counted): the official 1.1.1 relations
   * name an occupation that the English classification file lacks.
   */
  private void validateRelations() {
    Map<String, ConceptType> types = new HashMap<>(stored);
    dataset.concepts.values().forEach(c -> types.put(c.uri, c.type));
    if (dataset.occupationSkills != null) {
      check(
          dataset.occupationSkills,
          types,
          Set.of(ConceptType.OCCUPATION),
          Set.of(ConceptType.SKILL));
    }
    if (dataset.skillSkills != null) {
      check(dataset.skillSkills, types, Set.of(ConceptType.SKILL), Set.of(ConceptType.SKILL));
    }
    Set<ConceptType> skillPillar = Set.of(ConceptType.SKILL, ConceptType.SKILL_GROUP);
    Set<ConceptType> occupationPillar = Set.of(ConceptType.OCCUPATION, ConceptType.ISCO_GROUP);
    dataset.broader.forEach(
        (pillar, edges) -> {
          Set<ConceptType> allowed = pillar == BroaderPillar.SKILL ? skillPillar : occupationPillar;
          check(edges, types, allowed, allowed);
        });
    for (Map<String, Edge> members : dataset.collections.values()) {
      check(members, types, Set.of(ConceptType.values()), null);
    }
  }

  private void check(
      Map<String, Edge> edges,
      Map<String, ConceptType> types,
      Set<ConceptType> fromTypes,
      @Nullable Set<ConceptType> toTypes) {
    var it = edges.values().iterator();
    while (it.hasNext()) {
      Edge e = it.next();
      if (skippedUris.contains(e.from()) || (e.to() != null && skippedUris.contains(e.to()))) {
        it.remove();
        skippedRelations++;
        continue;
      }
      requireType(e, e.from(), e.fromField(), types, fromTypes);
      // Edges checked at both ends (all but collections' members) have both.
      if (toTypes != null && e.to() != null && e.toField() != null) {
        requireType(e, e.to(), e.toField(), types, toTypes);
      }
    }
  }

  private static void requireType(
      Edge edge,
      String uri,
      String field,
      Map<String, ConceptType> types,
      Set<ConceptType> allowed) {
    ConceptType type = types.get(uri);
    if (type == null) {
      throw new InvalidInputException(
          edge.source(),
          edge.line(),
          field,
          "unknown concept " + uri + " (not in the classification)");
    }
    if (!allowed.contains(type)) {
      throw new InvalidInputException(
          edge.source(),
          edge.line(),
          field,
          uri
              + " is a "
              + type.name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + ", expected "
              + allowed.stream()
                  .map(t -> t.name().toLowerCase(Locale.ROOT).replace('_', ' '))
                  .sorted()
                  .toList());
    }
  }
}
