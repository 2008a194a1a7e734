package fi.osaava.taxonomy;

/** One occupation–skill relation of ESCO: the occupation needs the skill, essentially or not. */
public record OccupationSkill(ConceptUri occupation, ConceptUri skill, RelationType relation) {}
