package fi.osaava.community.internal;

import fi.osaava.community.internal.CommunityStore.Article;
import fi.osaava.community.internal.CommunityStore.ArticleContent;
import fi.osaava.community.internal.CommunityStore.ArticleKind;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.programmes.PackageLinks;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Articles and experience stories: written into the database and indexed once committed, and
 * offered to the programmes as the pages that link to a package (so its page links back).
 */
@Service
public class Articles implements PackageLinks {

  private final CommunityStore store;
  private final ArticleSearch search;

  Articles(CommunityStore store, ArticleSearch search) {
    this.store = store;
    this.search = search;
  }

  /** Writes an article; it is searchable once the transaction commits. */
  @Transactional
  public UUID publish(
      String slug,
      ArticleKind kind,
      String organisation,
      Map<Language, String> title,
      Map<Language, String> body,
      List<Theme> themes,
      List<String> skills,
      List<String> packages,
      boolean sample) {
    UUID id =
        store.addArticle(
            slug,
            kind,
            organisation,
            title,
            body,
            themes.stream().map(Theme::key).toList(),
            skills,
            packages,
            sample);
    reindexAfterCommit(id);
    return id;
  }

  /**
   * Saves an edit of a published article as its new version (the one replaced is kept as a
   * revision) and makes the new text searchable once the transaction commits. False when the
   * article is no longer at {@code version}: another edit was saved since the form was opened.
   */
  @Transactional
  public boolean edit(UUID id, int version, ArticleContent content) {
    boolean saved = store.reviseArticle(id, version, content);
    if (saved) {
      reindexAfterCommit(id);
    }
    return saved;
  }

  private void reindexAfterCommit(UUID id) {
    // The index reads the row in a session of its own, which sees it only after the commit.
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              search.reindex(List.of(id));
            }
          });
    } else {
      search.reindex(List.of(id));
    }
  }

  @Override
  public List<Link> linksTo(String packageSlug, Language language) {
    return store.linkingTo(packageSlug).stream()
        .map(a -> new Link("/community/articles/" + a.slug(), title(a, language)))
        .toList();
  }

  /** The article's title in the reader's language, else in another, visibly so. */
  public static LocalizedText title(Article article, Language language) {
    return Objects.requireNonNullElse(
        LocalizedText.pickNational(article.title(), language),
        new LocalizedText(article.slug(), language, true));
  }
}
