package fi.osaava.community.internal.web;

import fi.osaava.community.internal.Articles;
import fi.osaava.community.internal.Community;
import fi.osaava.community.internal.CommunityStore;
import fi.osaava.community.internal.CommunityStore.Group;
import fi.osaava.community.internal.CommunityStore.Post;
import fi.osaava.community.internal.EventStore;
import fi.osaava.community.internal.Events;
import fi.osaava.community.internal.Moderators;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.PersonId;
import fi.osaava.programmes.SafeMarkdown;
import fi.osaava.web.PublishingEditors;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
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
 * The thematic groups: anyone reads them; a signed-in person joins under a name of their choosing,
 * and members start threads, reply and suggest new content. Anyone signed in reports a post;
 * moderators hide (or restore) it, and see the reported posts and the moderation log.
 */
@Controller
@RequestMapping("/community")
class GroupController {

  /** A group's name in its address; anything else is no group (and never reaches SQL). */
  static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,79}");

  /** Why a post is reported or hidden. */
  enum Reason {
    SPAM,
    ABUSE,
    PERSONAL_DATA,
    OFF_TOPIC,
    OTHER
  }

  record JoinForm(@NotBlank @Size(max = 60) @Nullable String name) {}

  record ThreadForm(
      @NotBlank @Size(max = 200) @Nullable String title,
      @NotBlank @Size(max = 10_000) @Nullable String body) {}

  record ReplyForm(@NotBlank @Size(max = 10_000) @Nullable String body) {}

  record SuggestionForm(@NotBlank @Size(max = 2_000) @Nullable String text) {}

  private final CommunityStore store;
  private final Community community;
  private final CommunityForms forms;
  private final Moderators moderators;
  private final PublishingEditors editors;
  private final SafeMarkdown markdown;
  private final EventStore events;
  private final EventOrganisers organisers;
  private final Clock clock;

  GroupController(
      CommunityStore store,
      Community community,
      CommunityForms forms,
      Moderators moderators,
      PublishingEditors editors,
      SafeMarkdown markdown,
      EventStore events,
      EventOrganisers organisers,
      Clock clock) {
    this.store = store;
    this.community = community;
    this.forms = forms;
    this.moderators = moderators;
    this.editors = editors;
    this.markdown = markdown;
    this.events = events;
    this.organisers = organisers;
    this.clock = clock;
  }

  @GetMapping
  String index(Locale locale, Model model) {
    Language language = Language.of(locale);
    model.addAttribute(
        "groups", store.groups().stream().map(g -> GroupView.of(g, language)).toList());
    model.addAttribute(
        "articles",
        store.latestArticles(5).stream()
            .map(
                a ->
                    new ArticleController.ArticleLink(
                        a.slug(), Articles.title(a, language), a.organisationName()))
            .toList());
    return "community/index";
  }

  @GetMapping("/groups/{slug}")
  String group(@PathVariable String slug, Authentication auth, Locale locale, Model model) {
    Group group = group(slug);
    return groupPage(group, auth, locale, model, Map.of());
  }

  @PostMapping("/groups/{slug}/join")
  String join(
      @PathVariable String slug,
      @Valid @ModelAttribute JoinForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    PersonId person = forms.signedIn(auth);
    Group group = group(slug);
    Map<String, String> errors = forms.errors(binding, texts("name", form.name()), locale);
    if (!errors.isEmpty()) {
      model.addAttribute("joinName", form.name());
      return groupPage(group, auth, locale, model, errors);
    }
    community.join(group, person, Objects.requireNonNull(form.name()).strip());
    return "redirect:/community/groups/" + slug + "?joined";
  }

  @PostMapping("/groups/{slug}/leave")
  String leave(@PathVariable String slug, Authentication auth) {
    PersonId person = forms.signedIn(auth);
    community.leave(group(slug), person);
    return "redirect:/community/groups/" + slug;
  }

  @PostMapping("/groups/{slug}/threads")
  String startThread(
      @PathVariable String slug,
      @Valid @ModelAttribute ThreadForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    PersonId person = forms.signedIn(auth);
    Group group = group(slug);
    Map<String, String> errors =
        forms.errors(binding, texts("title", form.title(), "body", form.body()), locale);
    if (!errors.isEmpty()) {
      model.addAttribute("threadForm", form);
      return groupPage(group, auth, locale, model, errors);
    }
    UUID id =
        community.startThread(
            group,
            person,
            Objects.requireNonNull(form.title()).strip(),
            Objects.requireNonNull(form.body()).strip());
    return "redirect:/community/groups/" + slug + "/threads/" + id;
  }

  @PostMapping("/groups/{slug}/suggestions")
  String suggest(
      @PathVariable String slug,
      @Valid @ModelAttribute SuggestionForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    PersonId person = forms.signedIn(auth);
    Group group = group(slug);
    Map<String, String> errors = forms.errors(binding, texts("text", form.text()), locale);
    if (!errors.isEmpty()) {
      model.addAttribute("suggestionText", form.text());
      return groupPage(group, auth, locale, model, errors);
    }
    community.suggest(group, person, Objects.requireNonNull(form.text()).strip());
    return "redirect:/community/groups/" + slug + "?suggested";
  }

  @GetMapping("/groups/{slug}/threads/{id}")
  String thread(
      @PathVariable String slug,
      @PathVariable String id,
      Authentication auth,
      Locale locale,
      Model model) {
    Group group = group(slug);
    return threadPage(group, thread(group, id), auth, locale, model, Map.of());
  }

  @PostMapping("/groups/{slug}/threads/{id}/replies")
  String reply(
      @PathVariable String slug,
      @PathVariable String id,
      @Valid @ModelAttribute ReplyForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    PersonId person = forms.signedIn(auth);
    Group group = group(slug);
    Post thread = thread(group, id);
    Map<String, String> errors = forms.errors(binding, texts("body", form.body()), locale);
    if (!errors.isEmpty()) {
      model.addAttribute("replyBody", form.body());
      return threadPage(group, thread, auth, locale, model, errors);
    }
    community.reply(group, thread, person, Objects.requireNonNull(form.body()).strip());
    return "redirect:/community/groups/" + slug + "/threads/" + id + "#replies";
  }

  /** Anyone signed in reports a post once; it stays until a moderator decides. */
  @PostMapping("/posts/{id}/report")
  String report(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String reason,
      Authentication auth) {
    PersonId person = forms.signedIn(auth);
    Post post = community.post(id);
    community.report(post, person, reason(reason).name());
    return "redirect:" + where(post) + "?reported";
  }

  @PostMapping("/posts/{id}/moderate")
  String moderate(
      @PathVariable String id,
      @RequestParam(required = false) @Nullable String action,
      @RequestParam(required = false) @Nullable String reason,
      Authentication auth) {
    PersonId moderator = forms.signedIn(auth);
    requireModerator(auth);
    Post post = community.post(id);
    if (!"hide".equals(action) && !"restore".equals(action)) {
      throw new InvalidInputException("moderation", 0, "action", "hide or restore");
    }
    community.moderate(post, moderator, "hide".equals(action), reason(reason).name());
    return "redirect:/community/moderation?done";
  }

  @GetMapping("/moderation")
  String moderation(Authentication auth, Locale locale, Model model) {
    forms.signedIn(auth);
    requireModerator(auth);
    model.addAttribute("reported", store.reported());
    model.addAttribute("log", store.moderationLog());
    model.addAttribute("reasons", Reason.values());
    return "community/moderation";
  }

  /** Members' suggestions, for the editors who write content and for moderators. */
  @GetMapping("/suggestions")
  String suggestions(Authentication auth, Locale locale, Model model) {
    forms.signedIn(auth);
    if (editors.editor(auth).isEmpty() && !moderators.isModerator(auth)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Editors and moderators read the suggestions");
    }
    Language language = Language.of(locale);
    model.addAttribute(
        "suggestions",
        store.suggestions().stream()
            .map(
                s ->
                    new SuggestionView(
                        s.groupSlug(),
                        Objects.requireNonNullElse(
                            LocalizedText.pick(s.groupTitle(), language),
                            new LocalizedText(s.groupSlug(), language, true)),
                        s.text(),
                        s.at()))
            .toList());
    return "community/suggestions";
  }

  record SuggestionView(
      String groupSlug, LocalizedText group, String text, java.time.OffsetDateTime at) {}

  /** A group as its pages show it. */
  record GroupView(
      String slug,
      LocalizedText title,
      @Nullable LocalizedText summary,
      boolean sample,
      int members) {

    static GroupView of(Group g, Language language) {
      return new GroupView(
          g.slug(),
          Objects.requireNonNullElse(
              LocalizedText.pick(g.title(), language), new LocalizedText(g.slug(), language, true)),
          LocalizedText.pick(g.summary(), language),
          g.sample(),
          g.members());
    }
  }

  /** An event in the group's list: what, when, and whether places are left. */
  record EventCard(
      UUID id, LocalizedText title, ZonedDateTime start, int placesLeft, boolean cancelled) {}

  /** A post as the pages show it, its Markdown rendered inert. */
  record PostView(Post post, String html) {}

  private String groupPage(
      Group group,
      @Nullable Authentication auth,
      Locale locale,
      Model model,
      Map<String, String> errors) {
    Optional<PersonId> person = forms.person(auth);
    model.addAttribute("group", GroupView.of(group, Language.of(locale)));
    model.addAttribute("threads", store.threads(group.id()));
    model.addAttribute(
        "events",
        events.events(group.id(), clock.instant(), 24).stream()
            .map(
                e ->
                    new EventCard(
                        e.id(),
                        Objects.requireNonNull(
                            LocalizedText.pick(e.details().title(), Language.of(locale))),
                        e.details().start().atZone(Events.HELSINKI),
                        e.placesLeft(),
                        e.cancelled()))
            .toList());
    model.addAttribute("organiser", organisers.is(auth));
    model.addAttribute("signedIn", person.isPresent());
    model.addAttribute("member", person.map(p -> store.isMember(group.id(), p)).orElse(false));
    model.addAttribute("displayName", person.flatMap(store::displayName).orElse(""));
    model.addAttribute("errors", errors);
    if (!model.containsAttribute("threadForm")) {
      model.addAttribute("threadForm", new ThreadForm("", ""));
    }
    return "community/group";
  }

  private String threadPage(
      Group group,
      Post thread,
      @Nullable Authentication auth,
      Locale locale,
      Model model,
      Map<String, String> errors) {
    Optional<PersonId> person = forms.person(auth);
    model.addAttribute("group", GroupView.of(group, Language.of(locale)));
    model.addAttribute("thread", view(thread));
    model.addAttribute("replies", store.replies(thread.id()).stream().map(this::view).toList());
    model.addAttribute("signedIn", person.isPresent());
    model.addAttribute("member", person.map(p -> store.isMember(group.id(), p)).orElse(false));
    model.addAttribute("moderator", moderators.isModerator(auth));
    model.addAttribute("reasons", Reason.values());
    model.addAttribute("errors", errors);
    return "community/thread";
  }

  PostView view(Post post) {
    return new PostView(
        post, post.hidden() || post.body() == null ? "" : markdown.toHtml(post.body()));
  }

  private Group group(@Nullable String slug) {
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new NotFoundException("No such group");
    }
    return store.group(slug).orElseThrow(() -> new NotFoundException("No such group"));
  }

  private Post thread(Group group, String id) {
    Post post = community.post(id);
    if (!group.id().equals(post.groupId()) || post.parentId() != null) {
      throw new NotFoundException("No such thread in this group");
    }
    return post;
  }

  /** The page a post is shown on. */
  private String where(Post post) {
    if (post.articleId() != null) {
      return store
          .articleSlug(post.articleId())
          .map(s -> "/community/articles/" + s)
          .orElse("/community");
    }
    UUID thread = post.parentId() != null ? post.parentId() : post.id();
    return store
        .groupSlug(Objects.requireNonNull(post.groupId()))
        .map(s -> "/community/groups/" + s + "/threads/" + thread)
        .orElse("/community");
  }

  private void requireModerator(@Nullable Authentication auth) {
    if (!moderators.isModerator(auth)) {
      throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Moderators only");
    }
  }

  static Reason reason(@Nullable String value) {
    return Arrays.stream(Reason.values())
        .filter(r -> r.name().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidInputException("report", 0, "reason", "not one of the listed reasons"));
  }

  private static Map<String, @Nullable String> texts(String field, @Nullable String value) {
    Map<String, @Nullable String> texts = new LinkedHashMap<>();
    texts.put(field, value);
    return texts;
  }

  private static Map<String, @Nullable String> texts(
      String field, @Nullable String value, String other, @Nullable String otherValue) {
    Map<String, @Nullable String> texts = texts(field, value);
    texts.put(other, otherValue);
    return texts;
  }
}
