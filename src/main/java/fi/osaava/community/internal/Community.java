package fi.osaava.community.internal;

import fi.osaava.community.internal.CommunityStore.Group;
import fi.osaava.community.internal.CommunityStore.Post;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.PersonId;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What people do in the groups and under articles, with the rules that hold whoever asks: posting
 * in a group needs membership, everything written counts against the person's posting limit, and
 * only moderators hide or restore posts (each time logged). The forms' own checks (lengths, blank
 * texts) are the controllers'; this refuses what no form should let through.
 */
@Service
public class Community {

  private final CommunityStore store;
  private final PostingLimit limit;

  Community(CommunityStore store, PostingLimit limit) {
    this.store = store;
    this.limit = limit;
  }

  /** Refused with 429 and a Retry-After header: the person posted too often. */
  static final class PostingTooOften extends ResponseStatusException {

    private final long seconds;

    PostingTooOften(long seconds) {
      super(HttpStatus.TOO_MANY_REQUESTS, "Too many posts in a short time");
      this.seconds = seconds;
    }

    @Override
    public HttpHeaders getHeaders() {
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      return headers;
    }
  }

  @Transactional
  public void join(Group group, PersonId person, String displayName) {
    store.setDisplayName(person, displayName);
    store.join(group.id(), person);
  }

  @Transactional
  public void leave(Group group, PersonId person) {
    store.leave(group.id(), person);
  }

  @Transactional
  public UUID startThread(Group group, PersonId person, String title, String body) {
    requireMember(group, person);
    spend(person);
    return store.addPost(group.id(), null, null, person, title, body);
  }

  @Transactional
  public UUID reply(Group group, Post thread, PersonId person, String body) {
    requireMember(group, person);
    spend(person);
    return store.addPost(group.id(), null, thread.id(), person, null, body);
  }

  @Transactional
  public UUID comment(UUID article, PersonId person, String displayName, String body) {
    spend(person);
    store.setDisplayName(person, displayName);
    return store.addPost(null, article, null, person, null, body);
  }

  @Transactional
  public void report(Post post, PersonId person, String reason) {
    spend(person);
    store.report(post.id(), person, reason);
  }

  @Transactional
  public void suggest(Group group, PersonId person, String text) {
    requireMember(group, person);
    spend(person);
    store.suggest(group.id(), person, text);
  }

  /** Hides ({@code hide}) or restores a post, and logs it with the moderator's reason. */
  @Transactional
  public void moderate(Post post, PersonId moderator, boolean hide, String reason) {
    store.moderate(post.id(), moderator, hide, reason);
  }

  /** A post by its id in the address; anything that is no id is no post. */
  public Post post(@Nullable String id) {
    return parse(id).flatMap(store::post).orElseThrow(() -> new NotFoundException("No such post"));
  }

  /** An id from an address, or empty when it is no id. */
  public static Optional<UUID> parse(@Nullable String id) {
    if (id == null || id.length() != 36) {
      return Optional.empty();
    }
    try {
      return Optional.of(UUID.fromString(id));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void requireMember(Group group, PersonId person) {
    if (!store.isMember(group.id(), person)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Join the group to post in it");
    }
  }

  private void spend(PersonId person) {
    long wait = limit.acquire(person);
    if (wait > 0) {
      throw new PostingTooOften(wait);
    }
  }
}
