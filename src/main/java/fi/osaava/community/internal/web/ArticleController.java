package fi.osaava.community.internal.web;

import fi.osaava.community.internal.ArticleSearch;
import fi.osaava.community.internal.Articles;
import fi.osaava.community.internal.Community;
import fi.osaava.community.internal.CommunityStore;
import fi.osaava.community.internal.CommunityStore.Article;
import fi.osaava.community.internal.CommunityStore.ArticleContent;
import fi.osaava.community.internal.CommunityStore.ArticleKind;
import fi.osaava.community.internal.Moderators;
import fi.osaava.community.internal.Theme;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.NotFoundException;
import fi.osaava.platform.StorableText;
import fi.osaava.profile.PersonId;
import fi.osaava.programmes.ProgrammePackages;
import fi.osaava.programmes.SafeMarkdown;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.PublishingEditors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The knowledge platform: articles and experience stories, searched in any of fi/sv/en with the
 * education search's analysis and read by anyone; comments by signed-in people (reported and hidden
 * as group posts are); writing for organisations' editors.
 */
@Controller
@RequestMapping("/community/articles")
class ArticleController {

  private static final int MAX_RESULTS = 50;

  record ArticleLink(String slug, LocalizedText title, String organisation) {}

  record CommentForm(
      @NotBlank @Size(max = 60) @Nullable String name,
      @NotBlank @Size(max = 5_000) @Nullable String body) {}

  /** The editor's form; every text is optional on its own, what is required is checked below. */
  record ArticleForm(
      @Nullable String slug,
      @Nullable String kind,
      @Size(max = 200) @Nullable String titleFi,
      @Size(max = 200) @Nullable String titleSv,
      @Size(max = 200) @Nullable String titleEn,
      @Size(max = 50_000) @Nullable String bodyFi,
      @Size(max = 50_000) @Nullable String bodySv,
      @Size(max = 50_000) @Nullable String bodyEn,
      @Nullable List<String> themes,
      @Nullable List<String> chosenSkills,
      @Size(max = 10_000) @Nullable String skills,
      @Nullable List<String> packages,
      @Nullable Integer version) {

    static ArticleForm empty() {
      return new ArticleForm(
          "", "STORY", "", "", "", "", "", "", List.of(), List.of(), "", List.of(), null);
    }

    /** The form filled with the article's version in use, for its editor. */
    static ArticleForm of(Article a) {
      return new ArticleForm(
          a.slug(),
          a.kind().name(),
          a.title().getOrDefault(Language.FI, ""),
          a.title().getOrDefault(Language.SV, ""),
          a.title().getOrDefault(Language.EN, ""),
          a.body().getOrDefault(Language.FI, ""),
          a.body().getOrDefault(Language.SV, ""),
          a.body().getOrDefault(Language.EN, ""),
          a.themes(),
          a.skills(),
          "",
          a.packages(),
          a.version());
    }
  }

  /**
   * An earlier version in the article's history, its title in the reader's language if it had one.
   */
  record RevisionLine(
      int version,
      LocalizedText title,
      java.time.OffsetDateTime validFrom,
      java.time.OffsetDateTime replacedAt) {}

  /** What a valid form says, ready to be saved. */
  record Content(
      ArticleKind kind,
      Map<Language, String> title,
      Map<Language, String> body,
      List<Theme> themes,
      List<ConceptSummary> skills,
      List<String> packages) {

    List<String> skillUris() {
      return skills.stream().map(s -> s.uri().value()).toList();
    }

    /** As the store keeps it: themes by key, skills by URI. */
    ArticleContent stored() {
      return new ArticleContent(
          kind, title, body, themes.stream().map(Theme::key).toList(), skillUris(), packages);
    }
  }

  private final CommunityStore store;
  private final Articles articles;
  private final ArticleSearch search;
  private final Community community;
  private final CommunityForms forms;
  private final Moderators moderators;
  private final PublishingEditors editors;
  private final ProgrammePackages packages;
  private final TaxonomyApi taxonomy;
  private final SafeMarkdown markdown;
  private final MessageSource messages;

  ArticleController(
      CommunityStore store,
      Articles articles,
      ArticleSearch search,
      Community community,
      CommunityForms forms,
      Moderators moderators,
      PublishingEditors editors,
      ProgrammePackages packages,
      TaxonomyApi taxonomy,
      SafeMarkdown markdown,
      MessageSource messages) {
    this.store = store;
    this.articles = articles;
    this.search = search;
    this.community = community;
    this.forms = forms;
    this.moderators = moderators;
    this.editors = editors;
    this.packages = packages;
    this.taxonomy = taxonomy;
    this.markdown = markdown;
    this.messages = messages;
  }

  @GetMapping
  String list(
      @RequestParam(required = false) @Nullable String q,
      @RequestParam(required = false) @Nullable String theme,
      Authentication auth,
      Locale locale,
      Model model) {
    Language language = Language.of(locale);
    String text = q == null ? "" : q.strip();
    if (!StorableText.isStorable(text)) {
      throw new InvalidInputException("articles", 0, "q", StorableText.PROBLEM);
    }
    Theme wanted = null;
    if (theme != null && !theme.isBlank()) {
      wanted =
          Theme.byKey(theme)
              .orElseThrow(
                  () -> new InvalidInputException("articles", 0, "theme", "not a listed theme"));
    }
    List<Article> found =
        store.articles(search.search(text, wanted == null ? null : wanted.key(), MAX_RESULTS));
    model.addAttribute("q", text);
    model.addAttribute("theme", wanted);
    model.addAttribute("themes", Theme.values());
    model.addAttribute("results", found.stream().map(a -> card(a, language)).toList());
    model.addAttribute("editor", editors.editor(auth).isPresent());
    return "community/articles";
  }

  /**
   * An article in a list: its title, kind, themes, the organisation's name and the sample label.
   */
  record ArticleCard(
      String slug,
      LocalizedText title,
      ArticleKind kind,
      List<Theme> themes,
      String organisation,
      boolean sample) {}

  private static ArticleCard card(Article a, Language language) {
    return new ArticleCard(
        a.slug(),
        Articles.title(a, language),
        a.kind(),
        a.themes().stream().flatMap(t -> Theme.byKey(t).stream()).toList(),
        a.organisationName(),
        a.sample());
  }

  @GetMapping("/{slug}")
  String article(@PathVariable String slug, Authentication auth, Locale locale, Model model) {
    return articlePage(article(slug), auth, locale, model, Map.of());
  }

  @PostMapping("/{slug}/comments")
  String comment(
      @PathVariable String slug,
      @Valid @ModelAttribute CommentForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    PersonId person = forms.signedIn(auth);
    Article article = article(slug);
    Map<String, @Nullable String> texts = new LinkedHashMap<>();
    texts.put("name", form.name());
    texts.put("body", form.body());
    Map<String, String> errors = forms.errors(binding, texts, locale);
    if (!errors.isEmpty()) {
      model.addAttribute("commentForm", form);
      return articlePage(article, auth, locale, model, errors);
    }
    community.comment(
        article.id(),
        person,
        Objects.requireNonNull(form.name()).strip(),
        Objects.requireNonNull(form.body()).strip());
    return "redirect:/community/articles/" + slug + "#comments";
  }

  @GetMapping("/new")
  String newArticle(Authentication auth, Locale locale, Model model) {
    editors.requireEditor(auth, "Organisations' editors write articles");
    return editorPage(ArticleForm.empty(), List.of(), Map.of(), null, locale, model);
  }

  @PostMapping
  String publish(
      @Valid @ModelAttribute ArticleForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    PublishingEditors.Editor editor =
        editors.requireEditor(auth, "Organisations' editors write articles");
    Map<String, String> errors = new LinkedHashMap<>();
    String slug = form.slug() == null ? "" : form.slug().strip();
    Content content = validate(form, binding, true, errors, locale);
    if (!errors.containsKey("slug")) {
      if (!GroupController.SLUG.matcher(slug).matches()) {
        errors.put("slug", message("community.error.slug", locale));
      } else if (store.article(slug).isPresent()) {
        errors.put("slug", message("community.error.slugTaken", locale));
      }
    }
    if (!errors.isEmpty()) {
      return editorPage(form, content.skills(), errors, null, locale, model);
    }
    articles.publish(
        slug,
        content.kind(),
        editor.organisation(),
        content.title(),
        content.body(),
        content.themes(),
        content.skillUris(),
        content.packages(),
        false);
    store.rememberOrganisation(editor.organisation(), editors.organisationName(auth));
    return "redirect:/community/articles/" + slug;
  }

  /** The form to edit a published article, for the editors of the organisation that owns it. */
  @GetMapping("/{slug}/edit")
  String editArticle(@PathVariable String slug, Authentication auth, Locale locale, Model model) {
    Article article = article(slug);
    requireOwner(auth, article);
    List<ConceptSummary> chosen =
        taxonomy.summaries(
            article.skills().stream().map(ConceptUri::of).toList(), Language.of(locale));
    return editorPage(ArticleForm.of(article), chosen, Map.of(), article, locale, model);
  }

  /**
   * Saves an edit as the article's new version; the version replaced is kept and listed on the
   * article's page. The address (slug) and the owning organisation stay as they were.
   */
  @PostMapping("/{slug}/edit")
  String edit(
      @PathVariable String slug,
      @Valid @ModelAttribute ArticleForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    Article article = article(slug);
    requireOwner(auth, article);
    Map<String, String> errors = new LinkedHashMap<>();
    Content content = validate(form, binding, false, errors, locale);
    if (errors.isEmpty()
        && (form.version() == null
            || !articles.edit(article.id(), form.version(), content.stored()))) {
      // Saved by someone else since this form was opened (or a form without its version): the
      // text typed stays in the form, and the page says to compare with the article first.
      errors.put("", message("community.error.editedMeanwhile", locale));
    }
    if (!errors.isEmpty()) {
      return editorPage(form, content.skills(), errors, article, locale, model);
    }
    store.rememberOrganisation(article.organisation(), editors.organisationName(auth));
    return "redirect:/community/articles/" + slug + "?edited";
  }

  /** The editor of the organisation that owns the article; anyone else is refused with 403. */
  private PublishingEditors.Editor requireOwner(Authentication auth, Article article) {
    PublishingEditors.Editor editor =
        editors.requireEditor(auth, "The owning organisation's editors edit an article");
    if (!editor.organisation().equals(article.organisation())) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "The owning organisation's editors edit an article");
    }
    return editor;
  }

  /**
   * Checks the form as the new-article and edit forms share it, putting every problem beside its
   * field in {@code errors}; the content is meaningful only when {@code errors} stays empty. A
   * theme or package that the form never offers is hostile input, refused as such.
   */
  private Content validate(
      ArticleForm form,
      BindingResult binding,
      boolean withSlug,
      Map<String, String> errors,
      Locale locale) {
    Language language = Language.of(locale);
    Map<String, @Nullable String> texts = new LinkedHashMap<>();
    if (withSlug) {
      texts.put("slug", form.slug());
    }
    for (String field : List.of("titleFi", "bodyFi", "titleSv", "bodySv", "titleEn", "bodyEn")) {
      texts.put(field, value(form, field));
    }
    texts.put("skills", form.skills());
    forms.errors(binding, texts, locale).entrySet().stream()
        .filter(e -> withSlug || !e.getKey().equals("slug"))
        .forEach(e -> errors.put(e.getKey(), e.getValue()));

    ArticleKind kind = "ARTICLE".equals(form.kind()) ? ArticleKind.ARTICLE : ArticleKind.STORY;
    Map<Language, String> title = new EnumMap<>(Language.class);
    Map<Language, String> body = new EnumMap<>(Language.class);
    for (Language l : List.of(Language.FI, Language.SV, Language.EN)) {
      String suffix = l == Language.FI ? "Fi" : l == Language.SV ? "Sv" : "En";
      String t = stripped(value(form, "title" + suffix));
      String b = stripped(value(form, "body" + suffix));
      if (t != null && b == null && !errors.containsKey("body" + suffix)) {
        errors.put("body" + suffix, message("community.error.bodyNeeded", locale));
      } else if (t == null && b != null && !errors.containsKey("title" + suffix)) {
        errors.put("title" + suffix, message("community.error.titleNeeded", locale));
      }
      if (t != null && b != null) {
        title.put(l, t);
        body.put(l, b);
      }
    }
    if (title.isEmpty() && errors.keySet().stream().noneMatch(k -> k.startsWith("title"))) {
      errors.put("titleFi", message("community.error.oneLanguage", locale));
    }
    List<Theme> themes = new ArrayList<>();
    for (String key : Objects.requireNonNullElse(form.themes(), List.<String>of())) {
      Optional<Theme> theme = Theme.byKey(key);
      if (theme.isEmpty()) {
        throw new InvalidInputException("article", 0, "themes", "not a listed theme");
      }
      themes.add(theme.get());
    }
    Set<String> skillUris = new LinkedHashSet<>();
    skillUris.addAll(Objects.requireNonNullElse(form.chosenSkills(), List.<String>of()));
    if (form.skills() != null && !errors.containsKey("skills")) {
      for (String line : form.skills().split("\\s+")) {
        if (!line.isBlank()) {
          skillUris.add(line.strip());
        }
      }
    }
    List<ConceptUri> skills = new ArrayList<>();
    for (String uri : skillUris) {
      if (!ConceptUri.ESCO_SKILL_URI.matcher(uri).matches()) {
        errors.putIfAbsent("skills", message("community.error.skill", locale));
      } else {
        skills.add(ConceptUri.of(uri));
      }
    }
    List<ConceptSummary> known = taxonomy.summaries(skills, language);
    if (known.size() < skills.size()) {
      errors.putIfAbsent("skills", message("community.error.skill", locale));
    }
    List<String> linked = new ArrayList<>();
    for (String p : Objects.requireNonNullElse(form.packages(), List.<String>of())) {
      if (!GroupController.SLUG.matcher(p).matches()
          || packages.publishedPackage(p, language).isEmpty()) {
        throw new InvalidInputException("article", 0, "packages", "not a published package");
      }
      linked.add(p);
    }
    return new Content(kind, title, body, themes, known, linked);
  }

  private String editorPage(
      ArticleForm form,
      List<ConceptSummary> chosen,
      Map<String, String> errors,
      @Nullable Article editing,
      Locale locale,
      Model model) {
    model.addAttribute("form", form);
    model.addAttribute("editing", editing);
    model.addAttribute("errors", errors);
    model.addAttribute("themes", Theme.values());
    model.addAttribute("kinds", ArticleKind.values());
    model.addAttribute("chosen", chosen);
    model.addAttribute("uris", "");
    model.addAttribute("packages", packages.publishedPackages(Language.of(locale)));
    return "community/article-form";
  }

  private String articlePage(
      Article article,
      @Nullable Authentication auth,
      Locale locale,
      Model model,
      Map<String, String> errors) {
    Language language = Language.of(locale);
    Optional<PersonId> person = forms.person(auth);
    LocalizedText title = Articles.title(article, language);
    String body = Objects.requireNonNullElse(article.body().get(title.language()), "");
    model.addAttribute("article", card(article, language));
    model.addAttribute("organisation", article.organisationName());
    model.addAttribute("publishedAt", article.publishedAt());
    model.addAttribute(
        "revisions",
        store.revisions(article.id()).stream()
            .map(
                r ->
                    new RevisionLine(
                        r.version(),
                        Objects.requireNonNullElse(
                            LocalizedText.pickNational(r.title(), language),
                            new LocalizedText(article.slug(), language, true)),
                        r.validFrom(),
                        r.replacedAt()))
            .toList());
    model.addAttribute(
        "mayEdit",
        editors
            .editor(auth)
            .filter(e -> e.organisation().equals(article.organisation()))
            .isPresent());
    model.addAttribute("html", markdown.toHtml(body));
    model.addAttribute(
        "skills",
        taxonomy.summaries(article.skills().stream().map(ConceptUri::of).toList(), language));
    model.addAttribute(
        "packages",
        article.packages().stream()
            .flatMap(p -> packages.publishedPackage(p, language).stream())
            .toList());
    model.addAttribute(
        "comments",
        store.comments(article.id()).stream()
            .map(
                c ->
                    new GroupController.PostView(
                        c, c.hidden() || c.body() == null ? "" : markdown.toHtml(c.body())))
            .toList());
    model.addAttribute("signedIn", person.isPresent());
    model.addAttribute("moderator", moderators.isModerator(auth));
    model.addAttribute("reasons", GroupController.Reason.values());
    model.addAttribute("errors", errors);
    if (!model.containsAttribute("commentForm")) {
      model.addAttribute(
          "commentForm", new CommentForm(person.flatMap(store::displayName).orElse(""), ""));
    }
    return "community/article";
  }

  private Article article(@Nullable String slug) {
    if (slug == null || !GroupController.SLUG.matcher(slug).matches()) {
      throw new NotFoundException("No such article");
    }
    return store.article(slug).orElseThrow(() -> new NotFoundException("No such article"));
  }

  private String message(String key, Locale locale) {
    return Objects.requireNonNullElse(messages.getMessage(key, null, key, locale), key);
  }

  private static @Nullable String value(ArticleForm form, String field) {
    return switch (field) {
      case "titleFi" -> form.titleFi();
      case "titleSv" -> form.titleSv();
      case "titleEn" -> form.titleEn();
      case "bodyFi" -> form.bodyFi();
      case "bodySv" -> form.bodySv();
      default -> form.bodyEn();
    };
  }

  private static @Nullable String stripped(@Nullable String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
