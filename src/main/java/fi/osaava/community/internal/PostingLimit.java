package fi.osaava.community.internal;

import fi.osaava.profile.PersonId;
import fi.osaava.web.ClientRateLimit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often one person may post (threads, replies, comments, reports and suggestions together): a
 * Bucket4j token bucket per person through the service's {@link ClientRateLimit}, {@code
 * osaava.community.posts-per-minute} (5 by default) at once and refilled over a minute. Keyed by
 * the person, not the address, so that people behind one office address do not share it.
 */
@Component
public class PostingLimit {

  private final ClientRateLimit limit;

  PostingLimit(@Value("${osaava.community.posts-per-minute:5}") int perMinute) {
    this.limit = new ClientRateLimit(perMinute);
  }

  /**
   * Takes one post from the person's budget.
   *
   * @return 0 when allowed, else the seconds until the next post is allowed
   */
  public long acquire(PersonId person) {
    return limit.acquire(person.toString());
  }
}
