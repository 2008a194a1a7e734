package fi.osaava.community.internal;

import fi.osaava.profile.PersonId;
import fi.osaava.profile.PersonalDataHolder;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's community data in their export, and gone with their account: the name they show,
 * memberships, posts, replies and comments, reports, suggestions and event registrations (a place
 * held passes to the waiting list). A thread someone else replied to stays, so that the replies
 * keep their context, but as "deleted user" with its title and text removed. The moderation log
 * keeps what a moderator did, and forgets who and the person's words.
 */
@Component
class CommunityPersonalData implements PersonalDataHolder {

  private final JdbcClient jdbc;
  private final Events events;

  CommunityPersonalData(JdbcClient jdbc, Events events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  @Override
  public String section() {
    return "community";
  }

  @Override
  @Transactional(readOnly = true)
  public Object export(PersonId person) {
    UUID id = person.value();
    Map<String, Object> export = new LinkedHashMap<>();
    export.put(
        "displayName",
        jdbc.sql("SELECT display_name FROM community_person WHERE person_id = ?")
            .param(id)
            .query(String.class)
            .optional()
            .orElse(null));
    export.put(
        "groups",
        jdbc.sql(
                "SELECT g.slug, m.joined_at FROM community_member m JOIN community_group g ON"
                    + " g.id = m.group_id WHERE m.person_id = ? ORDER BY m.joined_at")
            .param(id)
            .query()
            .listOfRows());
    export.put(
        "posts",
        jdbc.sql(
                "SELECT p.id, g.slug AS group_slug, a.slug AS article_slug, p.parent_id, p.title,"
                    + " p.body, p.hidden, p.created_at FROM community_post p LEFT JOIN"
                    + " community_group g ON g.id = p.group_id LEFT JOIN community_article a ON"
                    + " a.id = p.article_id WHERE p.author = ? ORDER BY p.created_at")
            .param(id)
            .query()
            .listOfRows());
    export.put(
        "reports",
        jdbc.sql(
                "SELECT post_id, reason, reported_at FROM community_report WHERE reporter = ?"
                    + " ORDER BY reported_at")
            .param(id)
            .query()
            .listOfRows());
    export.put(
        "suggestions",
        jdbc.sql(
                "SELECT g.slug AS group_slug, s.text, s.suggested_at FROM community_suggestion s"
                    + " JOIN community_group g ON g.id = s.group_id WHERE s.person_id = ? ORDER BY"
                    + " s.suggested_at")
            .param(id)
            .query()
            .listOfRows());
    export.put(
        "eventRegistrations",
        jdbc.sql(
                "SELECT g.slug AS group_slug, e.id AS event_id, e.title, e.starts_at, r.waiting,"
                    + " r.registered_at, r.reminded_at FROM community_event_registration r JOIN"
                    + " community_event e ON e.id = r.event_id JOIN community_group g ON g.id ="
                    + " e.group_id WHERE r.person_id = ? ORDER BY r.registered_at, r.queued")
            .param(id)
            .query()
            .listOfRows());
    return export;
  }

  @Override
  @Transactional
  public void delete(PersonId person) {
    UUID id = person.value();
    // Through the registration rules, so that a place held passes to the first in the waiting list.
    jdbc.sql("SELECT event_id FROM community_event_registration WHERE person_id = ?")
        .param(id)
        .query(UUID.class)
        .list()
        .forEach(event -> events.unregister(event, person));
    // The log's copy of the person's words goes with them.
    jdbc.sql(
            "UPDATE community_moderation_log SET excerpt = NULL WHERE post_id IN (SELECT id FROM"
                + " community_post WHERE author = ?)")
        .param(id)
        .update();
    // Threads others replied to stay for the replies' sake, without author, title or text.
    jdbc.sql(
            "UPDATE community_post p SET author = NULL, title = NULL, body = NULL WHERE p.author ="
                + " ? AND EXISTS (SELECT 1 FROM community_post r WHERE r.parent_id = p.id AND"
                + " r.author IS DISTINCT FROM ?)")
        .params(id, id)
        .update();
    // Replies and comments (which nobody replies to), then the person's remaining threads.
    jdbc.sql("DELETE FROM community_post WHERE author = ? AND parent_id IS NOT NULL")
        .param(id)
        .update();
    jdbc.sql("DELETE FROM community_post WHERE author = ?").param(id).update();
    jdbc.sql("DELETE FROM community_report WHERE reporter = ?").param(id).update();
    jdbc.sql("DELETE FROM community_member WHERE person_id = ?").param(id).update();
    jdbc.sql("DELETE FROM community_suggestion WHERE person_id = ?").param(id).update();
    jdbc.sql("UPDATE community_moderation_log SET moderator = NULL WHERE moderator = ?")
        .param(id)
        .update();
    jdbc.sql("DELETE FROM community_person WHERE person_id = ?").param(id).update();
  }
}
