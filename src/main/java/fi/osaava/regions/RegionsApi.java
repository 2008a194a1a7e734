package fi.osaava.regions;

import java.util.List;
import java.util.Optional;

/** Finland's regional classification as other modules see it. Thread-safe, read-only. */
public interface RegionsApi {

  /**
   * Every area of a level, ordered by code. Empty until the classification is imported. The same
   * (unmodifiable) list is returned until the classification changes, so a caller may keep what it
   * derives from it for as long as it gets the same list.
   */
  List<Area> areas(AreaLevel level);

  /** One area by its code; codes may be given with or without leading zeros. */
  Optional<Area> area(AreaLevel level, String code);

  /**
   * Matches a name in any of fi/sv/en, ignoring case, accents and surrounding blanks (for example
   * statistics and job ads that name municipalities instead of coding them). Former names of merged
   * municipalities are not known.
   */
  Optional<Area> areaByName(AreaLevel level, String name);

  /** The municipalities of a region or sub-region, ordered by code. */
  List<Area> municipalitiesIn(AreaLevel level, String code);
}
