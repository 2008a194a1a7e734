package fi.osaava.identification;

import java.util.List;

/**
 * What a text expresses.
 *
 * @param skills suggested skills, best first
 * @param occupations suggested occupations, best first
 * @param sentences the sentences the text was split into, with the language of each
 * @param truncated true when the text was longer than {@link IdentificationApi#MAX_TEXT_LENGTH} and
 *     only its beginning was read
 */
public record Identification(
    List<IdentifiedConcept> skills,
    List<IdentifiedConcept> occupations,
    List<Sentence> sentences,
    boolean truncated) {

  public Identification {
    skills = List.copyOf(skills);
    occupations = List.copyOf(occupations);
    sentences = List.copyOf(sentences);
  }

  public static Identification empty() {
    return new Identification(List.of(), List.of(), List.of(), false);
  }

  /** One sentence of the input: offsets into the original text, and its detected language. */
  public record Sentence(int start, int end, fi.osaava.platform.Language language) {}
}
