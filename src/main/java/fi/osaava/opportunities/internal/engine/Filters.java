package fi.osaava.opportunities.internal.engine;

import java.util.Set;

/**
 * The constraint filters of a query. A filter applies only to the kinds that have the attribute
 * (occupations have no place or language); unknown values fail a filter that is set, so that a
 * filtered list never claims what it cannot know.
 */
final class Filters {

  private Filters() {}

  static boolean passes(JobAdEntry ad, MatchQuery query) {
    if (query.remoteOnly() && !ad.remote()) {
      return false;
    }
    if (query.municipalities() != null
        && !ad.remote()
        && (ad.municipality() == null || !query.municipalities().contains(ad.municipality()))) {
      return false;
    }
    return query.language() == null || query.language() == ad.language();
  }

  static boolean passes(OfferingEntry offering, MatchQuery query) {
    if (query.remoteOnly() && !offering.online()) {
      return false;
    }
    if (query.municipalities() != null
        && !offering.online()
        && !intersects(query.municipalities(), offering.municipalities())) {
      return false;
    }
    if (query.language() != null
        && (offering.languageMask() & (1 << query.language().ordinal())) == 0) {
      return false;
    }
    if (!query.levels().isEmpty() && !query.levels().contains(offering.level())) {
      return false;
    }
    if (!query.fields().isEmpty()
        && (offering.fieldCode() == null || !startsWithAny(offering.fieldCode(), query.fields()))) {
      return false;
    }
    if (query.maxMonths() != null
        && (offering.months() < 0 || offering.months() > query.maxMonths())) {
      return false;
    }
    return query.maxCost() == null
        || (!Double.isNaN(offering.cost()) && offering.cost() <= query.maxCost());
  }

  private static boolean intersects(Set<String> wanted, Set<String> have) {
    for (String code : have) {
      if (wanted.contains(code)) {
        return true;
      }
    }
    return false;
  }

  private static boolean startsWithAny(String code, Set<String> prefixes) {
    for (String prefix : prefixes) {
      if (code.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }
}
