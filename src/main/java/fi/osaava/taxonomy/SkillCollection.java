package fi.osaava.taxonomy;

/**
 * One of ESCO's skill (or occupation) collections: digital, green, transversal, language, DigComp,
 * research.
 *
 * @param code stable short name used in URLs, such as {@code digital}
 * @param size number of member concepts
 */
public record SkillCollection(String code, int size) {}
