package fi.osaava.education.internal.web;

import fi.osaava.education.EducationLevel;
import fi.osaava.education.internal.importer.JsonLdReader;
import fi.osaava.education.internal.importer.OfferingRecord;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 * {@code /publish/offerings}: an organisation's editors list, publish, edit and withdraw its
 * education offerings. Editors are recognised by the sign-in provider's claims ({@link
 * PublishingEditors}); everyone else signed in gets 403. An offering of another organisation is not
 * found (404), whether read or written. Saving goes through the providers' push ({@link
 * EducationPush}), so the form obeys exactly the push API's rules and the offering is searchable as
 * soon as the page answers.
 */
@Controller
@RequestMapping("/publish/offerings")
class OfferingPublishingController {

  /** The {@code @id} prefix of offerings created on these pages. */
  static final String SOURCE_ID_PREFIX = "urn:osaava:publish:offering:";

  private static final String FORM = "education/publish-offering";

  private static final PublishingForms.Form KIND =
      new PublishingForms.Form(
          "publish.offering.", OfferingForm.FIELDS, "/publish/offerings", "publish.offerings.back");

  private final PublishingEditors editors;
  private final PublishedOfferings offerings;
  private final EducationPush push;
  private final RegionsApi regions;
  private final TaxonomyApi taxonomy;
  private final PublishingForms forms;

  OfferingPublishingController(
      PublishingEditors editors,
      PublishedOfferings offerings,
      EducationPush push,
      RegionsApi regions,
      TaxonomyApi taxonomy,
      PublishingForms forms) {
    this.editors = editors;
    this.offerings = offerings;
    this.push = push;
    this.regions = regions;
    this.taxonomy = taxonomy;
    this.forms = forms;
  }

  @GetMapping
  String list(Authentication auth, Locale locale, Model model) {
    Editor editor = editor(auth);
    model.addAttribute("organisation", editor.organisation());
    model.addAttribute("offerings", offerings.list(editor.organisation()));
    model.addAttribute("language", PublishingForms.uiLanguage(locale));
    return "education/publish-offerings";
  }

  @GetMapping("/new")
  String create(Authentication auth, Locale locale, Model model) {
    Editor editor = editor(auth);
    return form(OfferingForm.empty(), null, editor, Map.of(), locale, model);
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") OfferingForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    Editor editor = editor(auth);
    String sourceId = SOURCE_ID_PREFIX + UUID.randomUUID();
    return save(form, binding, sourceId, null, editor, locale, model);
  }

  @GetMapping("/{id}")
  String edit(@PathVariable String id, Authentication auth, Locale locale, Model model) {
    Editor editor = editor(auth);
    PublishedOfferings.Stored stored = owned(editor, id);
    Set<String> known = new HashSet<>();
    skills(stored.skills(), PublishingForms.uiLanguage(locale))
        .forEach(s -> known.add(s.uri().value()));
    List<String> unknown = stored.skills().stream().filter(uri -> !known.contains(uri)).toList();
    return form(OfferingForm.of(stored, unknown), stored, editor, Map.of(), locale, model);
  }

  @PostMapping("/{id}")
  String edit(
      @PathVariable String id,
      @Valid @ModelAttribute("form") OfferingForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    Editor editor = editor(auth);
    PublishedOfferings.Stored stored = owned(editor, id);
    return save(form, binding, stored.sourceId(), stored, editor, locale, model);
  }

  @PostMapping("/{id}/withdraw")
  String withdraw(@PathVariable String id, Authentication auth) {
    Editor editor = editor(auth);
    PublishedOfferings.Stored stored = owned(editor, id);
    push.withdraw(stored.id());
    return "redirect:/publish/offerings?withdrawn";
  }

  /** A field the database cannot store, refused before binding: {@link PublishingForms#refused}. */
  @ExceptionHandler(InvalidInputException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String unstorable(InvalidInputException e, Locale locale, Model model) {
    return forms.refused(KIND, e, locale, model);
  }

  private String save(
      OfferingForm form,
      BindingResult binding,
      String sourceId,
      PublishedOfferings.@Nullable Stored stored,
      Editor editor,
      Locale locale,
      Model model) {
    Map<String, String> errors = forms.tooLong(KIND, binding, locale);
    if (errors.isEmpty()) {
      try {
        push.publish(form.toJsonLd(sourceId, editor.organisation(), this::municipalityName));
        UUID id = OfferingRecord.idOf(JsonLdReader.SOURCE, sourceId);
        return "redirect:/publish/offerings/" + id + "?saved";
      } catch (InvalidInputException e) {
        String field = OfferingForm.formField(e.field()).orElse("");
        String key =
            field.isEmpty() ? "publish.offering.error.other" : "publish.offering.error." + field;
        errors.put(field, forms.message(key, locale));
      }
    }
    return form(form, stored, editor, errors, locale, model);
  }

  private String form(
      OfferingForm form,
      PublishedOfferings.@Nullable Stored stored,
      Editor editor,
      Map<String, String> errors,
      Locale locale,
      Model model) {
    Language language = PublishingForms.uiLanguage(locale);
    model.addAttribute("form", form);
    model.addAttribute("offering", stored);
    model.addAttribute("organisation", editor.organisation());
    model.addAttribute("errors", forms.inPageOrder(KIND, errors));
    model.addAttribute("levels", EducationLevel.values());
    model.addAttribute("modes", List.of("onsite", "online", "blended"));
    model.addAttribute("units", List.of("credits", "competence points"));
    model.addAttribute("teachingLanguages", List.of("fi", "sv", "en"));
    model.addAttribute("chosenSkills", skills(form.chosenSkills(), language));
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
    for (String uri : new LinkedHashSet<>(uris)) {
      if (uri != null && uri.startsWith("http") && uri.length() <= 200) {
        wanted.add(ConceptUri.of(uri.strip()));
      }
    }
    return taxonomy.summaries(wanted, language).stream()
        .filter(s -> s.type() == ConceptType.SKILL)
        .toList();
  }

  private String municipalityName(String code) {
    return regions
        .area(AreaLevel.MUNICIPALITY, code)
        .map(a -> a.name(Language.FI).text())
        // An unknown code goes to the reader as it is, which refuses it as no municipality.
        .orElse(code);
  }

  private Editor editor(Authentication auth) {
    return editors.requireEditor(auth, "Only an organisation's editors publish here");
  }

  /** The editor's own offering, or 404: another organisation's offering is simply not found. */
  private PublishedOfferings.Stored owned(Editor editor, String id) {
    return offerings
        .find(editor.organisation(), PublishingForms.id(id, "No offering of yours has this id"))
        .orElseThrow(() -> new NotFoundException("No offering of yours has this id"));
  }
}
