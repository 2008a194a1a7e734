package fi.osaava.taxonomy;

/** ESCO's skill–skill relation: {@code related} is essential or optional for {@code skill}. */
public record SkillRelation(ConceptUri skill, ConceptUri related, RelationType relation) {}
