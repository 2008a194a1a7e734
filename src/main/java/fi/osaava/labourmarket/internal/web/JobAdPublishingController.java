package fi.osaava.labourmarket.internal.web;

import fi.osaava.labourmarket.internal.ads.JobAdIngestion;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.PublishingEditors;
import fi.osaava.web.PublishingEditors.Editor;
import fi.osaava.web.PublishingForms;
import jakarta.validation.Valid;
import java.text.Collator;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * {@code /publish/job-ads}: an organisation's editors (employers) list, publish, edit and close its
 * job ads. Editors are recognised by the sign-in provider's claims ({@link
 * PublishingEditors#jobAdEditor}); everyone else signed in gets 403. An ad of another organisation
 * is not found (404), whether read or written. Saving goes through the job-ad ingestion with the
 * push API's reader ({@link JobAdIngestion#publish}), so the form obeys exactly the API's rules,
 * and an edit re-identifies the ad's skills and moves its count in the demand figures.
 */
@Controller
@RequestMapping("/publish/job-ads")
class JobAdPublishingController {

  /** The identifier prefix of ads created on these pages. */
  static final String IDENTIFIER_PREFIX = "urn:osaava:publish:job-ad:";

  private static final String FORM = "labourmarket/publish-job-ad";

  private static final PublishingForms.Form KIND =
      new PublishingForms.Form(
          "publish.jobAd.", JobAdForm.FIELDS, "/publish/job-ads", "publish.jobAds.back");

  private final PublishingEditors editors;
  private final PublishedJobAds ads;
  private final JobAdIngestion ingestion;
  private final RegionsApi regions;
  private final TaxonomyApi taxonomy;
  private final PublishingForms forms;
  private final Clock clock;

  JobAdPublishingController(
      PublishingEditors editors,
      PublishedJobAds ads,
      JobAdIngestion ingestion,
      RegionsApi regions,
      TaxonomyApi taxonomy,
      PublishingForms forms,
      Clock clock) {
    this.editors = editors;
    this.ads = ads;
    this.ingestion = ingestion;
    this.regions = regions;
    this.taxonomy = taxonomy;
    this.forms = forms;
    this.clock = clock;
  }

  @GetMapping
  String list(Authentication auth, Model model) {
    Editor editor = editor(auth);
    model.addAttribute("organisation", editor.organisation());
    model.addAttribute("ads", ads.list(editor.organisation()));
    model.addAttribute("today", LocalDate.now(clock));
    return "labourmarket/publish-job-ads";
  }

  @GetMapping("/new")
  String create(Authentication auth, Locale locale, Model model) {
    Editor editor = editor(auth);
    return form(JobAdForm.empty(LocalDate.now(clock)), null, editor, Map.of(), locale, model);
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") JobAdForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    Editor editor = editor(auth);
    return save(form, binding, IDENTIFIER_PREFIX + UUID.randomUUID(), null, editor, locale, model);
  }

  @GetMapping("/{id}")
  String edit(@PathVariable String id, Authentication auth, Locale locale, Model model) {
    Editor editor = editor(auth);
    PublishedJobAds.Stored stored = owned(editor, id);
    Set<String> known = known(stored.chosenSkills(), locale);
    List<String> unknown =
        stored.chosenSkills().stream().filter(uri -> !known.contains(uri)).toList();
    return form(JobAdForm.of(stored, unknown), stored, editor, Map.of(), locale, model);
  }

  @PostMapping("/{id}")
  String edit(
      @PathVariable String id,
      @Valid @ModelAttribute("form") JobAdForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    Editor editor = editor(auth);
    PublishedJobAds.Stored stored = owned(editor, id);
    return save(form, binding, stored.sourceKey(), stored, editor, locale, model);
  }

  @PostMapping("/{id}/close")
  String close(@PathVariable String id, Authentication auth) {
    Editor editor = editor(auth);
    PublishedJobAds.Stored stored = owned(editor, id);
    if (!ingestion.close(stored.id(), editor.organisation())) {
      throw new NotFoundException("No job ad of yours has this id");
    }
    return "redirect:/publish/job-ads?closed";
  }

  /** A field the database cannot store, refused before binding: {@link PublishingForms#refused}. */
  @ExceptionHandler(InvalidInputException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String unstorable(InvalidInputException e, Locale locale, Model model) {
    return forms.refused(KIND, e, locale, model);
  }

  private String save(
      JobAdForm form,
      BindingResult binding,
      String identifier,
      PublishedJobAds.@Nullable Stored stored,
      Editor editor,
      Locale locale,
      Model model) {
    Map<String, String> errors = forms.tooLong(KIND, binding, locale);
    // The form offers municipalities by code; the API takes any place name, so an unknown code
    // is the form's own mistake to name.
    if (errors.isEmpty()
        && form.municipality() != null
        && !form.municipality().isBlank()
        && regions.area(AreaLevel.MUNICIPALITY, form.municipality().strip()).isEmpty()) {
      errors.put("municipality", forms.message("publish.jobAd.error.municipality", locale));
    }
    if (errors.isEmpty()) {
      try {
        UUID id =
            ingestion.publish(
                form.toJsonLd(identifier, editor.organisation(), this::municipalityName),
                editor.organisation());
        return "redirect:/publish/job-ads/" + id + "?saved";
      } catch (InvalidInputException e) {
        String field = JobAdForm.formField(e.field()).orElse("");
        String key = field.isEmpty() ? "publish.jobAd.error.other" : "publish.jobAd.error." + field;
        errors.put(field, forms.message(key, locale));
      }
    }
    return form(form, stored, editor, errors, locale, model);
  }

  private String form(
      JobAdForm form,
      PublishedJobAds.@Nullable Stored stored,
      Editor editor,
      Map<String, String> errors,
      Locale locale,
      Model model) {
    Language language = PublishingForms.uiLanguage(locale);
    model.addAttribute("form", form);
    model.addAttribute("ad", stored);
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("organisation", editor.organisation());
    model.addAttribute("errors", forms.inPageOrder(KIND, errors));
    model.addAttribute("adLanguages", List.of("fi", "sv", "en"));
    model.addAttribute("chosenSkills", skills(form.chosenSkills(), language));
    model.addAttribute(
        "identifiedSkills",
        stored == null ? List.of() : skills(stored.identifiedSkills(), language));
    Collator collator = Collator.getInstance(locale);
    model.addAttribute(
        "municipalities",
        regions.areas(AreaLevel.MUNICIPALITY).stream()
            .map(a -> new Municipality(a.code(), a.name(language).text()))
            .sorted(Comparator.comparing(Municipality::name, collator))
            .toList());
    return FORM;
  }

  /** A municipality option of the form. */
  record Municipality(String code, String name) {}

  /** The ESCO skills among {@code uris}, with their labels in the page's language. */
  private List<ConceptSummary> skills(@Nullable List<String> uris, Language language) {
    if (uris == null || uris.isEmpty()) {
      return List.of();
    }
    List<ConceptUri> wanted = new ArrayList<>();
    for (String uri : new java.util.LinkedHashSet<>(uris)) {
      if (uri != null && uri.startsWith("http") && uri.length() <= 200) {
        wanted.add(ConceptUri.of(uri.strip()));
      }
    }
    return taxonomy.summaries(wanted, language).stream()
        .filter(s -> s.type() == ConceptType.SKILL)
        .toList();
  }

  private Set<String> known(List<String> uris, Locale locale) {
    Set<String> known = new HashSet<>();
    skills(uris, PublishingForms.uiLanguage(locale)).forEach(s -> known.add(s.uri().value()));
    return known;
  }

  private String municipalityName(String code) {
    return regions
        .area(AreaLevel.MUNICIPALITY, code)
        .map(a -> a.name(Language.FI).text())
        .orElse(code);
  }

  private Editor editor(Authentication auth) {
    return editors.requireJobAdEditor(auth, "Only an organisation's job-ad editors publish here");
  }

  /** The editor's own ad, or 404: another organisation's ad is simply not found. */
  private PublishedJobAds.Stored owned(Editor editor, String id) {
    return ads.find(editor.organisation(), PublishingForms.id(id, "No job ad of yours has this id"))
        .orElseThrow(() -> new NotFoundException("No job ad of yours has this id"));
  }
}
