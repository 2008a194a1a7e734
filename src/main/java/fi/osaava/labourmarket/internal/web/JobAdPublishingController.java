package fi.osaava.labourmarket.internal.web;

import fi.osaava.labourmarket.internal.ads.JobAdIngestion;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.regions.MunicipalityOptions;
import fi.osaava.taxonomy.ChosenSkills;
import fi.osaava.web.PublishingEditors;
import fi.osaava.web.PublishingEditors.Editor;
import fi.osaava.web.PublishingForms;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
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
 * {@code /publish/job-ads}: an organisation's editors (employers) list, publish, edit and close its
 * job ads. Editors are recognised by the sign-in provider's claims ({@link
 * PublishingEditors#jobAdEditor}); everyone else signed in gets 403. An ad of another organisation
 * is not found (404), whether read or written. Saving goes through the job-ad ingestion with the
 * push API's reader ({@link JobAdIngestion#publish}), so the form obeys exactly the API's rules,
 * and an edit re-identifies the ad's skills and moves its count in the demand figures. What every
 * editor form does alike is {@link PublishingForms}'.
 */
@Controller
@RequestMapping("/publish/job-ads")
class JobAdPublishingController {

  /** The identifier prefix of ads created on these pages. */
  static final String IDENTIFIER_PREFIX = "urn:osaava:publish:job-ad:";

  private static final String FORM = "labourmarket/publish-job-ad";

  private static final String NOT_FOUND = "No job ad of yours has this id";

  private static final PublishingForms.Form KIND =
      new PublishingForms.Form(
          "publish.jobAd.",
          JobAdForm.FIELDS,
          "/publish/job-ads",
          "publish.jobAds.back",
          JobAdForm::formField);

  private final PublishingEditors editors;
  private final PublishedJobAds ads;
  private final JobAdIngestion ingestion;
  private final MunicipalityOptions municipalities;
  private final ChosenSkills skills;
  private final PublishingForms forms;
  private final Clock clock;

  JobAdPublishingController(
      PublishingEditors editors,
      PublishedJobAds ads,
      JobAdIngestion ingestion,
      MunicipalityOptions municipalities,
      ChosenSkills skills,
      PublishingForms forms,
      Clock clock) {
    this.editors = editors;
    this.ads = ads;
    this.ingestion = ingestion;
    this.municipalities = municipalities;
    this.skills = skills;
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
    List<String> unknown =
        skills.unknown(stored.chosenSkills(), PublishingForms.uiLanguage(locale));
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
    if (!ingestion.close(owned(editor, id).id(), editor.organisation())) {
      throw new NotFoundException(NOT_FOUND);
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
        && !municipalities.isKnown(form.municipality().strip())) {
      errors.put("municipality", forms.message("publish.jobAd.error.municipality", locale));
    }
    return forms.save(
        KIND,
        errors,
        locale,
        () ->
            ingestion.publish(
                form.toJsonLd(identifier, editor.organisation(), municipalities::finnishName),
                editor.organisation()),
        again -> form(form, stored, editor, again, locale, model));
  }

  private String form(
      JobAdForm form,
      PublishedJobAds.@Nullable Stored stored,
      Editor editor,
      Map<String, String> errors,
      Locale locale,
      Model model) {
    Language language = PublishingForms.uiLanguage(locale);
    forms.show(KIND, form, editor.organisation(), errors, model);
    model.addAttribute("ad", stored);
    model.addAttribute("today", LocalDate.now(clock));
    model.addAttribute("adLanguages", List.of("fi", "sv", "en"));
    model.addAttribute("chosenSkills", skills.known(form.chosenSkills(), language));
    model.addAttribute(
        "identifiedSkills",
        stored == null ? List.of() : skills.known(stored.identifiedSkills(), language));
    model.addAttribute("municipalities", municipalities.inOrder(language));
    return FORM;
  }

  private Editor editor(Authentication auth) {
    return editors.requireJobAdEditor(auth, "Only an organisation's job-ad editors publish here");
  }

  /** The editor's own ad, or 404: another organisation's ad is simply not found. */
  private PublishedJobAds.Stored owned(Editor editor, String id) {
    return PublishingForms.owned(id, uuid -> ads.find(editor.organisation(), uuid), NOT_FOUND);
  }
}
