package fi.osaava.notifications.internal;

import fi.osaava.education.EducationApi;
import fi.osaava.education.MatchableOffering;
import fi.osaava.education.OfferingId;
import fi.osaava.education.OfferingSkillsIdentified;
import fi.osaava.education.OfferingsPublished;
import fi.osaava.education.SearchableOffering;
import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.profile.ProfileSkill;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.RelatedConcept;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.taxonomy.TaxonomyApi;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a person who follows a goal (an ESCO occupation) of a new or changed offering that teaches
 * at least one skill the occupation needs (ESCO essential) and the person's profile lacks, naming
 * those skills. Delivered through the event publication registry like the other alerts, under one
 * key per saved goal and offering, so a redelivered event or an offering published again adds
 * nothing.
 *
 * <p>The work follows the batch's skills: only goals whose occupation needs one of the skills the
 * new offerings teach are considered, and only their owners' profiles are read (each person's own,
 * for that person's alert). The gap is the one at the moment of publication: a skill the person
 * adds later does not withdraw an alert already sent.
 */
@Component
class GoalOfferingAlerts {

  private static final Logger log = LoggerFactory.getLogger(GoalOfferingAlerts.class);

  /** More than any ESCO occupation's essential skills (at most about 100 in ESCO 1.1.1). */
  private static final Paging ALL_SKILLS = new Paging(0, Paging.MAX_SIZE);

  private final EducationApi education;
  private final SavedSearches searches;
  private final ProfileApi profiles;
  private final TaxonomyApi taxonomy;
  private final SearchDescriptions descriptions;
  private final AlertDelivery delivery;

  GoalOfferingAlerts(
      EducationApi education,
      SavedSearches searches,
      ProfileApi profiles,
      TaxonomyApi taxonomy,
      SearchDescriptions descriptions,
      AlertDelivery delivery) {
    this.education = education;
    this.searches = searches;
    this.profiles = profiles;
    this.taxonomy = taxonomy;
    this.descriptions = descriptions;
    this.delivery = delivery;
  }

  /** A followed goal and its occupation. */
  private record Gap(SavedSearches.SavedSearch search, ConceptUri occupation) {}

  @ApplicationModuleListener
  void offeringsPublished(OfferingsPublished event) {
    alert(event.offerings());
  }

  /**
   * Skills identified in an offering's text after it was published: an offering that then taught
   * nothing the goal lacks may now. One that alerted already adds nothing (the same key).
   */
  @ApplicationModuleListener
  void offeringSkillsIdentified(OfferingSkillsIdentified event) {
    alert(event.offerings());
  }

  private void alert(List<OfferingId> offerings) {
    Map<OfferingId, Set<ConceptUri>> taught = new LinkedHashMap<>();
    Set<ConceptUri> batchSkills = new HashSet<>();
    for (OfferingId id : offerings) {
      education
          .matchableOffering(id, Language.FI)
          .map(MatchableOffering::skills)
          .filter(skills -> !skills.isEmpty())
          .ifPresent(
              skills -> {
                taught.put(id, skills);
                batchSkills.addAll(skills);
              });
    }
    if (taught.isEmpty()) {
      return;
    }
    Map<ConceptUri, List<Gap>> missingBy = missingSkills(batchSkills);
    if (missingBy.isEmpty()) {
      return;
    }
    AlertDelivery.Round round = delivery.round();
    int told = 0;
    for (Map.Entry<OfferingId, Set<ConceptUri>> offering : taught.entrySet()) {
      Map<Gap, Set<ConceptUri>> teaches = new LinkedHashMap<>();
      for (ConceptUri skill : offering.getValue()) {
        for (Gap gap : missingBy.getOrDefault(skill, List.of())) {
          teaches.computeIfAbsent(gap, g -> new LinkedHashSet<>()).add(skill);
        }
      }
      if (teaches.isEmpty()) {
        continue;
      }
      SearchableOffering searchable = education.searchableOffering(offering.getKey()).orElse(null);
      if (searchable == null) {
        continue;
      }
      AlertDelivery.Item item =
          AlertDelivery.Item.offering(searchable, "notifications.alert.goalOffering.title");
      for (Map.Entry<Gap, Set<ConceptUri>> match : teaches.entrySet()) {
        SavedSearches.SavedSearch search = match.getKey().search();
        String key = "goal-offering:" + search.id() + ":" + searchable.id();
        if (round.tell(
            search,
            item,
            key,
            descriptions.goalOfferingAlert(
                item, search, match.getKey().occupation(), List.copyOf(match.getValue())))) {
          told++;
        }
      }
    }
    log.info("{} new offerings with skills: {} goal alerts", taught.size(), told);
  }

  /**
   * The followed goals by each skill their owner lacks, among the skills in {@code batchSkills}:
   * occupations and profiles are read once each, and a profile only when its owner follows a goal
   * that needs one of those skills.
   */
  private Map<ConceptUri, List<Gap>> missingSkills(Set<ConceptUri> batchSkills) {
    Map<ConceptUri, Set<ConceptUri>> needed = new HashMap<>();
    Map<UUID, Set<ConceptUri>> held = new HashMap<>();
    Map<ConceptUri, List<Gap>> missingBy = new HashMap<>();
    List<SavedSearches.SavedSearch> goals = new ArrayList<>();
    searches.forEach(SavedSearches.GOAL, goals::add);
    for (SavedSearches.SavedSearch search : goals) {
      ConceptUri occupation = occupation(search);
      UUID person = search.person();
      // A goal's gap is its owner's profile against the occupation: only a person has one.
      if (occupation == null || person == null) {
        continue;
      }
      Set<ConceptUri> needs = new HashSet<>(needed.computeIfAbsent(occupation, this::essential));
      needs.retainAll(batchSkills);
      if (needs.isEmpty()) {
        continue;
      }
      needs.removeAll(held.computeIfAbsent(person, this::skillsOf));
      Gap gap = new Gap(search, occupation);
      for (ConceptUri skill : needs) {
        missingBy.computeIfAbsent(skill, s -> new ArrayList<>()).add(gap);
      }
    }
    return missingBy;
  }

  private Set<ConceptUri> essential(ConceptUri occupation) {
    Set<ConceptUri> skills = new HashSet<>();
    for (RelatedConcept skill :
        taxonomy
            .skillsOfOccupation(occupation, RelationType.ESSENTIAL, Language.EN, ALL_SKILLS)
            .items()) {
      skills.add(skill.concept().uri());
    }
    return skills;
  }

  private Set<ConceptUri> skillsOf(UUID person) {
    Set<ConceptUri> skills = new HashSet<>();
    for (ProfileSkill skill : profiles.competence(new PersonId(person)).skills()) {
      skills.add(skill.skill());
    }
    return skills;
  }

  /** The goal's occupation; saved goals are checked to be one ESCO occupation's UUID. */
  private static @Nullable ConceptUri occupation(SavedSearches.SavedSearch search) {
    String id =
        search.facets().getOrDefault(SavedSearches.GOAL, Set.of()).stream()
            .findFirst()
            .orElse(null);
    if (id == null) {
      return null;
    }
    try {
      return ConceptUri.escoOccupation(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
