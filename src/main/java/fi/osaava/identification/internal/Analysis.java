package fi.osaava.identification.internal;

import fi.osaava.identification.Identification;
import fi.osaava.platform.Language;
import java.util.List;

/** The engine's ranking of one text: skills, occupations and ISCO unit groups, best first. */
record Analysis(
    List<Candidate> skills,
    List<Candidate> occupations,
    List<Candidate> iscoGroups,
    List<Identification.Sentence> sentences,
    boolean truncated,
    Language language) {}
