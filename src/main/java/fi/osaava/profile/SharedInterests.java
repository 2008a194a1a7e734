package fi.osaava.profile;

import java.util.List;

/**
 * A person's interests as a counsellor sees them.
 *
 * @param text the person's own words
 * @param liked labels of the skills and occupations the person marked as interesting
 */
public record SharedInterests(String text, List<String> liked) {

  public SharedInterests {
    liked = List.copyOf(liked);
  }
}
