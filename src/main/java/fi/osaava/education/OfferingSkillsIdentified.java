package fi.osaava.education;

import java.util.List;

/**
 * The skill identification that runs after an import or push found skills in these offerings'
 * texts: published in the transaction that stored them, naming the offerings, so that a module
 * alerting people about offerings that teach a skill (goals' missing skills) can look at offerings
 * that had no skills, or only curated ones, when {@link OfferingsPublished} was handled. Generated
 * (synthetic) offerings are left out, as they are from {@link OfferingsPublished}.
 *
 * @param offerings the offerings, each once, with at least one identified skill
 */
public record OfferingSkillsIdentified(List<OfferingId> offerings) {

  public OfferingSkillsIdentified {
    offerings = List.copyOf(offerings);
  }
}
