package fi.osaava.programmes.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.WebAddress;
import fi.osaava.programmes.internal.Learning;
import fi.osaava.programmes.internal.MarkdownRenderer;
import fi.osaava.programmes.internal.PackageContent;
import fi.osaava.programmes.internal.PackageContent.Module;
import fi.osaava.programmes.internal.PackageContent.ModuleKind;
import fi.osaava.programmes.internal.ProgrammeStore;
import fi.osaava.programmes.internal.ProgrammeStore.PackageVersion;
import fi.osaava.programmes.internal.VersionChange;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** Turns a package version into what its pages show, in the reader's language. */
@Component
class PackageViews {

  private final MarkdownRenderer markdown;
  private final TaxonomyApi taxonomy;

  PackageViews(MarkdownRenderer markdown, TaxonomyApi taxonomy) {
    this.markdown = markdown;
    this.taxonomy = taxonomy;
  }

  /** A package as a card and as its page's header. */
  record PackageView(
      String slug,
      int version,
      boolean sample,
      LocalizedText title,
      LocalizedText summary,
      PackageContent.Level level,
      List<PackageContent.TargetGroup> targetGroups,
      List<String> languages,
      BigDecimal workloadHours,
      String licence,
      List<ModuleLink> modules) {}

  record ModuleLink(String key, ModuleKind kind, LocalizedText title) {}

  /** A Markdown text rendered, in the language it is written in. */
  record Rendered(String html, Language language, boolean fallback) {}

  record OptionView(String key, LocalizedText text) {}

  record QuestionView(String key, LocalizedText prompt, List<OptionView> options) {}

  record ModuleView(
      String key,
      ModuleKind kind,
      LocalizedText title,
      Rendered body,
      @Nullable String videoUrl,
      @Nullable String transcriptUrl,
      List<QuestionView> questions) {}

  /** A programme's name and description in the reader's language, visibly marked if not. */
  record ProgrammeView(
      @Nullable LocalizedText title, @Nullable LocalizedText summary, boolean sample) {}

  ProgrammeView programme(ProgrammeStore.Programme p, Language language) {
    return new ProgrammeView(
        LocalizedText.pickNational(byLanguage(p.title()), language),
        LocalizedText.pickNational(byLanguage(p.summary()), language),
        p.sample());
  }

  private static Map<Language, String> byLanguage(Map<String, String> texts) {
    Map<Language, String> byLanguage = new EnumMap<>(Language.class);
    texts.forEach((code, text) -> Language.fromCode(code).ifPresent(l -> byLanguage.put(l, text)));
    return byLanguage;
  }

  PackageView view(PackageVersion version, Language language) {
    PackageContent c = version.content();
    return new PackageView(
        version.packageSlug(),
        version.version(),
        version.sample(),
        c.text(c.title(), language),
        c.text(c.summary(), language),
        c.level(),
        c.targetGroups(),
        c.languages(),
        c.workloadHours(),
        c.licence(),
        c.modules().stream()
            .map(m -> new ModuleLink(m.key(), m.kind(), c.text(m.title(), language)))
            .toList());
  }

  ModuleView module(PackageContent c, Module m, Language language) {
    LocalizedText body = c.text(m.body(), language);
    return new ModuleView(
        m.key(),
        m.kind(),
        c.text(m.title(), language),
        new Rendered(markdown.render(body.text()), body.language(), body.fallback()),
        // A draft may hold any address; only http(s) ever becomes a link, in previews too.
        WebAddress.isHttp(m.videoUrl()) ? m.videoUrl() : null,
        WebAddress.isHttp(m.transcriptUrl()) ? m.transcriptUrl() : null,
        m.questions().stream()
            .map(
                q ->
                    new QuestionView(
                        q.key(),
                        c.text(q.prompt(), language),
                        q.options().stream()
                            .map(o -> new OptionView(o.key(), c.text(o.text(), language)))
                            .toList()))
            .toList());
  }

  /** A newer version than the learner's: its number, what it changes, and whether they may move. */
  record NewerView(
      int version,
      boolean movable,
      List<LocalizedText> added,
      List<LocalizedText> changed,
      List<LocalizedText> removed) {

    public boolean sameModules() {
      return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
  }

  NewerView newer(Learning.NewerVersion newer, Language language) {
    VersionChange change = newer.change();
    return new NewerView(
        newer.version().version(),
        newer.movable(),
        titles(change.to(), change.modules(VersionChange.Kind.ADDED), language),
        titles(change.to(), change.modules(VersionChange.Kind.CHANGED), language),
        titles(change.from(), change.removed(), language));
  }

  private static List<LocalizedText> titles(
      PackageContent c, List<Module> modules, Language language) {
    return modules.stream().map(m -> c.text(m.title(), language)).toList();
  }

  /** The package's learning outcomes as ESCO skills with their labels. */
  List<ConceptSummary> outcomes(PackageContent c, Language language) {
    return taxonomy.summaries(c.learningOutcomes().stream().map(ConceptUri::of).toList(), language);
  }
}
