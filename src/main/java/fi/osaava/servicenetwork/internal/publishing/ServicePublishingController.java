package fi.osaava.servicenetwork.internal.publishing;

import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.MunicipalityOptions;
import fi.osaava.regions.RegionsApi;
import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.ServiceType;
import fi.osaava.servicenetwork.internal.ServiceDirectoryService;
import fi.osaava.servicenetwork.internal.publishing.ServiceEditors.Editor;
import fi.osaava.web.PublishingForms;
import jakarta.validation.Valid;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * {@code /publish/services}: an organisation's editors list, publish, edit, withdraw and restore
 * its services in the directory. Editors are recognised by the sign-in provider's claims ({@link
 * ServiceEditors}); everyone else signed in gets 403. A service of another organisation is not
 * found (404), whether read or written. Saving turns the form into the documented JSON and stores
 * it with the push API's and the file import's reader and writer ({@link
 * ServiceDirectoryService#publishForOrganisation}), so all three give the same record, the same
 * {@code ServicesChanged} event and the same index update. What every editor form does alike is
 * {@link PublishingForms}'.
 */
@Controller
@RequestMapping("/publish/services")
class ServicePublishingController {

  static final String BACK = "/publish/services";

  /** The provider's own id of services created on these pages: {@code osaava-<uuid>}. */
  static final String ID_PREFIX = "osaava-";

  private static final String NOT_FOUND = "No service of your organisation has this id";

  private final ServiceEditors editors;
  private final OrganisationServices services;
  private final ServiceDirectoryService directory;
  private final RegionsApi regions;
  private final MunicipalityOptions municipalities;
  private final PublishingForms forms;

  ServicePublishingController(
      ServiceEditors editors,
      OrganisationServices services,
      ServiceDirectoryService directory,
      RegionsApi regions,
      MunicipalityOptions municipalities,
      PublishingForms forms) {
    this.editors = editors;
    this.services = services;
    this.directory = directory;
    this.regions = regions;
    this.municipalities = municipalities;
    this.forms = forms;
  }

  /** The form's kind for {@link PublishingForms}, with the reader's field paths of this form. */
  private static PublishingForms.Form kind(ServiceForm form) {
    return new PublishingForms.Form(
        "publish.service.", ServiceForm.FIELDS, BACK, "publish.services.back", form::formField);
  }

  private static final PublishingForms.Form EMPTY = kind(ServiceForm.empty());

  @GetMapping
  String list(Authentication auth, Locale locale, Model model) {
    Editor editor = editors.require(auth);
    model.addAttribute("organisation", organisation(editor));
    model.addAttribute("services", services.list(editor.businessId()));
    model.addAttribute("language", PublishingForms.uiLanguage(locale));
    return "services/publish-services";
  }

  @GetMapping("/new")
  String create(Authentication auth, Locale locale, Model model) {
    Editor editor = editors.require(auth);
    return form(ServiceForm.empty(), null, editor, Map.of(), locale, model);
  }

  @PostMapping
  String create(
      @Valid @ModelAttribute("form") ServiceForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    Editor editor = editors.require(auth);
    return save(form, binding, ID_PREFIX + UUID.randomUUID(), null, editor, locale, model);
  }

  @GetMapping("/{id}")
  String edit(@PathVariable String id, Authentication auth, Locale locale, Model model) {
    Editor editor = editors.require(auth);
    OrganisationServices.Stored stored = owned(editor, id);
    Language language = PublishingForms.uiLanguage(locale);
    ServiceForm form = ServiceForm.of(stored, code -> municipalityName(code, language));
    return form(form, stored, editor, Map.of(), locale, model);
  }

  @PostMapping("/{id}")
  String edit(
      @PathVariable String id,
      @Valid @ModelAttribute("form") ServiceForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    Editor editor = editors.require(auth);
    OrganisationServices.Stored stored = owned(editor, id);
    return save(form, binding, stored.providerId(), stored, editor, locale, model);
  }

  @PostMapping("/{id}/withdraw")
  String withdraw(@PathVariable String id, Authentication auth) {
    return setActive(id, auth, false, "withdrawn");
  }

  @PostMapping("/{id}/restore")
  String restore(@PathVariable String id, Authentication auth) {
    return setActive(id, auth, true, "restored");
  }

  /** A field the database cannot store, refused before binding: {@link PublishingForms#refused}. */
  @ExceptionHandler(InvalidInputException.class)
  @ResponseStatus(HttpStatus.BAD_REQUEST)
  String unstorable(InvalidInputException e, Locale locale, Model model) {
    return forms.refused(EMPTY, e, locale, model);
  }

  private String setActive(String id, Authentication auth, boolean active, String done) {
    Editor editor = editors.require(auth);
    OrganisationServices.Stored stored = owned(editor, id);
    // Withdrawing a withdrawn service (a second click) changes nothing and leads to the same page.
    directory.setActive(stored.id(), editor.businessId(), active);
    return "redirect:" + BACK + "/" + stored.id() + "?" + done;
  }

  private String save(
      ServiceForm form,
      BindingResult binding,
      String providerId,
      OrganisationServices.@Nullable Stored stored,
      Editor editor,
      Locale locale,
      Model model) {
    PublishingForms.Form kind = kind(form);
    Map<String, String> errors = new LinkedHashMap<>();
    // The week's times are one field per channel on the page.
    forms
        .tooLong(kind, binding, locale)
        .forEach(
            (field, message) ->
                errors.putIfAbsent(
                    field.startsWith("phone") && !field.equals("phone")
                        ? "phoneHours"
                        : field.startsWith("address") && !field.equals("addressMunicipality")
                            ? "addressHours"
                            : field,
                    message));
    List<String> codes = new ArrayList<>();
    if (errors.isEmpty()) {
      // The form takes municipalities by name as people know them; the format takes codes, so a
      // name that is no municipality is the form's own mistake to name.
      List<String> unknown = new ArrayList<>();
      for (String entry : form.municipalityEntries()) {
        municipality(entry).ifPresentOrElse(a -> codes.add(a.code()), () -> unknown.add(entry));
      }
      if (!unknown.isEmpty()) {
        errors.put(
            "municipalities",
            forms.message(
                "publish.service.error.municipalities", locale, String.join(", ", unknown)));
      }
      if (!form.unknownTickedLanguages().isEmpty()) {
        errors.put("languages", forms.message("publish.service.error.languages", locale));
      }
    }
    // The organisation's names: those the service has (perhaps pushed in three languages), else
    // the sign-in's organisation-name claim, else those of the organisation's latest service.
    Map<Language, String> names = new EnumMap<>(Language.class);
    if (stored != null) {
      names.putAll(stored.organisationName());
    } else if (!editor.organisationName().isEmpty()) {
      names.put(Language.FI, editor.organisationName());
    } else {
      names.putAll(services.organisationName(editor.businessId()));
    }
    return forms.save(
        kind,
        errors,
        locale,
        () ->
            directory.publishForOrganisation(
                form.toJson(providerId, editor.businessId(), names, codes), editor.businessId()),
        again -> form(form, stored, editor, again, locale, model));
  }

  private Optional<Area> municipality(String entry) {
    String typed = entry.strip();
    if (typed.matches("\\d{1,3}")) {
      return regions.area(AreaLevel.MUNICIPALITY, typed);
    }
    return regions.areaByName(AreaLevel.MUNICIPALITY, typed);
  }

  private String municipalityName(String code, Language language) {
    return regions
        .area(AreaLevel.MUNICIPALITY, code)
        .map(a -> a.name(language).text())
        .orElse(code);
  }

  private String form(
      ServiceForm form,
      OrganisationServices.@Nullable Stored stored,
      Editor editor,
      Map<String, String> errors,
      Locale locale,
      Model model) {
    Language language = PublishingForms.uiLanguage(locale);
    forms.show(kind(form), form, organisation(editor), errors, model);
    model.addAttribute("service", stored);
    model.addAttribute(
        "serviceTypes", Arrays.stream(ServiceType.values()).map(Enum::name).toList());
    model.addAttribute(
        "situations", Arrays.stream(LifeSituation.values()).map(Enum::name).toList());
    model.addAttribute(
        "regions",
        regions.areas(AreaLevel.REGION).stream()
            .map(r -> new MunicipalityOptions.Option(r.code(), r.name(language).text()))
            .sorted(Comparator.comparing(MunicipalityOptions.Option::name))
            .toList());
    model.addAttribute("tickedLanguages", ServiceForm.TICKED_LANGUAGES);
    model.addAttribute("chargeTypes", List.of("FREE", "CHARGED", "PARTLY_CHARGED"));
    model.addAttribute(
        "days",
        ServiceForm.DAYS.stream().map(d -> d.getDisplayName(TextStyle.FULL, locale)).toList());
    model.addAttribute("municipalities", municipalities.inOrder(language));
    model.addAttribute("generalDescriptions", services.generalDescriptions(language));
    return "services/publish-service";
  }

  private static String organisation(Editor editor) {
    return editor.organisationName().isEmpty()
        ? editor.businessId()
        : editor.organisationName() + " (" + editor.businessId() + ")";
  }

  /** The organisation's own service, or 404: another organisation's service is simply not found. */
  private OrganisationServices.Stored owned(Editor editor, String id) {
    return PublishingForms.owned(id, uuid -> services.find(editor.businessId(), uuid), NOT_FOUND);
  }
}
