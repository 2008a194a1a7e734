package fi.osaava.identification.internal;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.OccupationSkill;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.taxonomy.TaxonomyApi;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The part of ESCO that identification needs, in arrays indexed by a dense concept number: skills,
 * occupations and ISCO groups with their labels, descriptions, reuse level, job-ad prior and the
 * occupation–skill graph.
 */
final class EscoSnapshot {

  static final EnumSet<ConceptType> TYPES =
      EnumSet.of(ConceptType.SKILL, ConceptType.OCCUPATION, ConceptType.ISCO_GROUP);

  final List<ConceptRecord> records;
  final ConceptType[] types;
  final Map<String, Integer> byUri;
  final Map<String, Integer> skillByEnglishLabel;

  /** Essential skills of each occupation (empty for others). */
  final int[][] essentialSkills;

  /** Optional skills of each occupation. */
  final int[][] optionalSkills;

  /** Occupations for which each skill is essential. */
  final int[][] occupationsOfSkill;

  /** Frequency of each skill in job ads (Decorte et al.'s priors), 0 when unknown. */
  final float[] prior;

  EscoSnapshot(List<ConceptRecord> records, List<OccupationSkill> relations) {
    this.records = records;
    int n = records.size();
    this.types = new ConceptType[n];
    this.byUri = new HashMap<>(n * 2);
    this.skillByEnglishLabel = new HashMap<>();
    for (int i = 0; i < n; i++) {
      ConceptRecord r = records.get(i);
      types[i] = r.type();
      byUri.put(r.uri().value(), i);
      String en = r.preferredLabel(Language.EN);
      if (en != null && r.type() == ConceptType.SKILL) {
        skillByEnglishLabel.putIfAbsent(en.strip(), i);
      }
    }
    List<List<Integer>> essential = lists(n);
    List<List<Integer>> optional = lists(n);
    List<List<Integer>> occupations = lists(n);
    for (OccupationSkill r : relations) {
      Integer o = byUri.get(r.occupation().value());
      Integer s = byUri.get(r.skill().value());
      if (o == null || s == null) {
        continue;
      }
      if (r.relation() == RelationType.ESSENTIAL) {
        essential.get(o).add(s);
        occupations.get(s).add(o);
      } else {
        optional.get(o).add(s);
      }
    }
    this.essentialSkills = arrays(essential);
    this.optionalSkills = arrays(optional);
    this.occupationsOfSkill = arrays(occupations);
    this.prior = new float[n];
  }

  static EscoSnapshot read(TaxonomyApi taxonomy) {
    List<ConceptRecord> records = new ArrayList<>();
    taxonomy.forEachConcept(TYPES, records::add);
    List<OccupationSkill> relations = new ArrayList<>();
    taxonomy.forEachOccupationSkill(relations::add);
    return new EscoSnapshot(records, relations);
  }

  int size() {
    return records.size();
  }

  ConceptUri uri(int concept) {
    return records.get(concept).uri();
  }

  /** The preferred label in {@code language}, else English, else any, marked as a fallback. */
  LocalizedText label(int concept, Language language) {
    ConceptRecord r = records.get(concept);
    Map<Language, String> labels = new HashMap<>();
    for (Language l : Language.values()) {
      String label = r.preferredLabel(l);
      if (label != null) {
        labels.put(l, label);
      }
    }
    LocalizedText text = LocalizedText.pick(labels, language);
    return text != null ? text : new LocalizedText(r.uri().value(), Language.FALLBACK, true);
  }

  /** The first four digits of an occupation's ISCO code, or of an ISCO group's own code. */
  @Nullable String iscoUnitGroup(int concept) {
    ConceptRecord r = records.get(concept);
    String code = r.iscoCode();
    if (r.type() == ConceptType.ISCO_GROUP) {
      String uri = r.uri().value();
      code = uri.substring(uri.lastIndexOf('/') + 1).replaceFirst("^C", "");
    }
    if (code == null) {
      return null;
    }
    return code.length() >= 4 ? code.substring(0, 4) : code;
  }

  private static List<List<Integer>> lists(int n) {
    List<List<Integer>> lists = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      lists.add(new ArrayList<>(0));
    }
    return lists;
  }

  private static int[][] arrays(List<List<Integer>> lists) {
    int[][] arrays = new int[lists.size()][];
    for (int i = 0; i < arrays.length; i++) {
      arrays[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
    }
    return arrays;
  }
}
