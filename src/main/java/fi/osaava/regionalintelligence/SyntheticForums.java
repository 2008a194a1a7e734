package fi.osaava.regionalintelligence;

import java.util.UUID;

/** A labelled synthetic network forum of a region, for demonstrations. */
public interface SyntheticForums {

  /**
   * Stores a published synthetic forum for the region (marked synthetic; its title, events and
   * material say so too) with a held event and a coming one, each with an agenda and the
   * organisations of synthetic actors taking part, a material, results, and a synthetic project of
   * the region that it discussed. The same seed and region replace the forum made before.
   *
   * @throws IllegalArgumentException when there is no such region
   */
  Generated generateForum(String regionCode, long seed, String organisation);

  /** What {@link #generateForum} stored. */
  record Generated(UUID forum, int events, int participants, UUID project) {}
}
