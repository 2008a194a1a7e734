package fi.osaava.recommendations.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.recommendations.internal.Handovers;
import fi.osaava.recommendations.internal.PersonalRecommendations;
import fi.osaava.recommendations.internal.SituationPreferences;
import fi.osaava.recommendations.internal.SituationPreferences.Preference;
import fi.osaava.regions.MunicipalityOptions;
import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.ServiceRecommendations;
import fi.osaava.servicenetwork.ServiceRecommendations.RecommendedService;
import fi.osaava.web.Downloads;
import jakarta.validation.Valid;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The signed-in person's recommendations page, the life situation they choose for it, the consent
 * page of a hand-over summary and their hand-overs with withdrawal. Everything here is the person's
 * own; another person's hand-over is not found.
 */
@Controller
class RecommendationsPageController {

  static final String PATH = "/recommendations";

  /**
   * A hand-over as its owner's page shows it.
   *
   * @param service null once the service is retired from the directory
   * @param state {@code active}, {@code revoked} or {@code expired}
   * @param link the whole link while it can be opened, else null
   */
  record HandoverRow(
      UUID id,
      @Nullable RecommendedService service,
      String state,
      String consented,
      String expires,
      int openings,
      @Nullable String lastOpened,
      @Nullable String link) {}

  /** Dates as people read them where Osaava serves: in Finnish time. */
  static DateTimeFormatter dates(Locale locale) {
    return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale)
        .withZone(ZoneId.of("Europe/Helsinki"));
  }

  private final ProfileApi profile;
  private final PersonalRecommendations recommendations;
  private final SituationPreferences preferences;
  private final Handovers handovers;
  private final ServiceRecommendations services;
  private final MunicipalityOptions municipalities;
  private final MessageSource messages;
  private final HandoverPdf pdfs;

  RecommendationsPageController(
      ProfileApi profile,
      PersonalRecommendations recommendations,
      SituationPreferences preferences,
      Handovers handovers,
      ServiceRecommendations services,
      MunicipalityOptions municipalities,
      MessageSource messages,
      HandoverPdf pdfs) {
    this.pdfs = pdfs;
    this.profile = profile;
    this.recommendations = recommendations;
    this.preferences = preferences;
    this.handovers = handovers;
    this.services = services;
    this.municipalities = municipalities;
    this.messages = messages;
  }

  @GetMapping(PATH)
  String page(Authentication auth, Locale locale, Model model) {
    return page(person(auth), null, Map.of(), locale, model);
  }

  @PostMapping(PATH + "/situation")
  String choose(
      @Valid @ModelAttribute SituationForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    PersonId person = person(auth);
    Map<String, String> errors = new LinkedHashMap<>();
    LifeSituation situation =
        Arrays.stream(LifeSituation.values())
            .filter(s -> s.name().equals(form.situation()))
            .findFirst()
            .orElse(null);
    if (situation == null) {
      errors.put("situation", messages.getMessage("rec.error.situation", null, locale));
    }
    String municipality =
        form.municipality() == null || form.municipality().isBlank() ? null : form.municipality();
    if (binding.hasFieldErrors("municipality")
        || (municipality != null && !municipalities.isKnown(municipality))) {
      errors.put("municipality", messages.getMessage("rec.error.municipality", null, locale));
    }
    if (!errors.isEmpty() || situation == null) {
      return page(person, form, errors, locale, model);
    }
    preferences.save(person, new Preference(situation, municipality));
    return "redirect:" + PATH + "#recommendations";
  }

  private String page(
      PersonId person,
      @Nullable SituationForm form,
      Map<String, String> errors,
      Locale locale,
      Model model) {
    Language language = Language.of(locale);
    PersonalRecommendations.Result result = recommendations.recommend(person, language);
    model.addAttribute("result", result);
    model.addAttribute("errors", errors);
    model.addAttribute(
        "chosenSituation",
        form != null
            ? form.situation()
            : result.preference() == null ? null : result.preference().situation().name());
    model.addAttribute(
        "chosenMunicipality",
        form != null
            ? form.municipality()
            : result.preference() == null ? null : result.preference().municipalityCode());
    model.addAttribute(
        "situations", Arrays.stream(LifeSituation.values()).map(Enum::name).toList());
    model.addAttribute("municipalities", municipalities.inOrder(language));
    return "recommendations/recommendations";
  }

  @GetMapping(PATH + "/handover/{service}")
  String consent(@PathVariable String service, Authentication auth, Locale locale, Model model) {
    return consentPage(person(auth), service(service, locale), Map.of(), locale, model);
  }

  @PostMapping(PATH + "/handover/{service}")
  String handOver(
      @PathVariable String service,
      @Valid @ModelAttribute HandoverForm form,
      BindingResult binding,
      Authentication auth,
      Locale locale,
      Model model) {
    PersonId person = person(auth);
    RecommendedService chosen = service(service, locale);
    if (binding.hasErrors() || !form.consented()) {
      return consentPage(
          person,
          chosen,
          Map.of("consent", messages.getMessage("rec.error.consent", null, locale)),
          locale,
          model);
    }
    Handovers.Issued made =
        handovers.issue(
            person,
            chosen.id(),
            form.consented(),
            recommendations.summary(person, Language.of(locale)));
    return "redirect:" + PATH + "/handovers#handover-" + made.id();
  }

  private String consentPage(
      PersonId person,
      RecommendedService service,
      Map<String, String> errors,
      Locale locale,
      Model model) {
    model.addAttribute("service", service);
    model.addAttribute("summary", recommendations.summary(person, Language.of(locale)));
    model.addAttribute("lifetimeDays", handovers.lifetime().toDays());
    model.addAttribute("errors", errors);
    return "recommendations/handover";
  }

  @GetMapping(PATH + "/handovers")
  String handovers(Authentication auth, Locale locale, Model model) {
    Language language = Language.of(locale);
    DateTimeFormatter dates = dates(locale);
    model.addAttribute(
        "handovers",
        handovers.list(person(auth)).stream()
            .map(
                h ->
                    new HandoverRow(
                        h.id(),
                        services.find(h.service(), language).orElse(null),
                        h.revokedAt() != null
                            ? "revoked"
                            : h.token() == null ? "expired" : "active",
                        dates.format(h.consentedAt()),
                        dates.format(h.expiresAt()),
                        h.openings(),
                        h.lastOpened() == null ? null : dates.format(h.lastOpened()),
                        h.token() == null ? null : link(h.token())))
            .toList());
    return "recommendations/handovers";
  }

  /**
   * The person's own hand-over as a PDF to take to the service: only while its link can be opened,
   * so only after the same consent, and made from what the link flow stored (nothing more is kept).
   * Anything else is not found.
   */
  @GetMapping(PATH + "/handovers/{id}/summary.pdf")
  ResponseEntity<byte[]> summaryPdf(@PathVariable String id, Authentication auth) {
    Handovers.Held held =
        handovers
            .held(person(auth), uuid(id))
            .orElseThrow(() -> new NotFoundException("No hand-over " + id + " to download"));
    Language language = Language.fromCode(held.summary().language()).orElse(Language.FALLBACK);
    byte[] pdf =
        pdfs.render(held, services.find(held.service(), language).orElse(null), link(held.token()));
    return Downloads.pdf(pdf, "osaava-summary.pdf");
  }

  private static String link(String token) {
    return ServletUriComponentsBuilder.fromCurrentContextPath()
        .path("/handover/")
        .path(token)
        .toUriString();
  }

  @PostMapping(PATH + "/handovers/{id}/revoke")
  String revoke(@PathVariable String id, Authentication auth) {
    handovers.revoke(person(auth), uuid(id));
    return "redirect:" + PATH + "/handovers#handover-" + id;
  }

  private RecommendedService service(String id, Locale locale) {
    return services
        .find(uuid(id), Language.of(locale))
        .orElseThrow(() -> new NotFoundException("No service " + id));
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Not an id: " + id);
    }
  }

  private PersonId person(Authentication auth) {
    return profile
        .currentPerson(auth)
        .orElseThrow(() -> new NotFoundException("No person for this sign-in"));
  }
}
