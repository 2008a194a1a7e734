package fi.osaava.regions;

/** The levels of Finland's regional division that Osaava reports on, largest first. */
public enum AreaLevel {
  /** Maakunta / landskap: 19 regions, two-digit codes such as {@code 06}. */
  REGION,
  /** Seutukunta / ekonomisk region: three-digit codes such as {@code 063}. */
  SUB_REGION,
  /** Kunta / kommun: three-digit codes such as {@code 091} (Helsinki). */
  MUNICIPALITY
}
