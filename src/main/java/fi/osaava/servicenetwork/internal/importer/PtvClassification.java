package fi.osaava.servicenetwork.internal.importer;

import static fi.osaava.servicenetwork.LifeSituation.AT_RISK_OF_UNEMPLOYMENT;
import static fi.osaava.servicenetwork.LifeSituation.CHANGING_CAREER;
import static fi.osaava.servicenetwork.LifeSituation.EMPLOYEE_DEVELOPING;
import static fi.osaava.servicenetwork.LifeSituation.EMPLOYER;
import static fi.osaava.servicenetwork.LifeSituation.ENTREPRENEUR;
import static fi.osaava.servicenetwork.LifeSituation.IMMIGRANT;
import static fi.osaava.servicenetwork.LifeSituation.RETURNING_TO_WORK;
import static fi.osaava.servicenetwork.LifeSituation.UNEMPLOYED;
import static fi.osaava.servicenetwork.LifeSituation.YOUNG_WITHOUT_DEGREE;

import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.ServiceType;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How a general description of the national catalogue gets Osaava's service type and life
 * situations. The catalogue classifies by service class, target group, life event and subject
 * (ontology) term, not by Osaava's continuous-learning vocabulary; these tables are the documented
 * rule ({@code docs/services.md}, "From the national catalogue"). Codes are the last part of the
 * catalogue's URIs ({@code http://urn.fi/URN:NBN:fi:au:ptvl:v1064} is {@code v1064}); subject terms
 * are matched by their Finnish label, which is how the export names them.
 */
final class PtvClassification {

  private PtvClassification() {}

  /** Service classes by type; the first type in this order whose class a description has wins. */
  static final List<Map.Entry<ServiceType, Set<String>>> TYPES =
      List.of(
          // Ammatinvalinta ja opintojen ohjaus.
          Map.entry(ServiceType.CAREER_COUNSELLING, Set.of("v1064")),
          // Työllistyjän taloudellinen tukeminen; Työnhaku ja työpaikat.
          Map.entry(ServiceType.EMPLOYMENT_SERVICE, Set.of("v1031", "v1097")),
          // Yritysrahoitus.
          Map.entry(ServiceType.FUNDING, Set.of("v1140")),
          // Ammatillinen, lukio-, aikuis- ja täydennys-, oppisopimus-, yritys- ja yrittäjäkoulutus,
          // vapaa sivistystyö.
          Map.entry(
              ServiceType.TRAINING,
              Set.of("v1066", "v1067", "v1068", "v1070", "v1071", "v1072", "v1205")),
          // Kotouttaminen, yrityksen perustaminen, liiketoiminnan ja henkilöstön kehittäminen,
          // yritysyhteistyö, kansainvälistyminen, omistajanvaihdos, lopettaminen.
          Map.entry(
              ServiceType.GUIDANCE,
              Set.of("v1034", "v1106", "v1108", "v1119", "v1110", "v1111", "v1113", "v1114")));

  /** Social services' guidance (v1036) is guidance here when it serves one of the situations. */
  static final String SOCIAL_GUIDANCE = "v1036";

  /** Life situations from service classes. */
  static final Map<String, Set<LifeSituation>> BY_CLASS =
      Map.ofEntries(
          Map.entry("v1064", Set.of(CHANGING_CAREER, YOUNG_WITHOUT_DEGREE)),
          Map.entry("v1031", Set.of(UNEMPLOYED, RETURNING_TO_WORK, EMPLOYER)),
          Map.entry(
              "v1097",
              Set.of(UNEMPLOYED, AT_RISK_OF_UNEMPLOYMENT, CHANGING_CAREER, RETURNING_TO_WORK)),
          Map.entry("v1066", Set.of(YOUNG_WITHOUT_DEGREE, CHANGING_CAREER)),
          Map.entry("v1067", Set.of(YOUNG_WITHOUT_DEGREE, CHANGING_CAREER, UNEMPLOYED, EMPLOYER)),
          Map.entry("v1068", Set.of(YOUNG_WITHOUT_DEGREE)),
          Map.entry("v1070", Set.of(EMPLOYEE_DEVELOPING, CHANGING_CAREER)),
          Map.entry("v1071", Set.of(EMPLOYER, EMPLOYEE_DEVELOPING)),
          Map.entry("v1119", Set.of(EMPLOYER, EMPLOYEE_DEVELOPING)),
          Map.entry("v1072", Set.of(ENTREPRENEUR)),
          Map.entry("v1106", Set.of(ENTREPRENEUR)),
          Map.entry("v1108", Set.of(ENTREPRENEUR)),
          Map.entry("v1110", Set.of(ENTREPRENEUR)),
          Map.entry("v1111", Set.of(ENTREPRENEUR)),
          Map.entry("v1113", Set.of(ENTREPRENEUR)),
          Map.entry("v1114", Set.of(ENTREPRENEUR)),
          Map.entry("v1140", Set.of(ENTREPRENEUR)),
          Map.entry("v1034", Set.of(IMMIGRANT)));

  /** Life situations from life events: Työttömäksi jääminen; Maahanmuuttajana, Paluumuutto. */
  static final Map<String, Set<LifeSituation>> BY_LIFE_EVENT =
      Map.of(
          "v3018", Set.of(UNEMPLOYED, AT_RISK_OF_UNEMPLOYMENT),
          "v3015", Set.of(IMMIGRANT),
          "v3014", Set.of(IMMIGRANT));

  /** Life situations from target groups: Työnantajat; Yrityksen perustajat; ulkomailta tulevat. */
  static final Map<String, Set<LifeSituation>> BY_TARGET_GROUP =
      Map.of(
          "v2014", Set.of(EMPLOYER),
          "v2016", Set.of(ENTREPRENEUR),
          "v2012", Set.of(ENTREPRENEUR, IMMIGRANT));

  /** Life situations from subject terms (Finnish labels). */
  static final Map<String, Set<LifeSituation>> BY_TERM =
      Map.of(
          "työttömät", Set.of(UNEMPLOYED),
          "maahanmuuttajat", Set.of(IMMIGRANT),
          "tuettu työllistyminen", Set.of(UNEMPLOYED, RETURNING_TO_WORK),
          "työllistymistä tukeva toiminta", Set.of(UNEMPLOYED, RETURNING_TO_WORK),
          "kuntouttava työtoiminta", Set.of(UNEMPLOYED, RETURNING_TO_WORK),
          "työtoiminta", Set.of(UNEMPLOYED, RETURNING_TO_WORK),
          "työpajatoiminta", Set.of(UNEMPLOYED, YOUNG_WITHOUT_DEGREE),
          "täydennyskoulutus", Set.of(EMPLOYEE_DEVELOPING),
          "osaamisen kehittäminen", Set.of(EMPLOYEE_DEVELOPING),
          "alkava yrittäjä", Set.of(ENTREPRENEUR));

  /** Young people (v2004) are "young without a degree" only in a service of another situation. */
  static final String YOUNG_PEOPLE = "v2004";

  static ServiceType type(Collection<String> classes, Set<LifeSituation> situations) {
    for (Map.Entry<ServiceType, Set<String>> rule : TYPES) {
      if (classes.stream().anyMatch(rule.getValue()::contains)) {
        return rule.getKey();
      }
    }
    if (classes.contains(SOCIAL_GUIDANCE) && !situations.isEmpty()) {
      return ServiceType.GUIDANCE;
    }
    return ServiceType.OTHER;
  }

  static Set<LifeSituation> situations(
      Collection<String> classes,
      Collection<String> lifeEvents,
      Collection<String> targetGroups,
      Collection<String> terms) {
    Set<LifeSituation> situations = EnumSet.noneOf(LifeSituation.class);
    classes.forEach(c -> situations.addAll(BY_CLASS.getOrDefault(c, Set.of())));
    lifeEvents.forEach(e -> situations.addAll(BY_LIFE_EVENT.getOrDefault(e, Set.of())));
    targetGroups.forEach(g -> situations.addAll(BY_TARGET_GROUP.getOrDefault(g, Set.of())));
    terms.forEach(t -> situations.addAll(BY_TERM.getOrDefault(t, Set.of())));
    if (!situations.isEmpty() && targetGroups.contains(YOUNG_PEOPLE)) {
      situations.add(YOUNG_WITHOUT_DEGREE);
    }
    return situations;
  }
}
