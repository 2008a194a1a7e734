package fi.osaava;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.when;

import fi.osaava.platform.CsvRecord;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.BroaderRelation;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.LabelKind;
import fi.osaava.taxonomy.OccupationSkill;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.taxonomy.SkillRelation;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.taxonomy.TaxonomyStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * ESCO 1.1.1 read straight from the published files, for module slices that do not boot the
 * taxonomy module (and so need no ESCO import into their database): the concepts a test asks for
 * and the relations among them, answered through a mocked {@link TaxonomyApi}'s bulk reads in the
 * order the taxonomy gives them (by URI). Only what those reads return is kept: labels in every
 * language of the reference data, the description (else the definition), ISCO code, skill type and
 * reuse level.
 */
public record EscoFiles(
    List<ConceptRecord> concepts,
    List<OccupationSkill> occupationSkills,
    List<BroaderRelation> skillBroader,
    List<SkillRelation> skillRelations) {

  private static final String CLASSIFICATION = "official/esco-v1.1.1-classification-en-csv.zip";
  private static final String RELATIONS = "official/esco-v1.1.1-relations-csv.zip";

  /**
   * The concepts whose URI {@code keep} accepts, with the relations among them.
   *
   * @param translations also the Finnish, Swedish and Norwegian files (else English only)
   */
  public static EscoFiles read(Predicate<String> keep, boolean translations) {
    Map<String, Builder> concepts = new TreeMap<>();
    Map<String, ConceptType> english =
        Map.of(
            "skills_en.csv", ConceptType.SKILL,
            "skillGroups_en.csv", ConceptType.SKILL_GROUP,
            "occupations_en.csv", ConceptType.OCCUPATION,
            "ISCOGroups_en.csv", ConceptType.ISCO_GROUP);
    english.forEach(
        (file, type) ->
            ReferenceData.readEscoZip(
                CLASSIFICATION, file, r -> concept(concepts, keep, r, Language.EN, type)));
    if (translations) {
      Path esco = ReferenceData.esco();
      ReferenceData.readCsv(
          esco.resolve("fi/skills_fi.csv"),
          r -> concept(concepts, keep, r, Language.FI, ConceptType.SKILL));
      for (Language language : List.of(Language.FI, Language.SV, Language.NO)) {
        String code = language.code();
        ReferenceData.readCsv(
            esco.resolve(code + "/occupations_" + code + ".csv"),
            r -> concept(concepts, keep, r, language, ConceptType.OCCUPATION));
        if (language != Language.FI) {
          ReferenceData.readCsv(
              esco.resolve(code + "/ISCOGroups_" + code + ".csv"),
              r -> concept(concepts, keep, r, language, ConceptType.ISCO_GROUP));
        }
      }
    }
    // The hierarchy is the only file with some skill groups (as the importer also reads it), and
    // gives the group chain level by level.
    Set<List<String>> broaderPairs = new LinkedHashSet<>();
    ReferenceData.readEscoZip(
        CLASSIFICATION,
        "skillsHierarchy_en.csv",
        r -> {
          String parent = null;
          for (int level = 0; level <= 3; level++) {
            String uri = r.text("Level " + level + " URI");
            if (uri == null) {
              break;
            }
            if (keep.test(uri) && !concepts.containsKey(uri)) {
              Builder group = new Builder(uri, ConceptType.SKILL_GROUP);
              group.label(
                  Language.EN, LabelKind.PREFERRED, r.get("Level " + level + " preferred term"));
              concepts.put(uri, group);
            }
            if (parent != null) {
              broaderPairs.add(List.of(uri, parent));
            }
            parent = uri;
          }
        });
    Predicate<String> known = concepts::containsKey;
    List<OccupationSkill> occupationSkills = new ArrayList<>();
    ReferenceData.readEscoZip(
        RELATIONS,
        "occupationSkillRelations.csv",
        r -> {
          String occupation = r.required("occupationUri");
          String skill = r.required("skillUri");
          var relation = RelationType.parse(r.text("relationType"));
          if (known.test(occupation) && known.test(skill) && relation.isPresent()) {
            occupationSkills.add(
                new OccupationSkill(
                    ConceptUri.of(occupation), ConceptUri.of(skill), relation.get()));
          }
        });
    occupationSkills.sort(
        Comparator.comparing((OccupationSkill o) -> o.occupation().value())
            .thenComparing(OccupationSkill::relation)
            .thenComparing(o -> o.skill().value()));
    ReferenceData.readEscoZip(
        RELATIONS,
        "broaderRelationsSkillPillar.csv",
        r -> broaderPairs.add(List.of(r.required("conceptUri"), r.required("broaderUri"))));
    List<BroaderRelation> broader = new ArrayList<>();
    for (List<String> pair : broaderPairs) {
      if (known.test(pair.get(0)) && known.test(pair.get(1))) {
        broader.add(new BroaderRelation(ConceptUri.of(pair.get(0)), ConceptUri.of(pair.get(1))));
      }
    }
    broader.sort(
        Comparator.comparing((BroaderRelation b) -> b.concept().value())
            .thenComparing(b -> b.broader().value()));
    List<SkillRelation> related = new ArrayList<>();
    ReferenceData.readEscoZip(
        RELATIONS,
        "skillSkillRelations.csv",
        r -> {
          String skill = r.required("originalSkillUri");
          String other = r.required("relatedSkillUri");
          var relation = RelationType.parse(r.text("relationType"));
          if (known.test(skill) && known.test(other) && relation.isPresent()) {
            related.add(
                new SkillRelation(ConceptUri.of(skill), ConceptUri.of(other), relation.get()));
          }
        });
    related.sort(
        Comparator.comparing((SkillRelation s) -> s.skill().value())
            .thenComparing(s -> s.related().value()));
    return new EscoFiles(
        concepts.values().stream().map(Builder::build).toList(),
        List.copyOf(occupationSkills),
        List.copyOf(broader),
        List.copyOf(related));
  }

  /** Makes {@code taxonomy} (a mock) answer status and the bulk reads with these concepts. */
  public void answerFor(TaxonomyApi taxonomy) {
    Map<ConceptType, Long> counts =
        concepts.stream()
            .collect(
                Collectors.groupingBy(
                    ConceptRecord::type,
                    () -> new EnumMap<>(ConceptType.class),
                    Collectors.counting()));
    Map<Language, Long> preferred = new EnumMap<>(Language.class);
    for (ConceptRecord c : concepts) {
      for (ConceptRecord.Label l : c.labels()) {
        if (l.kind() == LabelKind.PREFERRED) {
          preferred.merge(l.language(), 1L, Long::sum);
        }
      }
    }
    when(taxonomy.status())
        .thenReturn(new TaxonomyStatus("1.1.1", Instant.EPOCH, counts, 0, preferred));
    when(taxonomy.imported()).thenReturn(true);
    doAnswer(
            call -> {
              Set<ConceptType> types = call.getArgument(0);
              Consumer<ConceptRecord> each = call.getArgument(1);
              concepts.stream().filter(c -> types.contains(c.type())).forEach(each);
              return null;
            })
        .when(taxonomy)
        .forEachConcept(any(), any());
    doAnswer(call -> each(call.getArgument(0), occupationSkills))
        .when(taxonomy)
        .forEachOccupationSkill(any());
    doAnswer(call -> each(call.getArgument(0), skillBroader))
        .when(taxonomy)
        .forEachSkillBroader(any());
    doAnswer(call -> each(call.getArgument(0), skillRelations))
        .when(taxonomy)
        .forEachSkillRelation(any());
  }

  private static <T> Object each(Consumer<T> consumer, List<T> items) {
    items.forEach(consumer);
    return null;
  }

  private static void concept(
      Map<String, Builder> concepts,
      Predicate<String> keep,
      CsvRecord r,
      Language language,
      ConceptType type) {
    String uri = r.required("conceptUri");
    if (!keep.test(uri)) {
      return;
    }
    Builder b = concepts.computeIfAbsent(uri, u -> new Builder(u, type));
    b.label(language, LabelKind.PREFERRED, r.get("preferredLabel"));
    b.label(language, LabelKind.ALTERNATIVE, r.get("altLabels"));
    b.label(language, LabelKind.HIDDEN, r.get("hiddenLabels"));
    String description = r.text("description");
    if (description == null) {
      description = r.text("definition");
    }
    if (description != null && !description.isBlank()) {
      b.descriptions.put(language, description.strip());
    }
    if (b.iscoCode == null) {
      b.iscoCode = type == ConceptType.ISCO_GROUP ? r.text("code") : r.text("iscoGroup");
    }
    if (b.skillType == null) {
      b.skillType = r.text("skillType");
    }
    if (b.reuseLevel == null) {
      b.reuseLevel = r.text("reuseLevel");
    }
  }

  private static final class Builder {
    final String uri;
    final ConceptType type;
    final List<ConceptRecord.Label> labels = new ArrayList<>();
    final Map<Language, String> descriptions = new EnumMap<>(Language.class);
    String iscoCode;
    String skillType;
    String reuseLevel;

    Builder(String uri, ConceptType type) {
      this.uri = uri;
      this.type = type;
    }

    /** ESCO's label columns hold one label per line, as the importer splits them. */
    void label(Language language, LabelKind kind, String raw) {
      if (raw == null) {
        return;
      }
      Set<String> values = new LinkedHashSet<>();
      for (String part : raw.split("\\R")) {
        if (!part.isBlank()) {
          values.add(part.strip());
        }
      }
      values.forEach(v -> labels.add(new ConceptRecord.Label(language, kind, v)));
    }

    ConceptRecord build() {
      return new ConceptRecord(
          ConceptUri.of(uri), type, iscoCode, skillType, reuseLevel, labels, descriptions);
    }
  }
}
