package fi.osaava.opportunities.internal.engine;

import fi.osaava.education.OfferingId;
import fi.osaava.labourmarket.JobAdId;
import fi.osaava.taxonomy.ConceptUri;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One immutable snapshot of everything matching reads, rebuilt as a whole when ESCO, the catalogue
 * or the job ads change, so that a request never sees half an update.
 *
 * @param skillDemand per skill id, the national share of job ads asking for it (0 when unknown)
 */
public record MatchIndex(
    SkillGraph graph,
    List<OccupationEntry> occupations,
    List<JobAdEntry> jobAds,
    List<OfferingEntry> offerings,
    float[] skillDemand) {

  public MatchIndex {
    occupations = List.copyOf(occupations);
    jobAds = List.copyOf(jobAds);
    offerings = List.copyOf(offerings);
  }

  /** The occupation table position of each occupation URI. */
  public Map<ConceptUri, Integer> occupationPositions() {
    Map<ConceptUri, Integer> out = new HashMap<>();
    for (int i = 0; i < occupations.size(); i++) {
      out.put(occupations.get(i).uri(), i);
    }
    return out;
  }

  public int occupation(ConceptUri uri) {
    for (int i = 0; i < occupations.size(); i++) {
      if (occupations.get(i).uri().equals(uri)) {
        return i;
      }
    }
    return -1;
  }

  public int jobAd(JobAdId id) {
    for (int i = 0; i < jobAds.size(); i++) {
      if (jobAds.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  public int offering(OfferingId id) {
    for (int i = 0; i < offerings.size(); i++) {
      if (offerings.get(i).id().equals(id)) {
        return i;
      }
    }
    return -1;
  }

  /** How many occupations need each skill (essential or optional), for specificity. */
  public int[] occupationsPerSkill() {
    int[] count = new int[graph.size()];
    for (OccupationEntry o : occupations) {
      for (int s : o.essential()) {
        count[s]++;
      }
      for (int s : o.optional()) {
        count[s]++;
      }
    }
    return count;
  }
}
