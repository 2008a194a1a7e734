package fi.osaava.community.internal;

import fi.osaava.community.CommunityApi;
import fi.osaava.community.internal.CommunityStore.ArticleKind;
import fi.osaava.platform.DatasetImporter;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.Language;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * The team's own sample community content, written for Osaava and shipped in the jar ({@code
 * community/sample/sample.json}): one thematic group and two articles in Finnish, Swedish and
 * English, labelled as sample content wherever shown. Loaded at first start after the programmes'
 * sample (an article links to its basic package), or by hand through {@link
 * CommunityApi#loadSampleContent()}.
 */
@Service
class CommunitySampleContent implements CommunityApi, DatasetImporter {

  private static final String FILE = "community/sample/sample.json";

  record SampleGroup(
      String slug,
      @Nullable String programmeSlug,
      Map<String, String> title,
      Map<String, String> summary) {}

  record SampleArticle(
      String slug,
      ArticleKind kind,
      String organisation,
      List<String> themes,
      List<String> skills,
      List<String> packages,
      Map<String, String> title,
      Map<String, String> body) {}

  record Sample(SampleGroup group, List<SampleArticle> articles) {}

  private final CommunityStore store;
  private final Articles articles;
  private final ObjectMapper json;

  CommunitySampleContent(CommunityStore store, Articles articles, ObjectMapper json) {
    this.store = store;
    this.articles = articles;
    this.json = json;
  }

  @Override
  @Transactional
  public int loadSampleContent() {
    Sample sample = read();
    if (store.group(sample.group().slug()).isPresent()) {
      return 0;
    }
    SampleGroup group = sample.group();
    store.createGroup(group.slug(), group.title(), group.summary(), group.programmeSlug(), true);
    for (SampleArticle a : sample.articles()) {
      articles.publish(
          a.slug(),
          a.kind(),
          a.organisation(),
          byLanguage(a.title()),
          byLanguage(a.body()),
          a.themes().stream().map(t -> Theme.byKey(t).orElseThrow()).toList(),
          a.skills(),
          a.packages(),
          true);
    }
    return 1 + sample.articles().size();
  }

  private static Map<Language, String> byLanguage(Map<String, String> texts) {
    Map<Language, String> byLanguage = new EnumMap<>(Language.class);
    texts.forEach((code, text) -> byLanguage.put(Language.require(code), text));
    return byLanguage;
  }

  private Sample read() {
    try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
      return json.readValue(in, Sample.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the community's sample content", e);
    }
  }

  @Override
  public String name() {
    return "community";
  }

  /** After the programmes' sample (30), whose package an article links to. */
  @Override
  public int order() {
    return 40;
  }

  @Override
  public boolean isImported() {
    return store.group(read().group().slug()).isPresent();
  }

  /** The sample content is in the jar, not in the reference data. */
  @Override
  public boolean hasInput(Path referenceData) {
    return true;
  }

  @Override
  public void importFrom(Path referenceData, ImportProgress progress) {
    int added = loadSampleContent();
    progress.report("added " + added + " sample groups and articles");
  }
}
