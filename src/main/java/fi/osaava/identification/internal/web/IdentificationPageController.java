package fi.osaava.identification.internal.web;

import fi.osaava.identification.Evidence;
import fi.osaava.identification.Identification;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifiedConcept;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.identification.MatchReason;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.web.ClientRateLimit;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /identify}: a text area whose text becomes suggested skills and occupations, each a chip
 * to accept or reject, with the words it came from highlighted in the text. A plain form post that
 * works without JavaScript; with htmx the form swaps in only the results. Nothing is stored here: a
 * signed-in person's "save to my profile" button posts the same form to the profile module, which
 * keeps the accepted skills with the words they were found in.
 */
@Controller
class IdentificationPageController {

  static final String PATH = "/identify";
  static final int SUGGESTIONS = 15;

  private final IdentificationApi identification;
  private final ClientRateLimit limiter;

  IdentificationPageController(IdentificationApi identification, ClientRateLimit limiter) {
    this.identification = identification;
    this.limiter = limiter;
  }

  /** Whether a person is signed in, so that the page offers to save into their profile. */
  static boolean signedIn(Authentication auth) {
    return auth != null
        && auth.isAuthenticated()
        && !(auth instanceof AnonymousAuthenticationToken);
  }

  @GetMapping(PATH)
  String form(Model model, Authentication auth) {
    model.addAttribute("signedIn", signedIn(auth));
    model.addAttribute("text", "");
    model.addAttribute("lang", "");
    model.addAttribute("languages", Language.UI);
    return "identification/identify";
  }

  @PostMapping(PATH)
  String identify(
      @RequestParam(defaultValue = "") String text,
      @RequestParam(defaultValue = "") String lang,
      @RequestParam Map<String, String> parameters,
      @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false)
          String htmx,
      Locale locale,
      Model model,
      Authentication auth,
      jakarta.servlet.http.HttpServletRequest request,
      HttpServletResponse response) {
    model.addAttribute("signedIn", signedIn(auth));
    model.addAttribute("text", text);
    model.addAttribute("lang", lang);
    model.addAttribute("languages", Language.UI);
    // The page and the API share one budget per client: the page is the API with a form.
    long wait = limiter.acquire(request.getRemoteAddr());
    if (wait > 0) {
      if (htmx == null) {
        response.setStatus(429);
      }
      response.setHeader("Retry-After", Long.toString(wait));
      model.addAttribute("tooMany", wait);
      return "identification/identify";
    }
    if (text.length() > IdentificationApi.MAX_TEXT_LENGTH) {
      // htmx swaps only successful responses; a plain form post gets the honest status.
      if (htmx == null) {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
      }
      model.addAttribute("tooLong", text.length());
      model.addAttribute("maxLength", IdentificationApi.MAX_TEXT_LENGTH);
      return "identification/identify";
    }
    if (text.isBlank()) {
      model.addAttribute("empty", true);
      return "identification/identify";
    }
    Language language = Language.fromCode(lang).orElse(null);
    Identification result =
        identification.identify(
            text,
            language,
            IdentifyOptions.defaults()
                .withLimit(SUGGESTIONS)
                .withLabelLanguage(Language.of(locale)));
    List<Chip> skills = chips(result.skills(), "s", parameters);
    List<Chip> occupations = chips(result.occupations(), "o", parameters);
    model.addAttribute("skills", skills);
    model.addAttribute("occupations", occupations);
    model.addAttribute("segments", Segment.of(text, result));
    if (parameters.containsKey("confirm")) {
      List<Chip> accepted = new ArrayList<>();
      skills.stream().filter(Chip::accepted).forEach(accepted::add);
      occupations.stream().filter(Chip::accepted).forEach(accepted::add);
      model.addAttribute("accepted", accepted);
    }
    return "identification/identify";
  }

  /**
   * One suggestion as the page shows it.
   *
   * @param key the form field of its decision, stable for the same text
   * @param percent the confidence in whole percent
   * @param decision {@code accept}, {@code reject} or empty when not decided yet
   */
  record Chip(
      String key,
      IdentifiedConcept concept,
      int percent,
      String reason,
      List<String> evidence,
      String decision) {

    boolean accepted() {
      return "accept".equals(decision);
    }

    /** The quotes as one field, for the profile to keep as the skill's evidence. */
    public String evidenceText() {
      return String.join(" … ", evidence);
    }
  }

  private static List<Chip> chips(
      List<IdentifiedConcept> concepts, String prefix, Map<String, String> parameters) {
    List<Chip> chips = new ArrayList<>(concepts.size());
    for (int i = 0; i < concepts.size(); i++) {
      IdentifiedConcept c = concepts.get(i);
      String key = "decision-" + prefix + i;
      String decision = parameters.getOrDefault(key, "");
      if (!decision.equals("accept") && !decision.equals("reject")) {
        decision = "";
      }
      List<String> evidence = new ArrayList<>();
      for (Evidence e : c.evidence()) {
        String quote = e.text().strip().replaceAll("\\s+", " ");
        if (!quote.isEmpty() && !evidence.contains(quote)) {
          evidence.add(quote.length() > 160 ? quote.substring(0, 157) + "…" : quote);
        }
      }
      String reason = c.reason().name().toLowerCase(Locale.ROOT);
      if (c.reason() == MatchReason.RELATED && c.type() != ConceptType.SKILL) {
        // An occupation is "related" through the skills found, not through another occupation.
        reason = "related-occupation";
      }
      chips.add(new Chip(key, c, (int) Math.round(c.score() * 100), reason, evidence, decision));
    }
    return chips;
  }

  /** A stretch of the text, highlighted when a shown suggestion was found there. */
  record Segment(String text, boolean highlighted) {

    static List<Segment> of(String text, Identification result) {
      boolean[] marked = new boolean[text.length()];
      List<IdentifiedConcept> all = new ArrayList<>(result.skills());
      all.addAll(result.occupations());
      for (IdentifiedConcept c : all) {
        // A whole sentence (semantic evidence) would paint everything; only words are marked.
        for (Evidence e : c.evidence()) {
          if (e.end() - e.start() <= 80) {
            for (int i = Math.max(0, e.start()); i < Math.min(text.length(), e.end()); i++) {
              marked[i] = true;
            }
          }
        }
      }
      List<Segment> segments = new ArrayList<>();
      int start = 0;
      for (int i = 1; i <= text.length(); i++) {
        if (i == text.length() || marked[i] != marked[start]) {
          segments.add(new Segment(text.substring(start, i), marked[start]));
          start = i;
        }
      }
      return segments;
    }
  }
}
