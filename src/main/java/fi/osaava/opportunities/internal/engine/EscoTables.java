package fi.osaava.opportunities.internal.engine;

import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.taxonomy.TaxonomyApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.jspecify.annotations.Nullable;

/** ESCO read once through the taxonomy's bulk API into the skill graph and the occupation table. */
public record EscoTables(SkillGraph graph, List<OccupationEntry> occupations) {

  /**
   * @param demand an occupation's demand signal 0–1, NaN when unknown
   */
  public static EscoTables load(
      TaxonomyApi taxonomy, RiasecCodes riasec, ToDoubleFunction<ConceptUri> demand) {
    SkillGraph.Builder builder = SkillGraph.builder();
    Map<ConceptUri, String> iscoGroups = new LinkedHashMap<>();
    taxonomy.forEachConcept(
        Set.of(ConceptType.SKILL, ConceptType.SKILL_GROUP, ConceptType.OCCUPATION),
        (ConceptRecord concept) -> {
          if (concept.type() == ConceptType.OCCUPATION) {
            iscoGroups.put(concept.uri(), concept.iscoCode());
          } else {
            builder.add(concept.uri());
          }
        });
    taxonomy.forEachSkillBroader(r -> builder.broader(r.concept(), r.broader()));
    taxonomy.forEachSkillRelation(r -> builder.related(r.skill(), r.related()));
    Map<ConceptUri, List<Integer>> essential = new HashMap<>();
    Map<ConceptUri, List<Integer>> optional = new HashMap<>();
    taxonomy.forEachOccupationSkill(
        r ->
            (r.relation() == RelationType.ESSENTIAL ? essential : optional)
                .computeIfAbsent(r.occupation(), k -> new ArrayList<>())
                .add(builder.add(r.skill())));
    SkillGraph graph = builder.build();
    List<OccupationEntry> occupations = new ArrayList<>();
    iscoGroups.forEach(
        (uri, group) ->
            occupations.add(
                new OccupationEntry(
                    uri,
                    group,
                    sorted(essential.get(uri)),
                    sorted(optional.get(uri)),
                    riasec.forIscoGroup(group),
                    demand.applyAsDouble(uri))));
    return new EscoTables(graph, occupations);
  }

  private static int[] sorted(@Nullable List<Integer> ids) {
    return ids == null
        ? new int[0]
        : ids.stream().mapToInt(Integer::intValue).sorted().distinct().toArray();
  }
}
