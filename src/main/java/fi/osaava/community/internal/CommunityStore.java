package fi.osaava.community.internal;

import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Groups, members, posts, reports, the moderation log, articles and suggestions. */
@Repository
public class CommunityStore {

  private static final TypeReference<Map<String, String>> TEXTS = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final RowMapper<Group> groupRows = this::group;
  private final RowMapper<Post> postRows = this::post;
  private final RowMapper<Article> articleRows = this::article;

  CommunityStore(JdbcClient jdbc, ObjectMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** An open group around a theme, optionally tied to a programme. */
  public record Group(
      UUID id,
      String slug,
      Map<Language, String> title,
      Map<Language, String> summary,
      @Nullable String programmeSlug,
      boolean sample,
      int members) {}

  /**
   * A thread's opening post, a reply or an article's comment. A post left by a deleted account has
   * no author and no text; a hidden one keeps its text for the moderation log only.
   */
  public record Post(
      UUID id,
      @Nullable UUID groupId,
      @Nullable UUID articleId,
      @Nullable UUID parentId,
      @Nullable UUID author,
      @Nullable String authorName,
      @Nullable String title,
      @Nullable String body,
      boolean hidden,
      OffsetDateTime createdAt,
      int replies,
      int reports) {

    public boolean deletedAuthor() {
      return author == null;
    }
  }

  public enum ArticleKind {
    ARTICLE,
    STORY
  }

  /**
   * An article or an experience story by an organisation.
   *
   * @param organisation the organisation's id (the sign-in provider's organisation claim)
   * @param organisationName its recorded name, or its id when no name is known
   */
  public record Article(
      UUID id,
      String slug,
      ArticleKind kind,
      String organisation,
      String organisationName,
      Map<Language, String> title,
      Map<Language, String> body,
      List<String> themes,
      List<String> skills,
      List<String> packages,
      boolean sample,
      OffsetDateTime publishedAt,
      int version,
      @Nullable OffsetDateTime editedAt) {}

  /** What an article's editor writes: the kind, the texts by language and the tags. */
  public record ArticleContent(
      ArticleKind kind,
      Map<Language, String> title,
      Map<Language, String> body,
      List<String> themes,
      List<String> skills,
      List<String> packages) {}

  /**
   * A version of an article that an edit replaced.
   *
   * @param validFrom when it came into use: published, or the edit that made it
   * @param replacedAt when the edit after it was saved
   */
  public record Revision(
      int version,
      Map<Language, String> title,
      OffsetDateTime validFrom,
      OffsetDateTime replacedAt) {}

  /** One line of the moderation log. */
  public record LogEntry(
      UUID postId, String action, String reason, @Nullable String excerpt, OffsetDateTime at) {}

  /** A reported post and how many reported it. */
  public record Reported(Post post, List<String> reasons) {}

  /** A member's suggestion for new content. */
  public record Suggestion(
      String groupSlug, Map<Language, String> groupTitle, String text, OffsetDateTime at) {}

  // --- people ---

  @Transactional(readOnly = true)
  public Optional<String> displayName(PersonId person) {
    return jdbc.sql("SELECT display_name FROM community_person WHERE person_id = ?")
        .param(person.value())
        .query(String.class)
        .optional();
  }

  @Transactional
  public void setDisplayName(PersonId person, String name) {
    jdbc.sql(
            "INSERT INTO community_person (person_id, display_name) VALUES (?, ?) ON CONFLICT"
                + " (person_id) DO UPDATE SET display_name = excluded.display_name")
        .params(person.value(), name)
        .update();
  }

  // --- groups ---

  private static final String GROUP_COLUMNS =
      "g.id, g.slug, g.title, g.summary, g.programme_slug, g.sample, (SELECT count(*) FROM"
          + " community_member m WHERE m.group_id = g.id)";

  @Transactional(readOnly = true)
  public List<Group> groups() {
    return jdbc.sql("SELECT " + GROUP_COLUMNS + " FROM community_group g ORDER BY g.created_at")
        .query(groupRows)
        .list();
  }

  @Transactional(readOnly = true)
  public Optional<Group> group(String slug) {
    return jdbc.sql("SELECT " + GROUP_COLUMNS + " FROM community_group g WHERE g.slug = ?")
        .param(slug)
        .query(groupRows)
        .optional();
  }

  @Transactional
  public UUID createGroup(
      String slug,
      Map<String, String> title,
      Map<String, String> summary,
      @Nullable String programmeSlug,
      boolean sample) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO community_group (id, slug, title, summary, programme_slug, sample) VALUES"
                + " (?, ?, ?::jsonb, ?::jsonb, ?, ?)")
        .params(
            Arrays.asList(
                id,
                slug,
                json.writeValueAsString(title),
                json.writeValueAsString(summary),
                programmeSlug,
                sample))
        .update();
    return id;
  }

  @Transactional(readOnly = true)
  public boolean isMember(UUID group, PersonId person) {
    return jdbc.sql("SELECT count(*) FROM community_member WHERE group_id = ? AND person_id = ?")
            .params(group, person.value())
            .query(Integer.class)
            .single()
        > 0;
  }

  @Transactional
  public void join(UUID group, PersonId person) {
    jdbc.sql(
            "INSERT INTO community_member (group_id, person_id) VALUES (?, ?) ON CONFLICT DO"
                + " NOTHING")
        .params(group, person.value())
        .update();
  }

  @Transactional
  public void leave(UUID group, PersonId person) {
    jdbc.sql("DELETE FROM community_member WHERE group_id = ? AND person_id = ?")
        .params(group, person.value())
        .update();
  }

  // --- posts ---

  private static final String POST_COLUMNS =
      "p.id, p.group_id, p.article_id, p.parent_id, p.author, n.display_name, p.title, p.body,"
          + " p.hidden, p.created_at, (SELECT count(*) FROM community_post r WHERE r.parent_id ="
          + " p.id), (SELECT count(*) FROM community_report x WHERE x.post_id = p.id)";

  private static final String POST_FROM =
      " FROM community_post p LEFT JOIN community_person n ON n.person_id = p.author";

  @Transactional
  public UUID addPost(
      @Nullable UUID group,
      @Nullable UUID article,
      @Nullable UUID parent,
      PersonId author,
      @Nullable String title,
      String body) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO community_post (id, group_id, article_id, parent_id, author, title, body)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")
        .params(Arrays.asList(id, group, article, parent, author.value(), title, body))
        .update();
    return id;
  }

  @Transactional(readOnly = true)
  public Optional<Post> post(UUID id) {
    return jdbc.sql("SELECT " + POST_COLUMNS + POST_FROM + " WHERE p.id = ?")
        .param(id)
        .query(postRows)
        .optional();
  }

  /** A group's threads (opening posts), newest first. */
  @Transactional(readOnly = true)
  public List<Post> threads(UUID group) {
    return jdbc.sql(
            "SELECT "
                + POST_COLUMNS
                + POST_FROM
                + " WHERE p.group_id = ? AND p.parent_id IS NULL ORDER BY p.created_at DESC"
                + " LIMIT 200")
        .param(group)
        .query(postRows)
        .list();
  }

  /** A thread's replies, oldest first. */
  @Transactional(readOnly = true)
  public List<Post> replies(UUID thread) {
    return jdbc.sql(
            "SELECT "
                + POST_COLUMNS
                + POST_FROM
                + " WHERE p.parent_id = ? ORDER BY p.created_at, p.id LIMIT 1000")
        .param(thread)
        .query(postRows)
        .list();
  }

  /** An article's comments, oldest first. */
  @Transactional(readOnly = true)
  public List<Post> comments(UUID article) {
    return jdbc.sql(
            "SELECT "
                + POST_COLUMNS
                + POST_FROM
                + " WHERE p.article_id = ? ORDER BY p.created_at, p.id LIMIT 1000")
        .param(article)
        .query(postRows)
        .list();
  }

  /** Records a report; a person reports a post once (a second report changes nothing). */
  @Transactional
  public void report(UUID post, PersonId reporter, String reason) {
    jdbc.sql(
            "INSERT INTO community_report (post_id, reporter, reason) VALUES (?, ?, ?) ON CONFLICT"
                + " DO NOTHING")
        .params(post, reporter.value(), reason)
        .update();
  }

  /** Reported posts still shown, most reported first. */
  @Transactional(readOnly = true)
  public List<Reported> reported() {
    List<Post> posts =
        jdbc.sql(
                "SELECT "
                    + POST_COLUMNS
                    + POST_FROM
                    + " WHERE NOT p.hidden AND EXISTS (SELECT 1 FROM community_report x WHERE"
                    + " x.post_id = p.id) ORDER BY 12 DESC, p.created_at LIMIT 200")
            .query(postRows)
            .list();
    return posts.stream()
        .map(
            p ->
                new Reported(
                    p,
                    jdbc.sql(
                            "SELECT reason FROM community_report WHERE post_id = ? ORDER BY"
                                + " reported_at")
                        .param(p.id())
                        .query(String.class)
                        .list()))
        .toList();
  }

  /** Hides or shows a post and logs it, in one transaction. */
  @Transactional
  public void moderate(UUID post, PersonId moderator, boolean hide, String reason) {
    Optional<Post> found = post(post);
    if (found.isEmpty()) {
      return;
    }
    jdbc.sql("UPDATE community_post SET hidden = ? WHERE id = ?").params(hide, post).update();
    String body = found.get().body();
    String excerpt = body == null ? null : body.length() > 200 ? body.substring(0, 200) : body;
    jdbc.sql(
            "INSERT INTO community_moderation_log (id, post_id, moderator, action, reason,"
                + " excerpt) VALUES (?, ?, ?, ?, ?, ?)")
        .params(
            Arrays.asList(
                UUID.randomUUID(),
                post,
                moderator.value(),
                hide ? "HIDE" : "RESTORE",
                reason,
                excerpt))
        .update();
  }

  @Transactional(readOnly = true)
  public List<LogEntry> moderationLog() {
    return jdbc.sql(
            "SELECT post_id, action, reason, excerpt, acted_at FROM community_moderation_log ORDER"
                + " BY acted_at DESC LIMIT 200")
        .query(
            (rs, row) ->
                new LogEntry(
                    rs.getObject(1, UUID.class),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getObject(5, OffsetDateTime.class)))
        .list();
  }

  // --- suggestions ---

  @Transactional
  public void suggest(UUID group, PersonId person, String text) {
    jdbc.sql("INSERT INTO community_suggestion (id, group_id, person_id, text) VALUES (?, ?, ?, ?)")
        .params(UUID.randomUUID(), group, person.value(), text)
        .update();
  }

  @Transactional(readOnly = true)
  public List<Suggestion> suggestions() {
    return jdbc.sql(
            "SELECT g.slug, g.title, s.text, s.suggested_at FROM community_suggestion s JOIN"
                + " community_group g ON g.id = s.group_id ORDER BY s.suggested_at DESC LIMIT 500")
        .query(
            (rs, row) ->
                new Suggestion(
                    rs.getString(1),
                    byLanguage(rs.getString(2)),
                    rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class)))
        .list();
  }

  // --- articles ---

  private static final String ARTICLE_COLUMNS =
      "id, slug, kind, organisation, title_fi, title_sv, title_en, body_fi, body_sv, body_en,"
          + " themes, skills, packages, sample, published_at, version, edited_at,"
          + " coalesce((SELECT o.name FROM community_organisation o WHERE o.id ="
          + " community_article.organisation), community_article.organisation)";

  @Transactional(readOnly = true)
  public Optional<Article> article(String slug) {
    return jdbc.sql("SELECT " + ARTICLE_COLUMNS + " FROM community_article WHERE slug = ?")
        .param(slug)
        .query(articleRows)
        .optional();
  }

  @Transactional(readOnly = true)
  public List<Article> articles(List<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    List<Article> found =
        jdbc.sql("SELECT " + ARTICLE_COLUMNS + " FROM community_article WHERE id IN (:ids)")
            .param("ids", ids)
            .query(articleRows)
            .list();
    // In the order asked for: the search's order.
    return ids.stream().flatMap(id -> found.stream().filter(a -> a.id().equals(id))).toList();
  }

  /** Newest first. */
  @Transactional(readOnly = true)
  public List<Article> latestArticles(int max) {
    return jdbc.sql(
            "SELECT "
                + ARTICLE_COLUMNS
                + " FROM community_article ORDER BY published_at DESC, slug LIMIT ?")
        .param(max)
        .query(articleRows)
        .list();
  }

  /** Articles that link to the package with this slug. */
  @Transactional(readOnly = true)
  public List<Article> linkingTo(String packageSlug) {
    return jdbc.sql(
            "SELECT "
                + ARTICLE_COLUMNS
                + " FROM community_article WHERE ? = ANY (string_to_array(packages, ' ')) ORDER"
                + " BY published_at DESC")
        .param(packageSlug)
        .query(articleRows)
        .list();
  }

  /**
   * Records an organisation's name, as its editor's sign-in gave it, for article pages and lists; a
   * blank or overlong name changes nothing.
   */
  @Transactional
  public void rememberOrganisation(String organisation, String name) {
    String n = name.strip();
    if (n.isEmpty() || n.length() > 200) {
      return;
    }
    jdbc.sql(
            "INSERT INTO community_organisation (id, name) VALUES (?, ?) ON CONFLICT (id) DO"
                + " UPDATE SET name = excluded.name")
        .params(organisation, n)
        .update();
  }

  @Transactional
  public UUID addArticle(
      String slug,
      ArticleKind kind,
      String organisation,
      Map<Language, String> title,
      Map<Language, String> body,
      List<String> themes,
      List<String> skills,
      List<String> packages,
      boolean sample) {
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "INSERT INTO community_article (id, slug, organisation, "
                + CONTENT_COLUMNS.replace(" = ?", "")
                + ", sample) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
        .param(id)
        .param(slug)
        .param(organisation)
        .params(contentParams(new ArticleContent(kind, title, body, themes, skills, packages)))
        .param(sample)
        .update();
    return id;
  }

  /**
   * Replaces the article's content with a new version, keeping the one in use as a revision. False
   * (and nothing written) when the article is no longer at {@code version}: someone saved an edit
   * since the editor opened the form. The row is locked while this is decided, so two edits from
   * the same version never both succeed.
   */
  @Transactional
  public boolean reviseArticle(UUID id, int version, ArticleContent content) {
    Optional<Integer> current =
        jdbc.sql("SELECT version FROM community_article WHERE id = ? FOR UPDATE")
            .param(id)
            .query(Integer.class)
            .optional();
    if (current.isEmpty() || current.get() != version) {
      return false;
    }
    jdbc.sql(
            "INSERT INTO community_article_revision (article_id, version, kind, title_fi,"
                + " title_sv, title_en, body_fi, body_sv, body_en, themes, skills, packages,"
                + " valid_from, replaced_at) SELECT id, version, kind, title_fi, title_sv, title_en,"
                + " body_fi, body_sv, body_en, themes, skills, packages,"
                + " coalesce(edited_at, published_at), now() FROM community_article WHERE id = ?")
        .param(id)
        .update();
    jdbc.sql(
            "UPDATE community_article SET "
                + CONTENT_COLUMNS
                + ", version = version + 1, edited_at = now() WHERE id = ?")
        .params(contentParams(content))
        .param(id)
        .update();
    return true;
  }

  /** The versions edits replaced, newest first. */
  @Transactional(readOnly = true)
  public List<Revision> revisions(UUID article) {
    return jdbc.sql(
            "SELECT version, title_fi, title_sv, title_en, valid_from, replaced_at"
                + " FROM community_article_revision WHERE article_id = ? ORDER BY version DESC")
        .param(article)
        .query(
            (rs, row) ->
                new Revision(
                    rs.getInt(1),
                    texts(rs.getString(2), rs.getString(3), rs.getString(4)),
                    rs.getObject(5, OffsetDateTime.class),
                    rs.getObject(6, OffsetDateTime.class)))
        .list();
  }

  /** The columns an article's author writes, in the order of {@link #contentParams}. */
  private static final String CONTENT_COLUMNS =
      "kind = ?, title_fi = ?, title_sv = ?, title_en = ?, body_fi = ?, body_sv = ?, body_en = ?,"
          + " themes = ?, skills = ?, packages = ?";

  private static List<@Nullable Object> contentParams(ArticleContent c) {
    return Arrays.asList(
        c.kind().name(),
        c.title().get(Language.FI),
        c.title().get(Language.SV),
        c.title().get(Language.EN),
        c.body().get(Language.FI),
        c.body().get(Language.SV),
        c.body().get(Language.EN),
        String.join(" ", c.themes()),
        String.join(" ", c.skills()),
        String.join(" ", c.packages()));
  }

  @Transactional(readOnly = true)
  public Optional<String> groupSlug(UUID group) {
    return jdbc.sql("SELECT slug FROM community_group WHERE id = ?")
        .param(group)
        .query(String.class)
        .optional();
  }

  @Transactional(readOnly = true)
  public Optional<String> articleSlug(UUID article) {
    return jdbc.sql("SELECT slug FROM community_article WHERE id = ?")
        .param(article)
        .query(String.class)
        .optional();
  }

  // --- rows ---

  private Group group(ResultSet rs, int row) throws SQLException {
    return new Group(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        byLanguage(rs.getString(3)),
        byLanguage(rs.getString(4)),
        rs.getString(5),
        rs.getBoolean(6),
        rs.getInt(7));
  }

  private Post post(ResultSet rs, int row) throws SQLException {
    return new Post(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getObject(3, UUID.class),
        rs.getObject(4, UUID.class),
        rs.getObject(5, UUID.class),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getBoolean(9),
        rs.getObject(10, OffsetDateTime.class),
        rs.getInt(11),
        rs.getInt(12));
  }

  private Article article(ResultSet rs, int row) throws SQLException {
    return new Article(
        rs.getObject(1, UUID.class),
        rs.getString(2),
        ArticleKind.valueOf(rs.getString(3)),
        rs.getString(4),
        rs.getString(18),
        texts(rs.getString(5), rs.getString(6), rs.getString(7)),
        texts(rs.getString(8), rs.getString(9), rs.getString(10)),
        words(rs.getString(11)),
        words(rs.getString(12)),
        words(rs.getString(13)),
        rs.getBoolean(14),
        rs.getObject(15, OffsetDateTime.class),
        rs.getInt(16),
        rs.getObject(17, OffsetDateTime.class));
  }

  private Map<Language, String> byLanguage(String document) {
    Map<Language, String> texts = new EnumMap<>(Language.class);
    json.readValue(document, TEXTS)
        .forEach((code, text) -> Language.fromCode(code).ifPresent(l -> texts.put(l, text)));
    return texts;
  }

  private static Map<Language, String> texts(
      @Nullable String fi, @Nullable String sv, @Nullable String en) {
    Map<Language, String> texts = new EnumMap<>(Language.class);
    if (fi != null) {
      texts.put(Language.FI, fi);
    }
    if (sv != null) {
      texts.put(Language.SV, sv);
    }
    if (en != null) {
      texts.put(Language.EN, en);
    }
    return texts;
  }

  private static List<String> words(@Nullable String value) {
    return value == null || value.isBlank()
        ? List.of()
        : Arrays.asList(value.strip().split("\\s+"));
  }
}
