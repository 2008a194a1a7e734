package fi.osaava.education.internal.web;

import fi.osaava.education.EducationLevel;
import fi.osaava.education.internal.importer.JsonLdReader;
import fi.osaava.education.internal.importer.OfferingRecord;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.regions.MunicipalityOptions;
import fi.osaava.taxonomy.ChosenSkills;
import fi.osaava.web.PublishingEditors;
import fi.osaava.web.PublishingEditors.Editor;
import fi.osaava.web.PublishingForms;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
 * soon as the page answers. What every editor form does alike is {@link PublishingForms}'.
 */
@Controller
@RequestMapping("/publish/offerings")
class OfferingPublishingController {

  /** The {@code @id} prefix of offerings created on these pages. */
  static final String SOURCE_ID_PREFIX = "urn:osaava:publish:offering:";

  private static final String FORM = "education/publish-offering";

  private static final String NOT_FOUND = "No offering of yours has this id";

  private static final PublishingForms.Form KIND =
      new PublishingForms.Form(
          "publish.offering.",
          OfferingForm.FIELDS,
          "/publish/offerings",
          "publish.offerings.back",
          OfferingForm::formField);

  private final PublishingEditors editors;
  private final PublishedOfferings offerings;
  private final EducationPush push;
  private final MunicipalityOptions municipalities;
  private final ChosenSkills skills;
  private final PublishingForms forms;

  OfferingPublishingController(
      PublishingEditors editors,
      PublishedOfferings offerings,
      EducationPush push,
      MunicipalityOptions municipalities,
      ChosenSkills skills,
      PublishingForms forms) {
    this.editors = editors;
    this.offerings = offerings;
    this.push = push;
    this.municipalities = municipalities;
    this.skills = skills;
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
    return form(OfferingForm.empty(), null, editor(auth), Map.of(), locale, model);
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") OfferingForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    String sourceId = SOURCE_ID_PREFIX + UUID.randomUUID();
    return save(form, binding, sourceId, null, editor(auth), locale, model);
  }

  @GetMapping("/{id}")
  String edit(@PathVariable String id, Authentication auth, Locale locale, Model model) {
    Editor editor = editor(auth);
    PublishedOfferings.Stored stored = owned(editor, id);
    List<String> unknown = skills.unknown(stored.skills(), PublishingForms.uiLanguage(locale));
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
    push.withdraw(owned(editor(auth), id).id());
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
    return forms.save(
        KIND,
        forms.tooLong(KIND, binding, locale),
        locale,
        () -> {
          push.publish(form.toJsonLd(sourceId, editor.organisation(), municipalities::finnishName));
          return OfferingRecord.idOf(JsonLdReader.SOURCE, sourceId);
        },
        errors -> form(form, stored, editor, errors, locale, model));
  }

  private String form(
      OfferingForm form,
      PublishedOfferings.@Nullable Stored stored,
      Editor editor,
      Map<String, String> errors,
      Locale locale,
      Model model) {
    Language language = PublishingForms.uiLanguage(locale);
    forms.show(KIND, form, editor.organisation(), errors, model);
    model.addAttribute("offering", stored);
    model.addAttribute("levels", EducationLevel.values());
    model.addAttribute("modes", List.of("onsite", "online", "blended"));
    model.addAttribute("units", List.of("credits", "competence points"));
    model.addAttribute("teachingLanguages", List.of("fi", "sv", "en"));
    model.addAttribute("chosenSkills", skills.known(form.chosenSkills(), language));
    model.addAttribute("municipalities", municipalities.inOrder(language));
    return FORM;
  }

  private Editor editor(Authentication auth) {
    return editors.requireEditor(auth, "Only an organisation's editors publish here");
  }

  /** The editor's own offering, or 404: another organisation's offering is simply not found. */
  private PublishedOfferings.Stored owned(Editor editor, String id) {
    return PublishingForms.owned(
        id, uuid -> offerings.find(editor.organisation(), uuid), NOT_FOUND);
  }
}
