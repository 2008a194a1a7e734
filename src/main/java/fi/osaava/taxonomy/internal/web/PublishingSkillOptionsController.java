package fi.osaava.taxonomy.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.web.PublishingEditors;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The ESCO skill search of the editors' forms (offerings and job ads): the skills whose labels fit
 * what was typed, as boxes to tick, swapped in by htmx. It is the taxonomy's autocomplete, as the
 * profile's "add a skill" uses, served to editors only like every {@code /publish} route.
 */
@Controller
class PublishingSkillOptionsController {

  static final int OPTIONS = 8;

  private final TaxonomyApi taxonomy;
  private final PublishingEditors editors;

  PublishingSkillOptionsController(TaxonomyApi taxonomy, PublishingEditors editors) {
    this.taxonomy = taxonomy;
    this.editors = editors;
  }

  @GetMapping("/publish/skills/options")
  String options(
      @RequestParam(name = "skillQuery", defaultValue = "") String q,
      Authentication auth,
      Locale locale,
      Model model) {
    if (editors.home(auth).isEmpty()) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Only an organisation's editors publish here");
    }
    String query = q.strip();
    model.addAttribute(
        "options",
        query.isEmpty() || query.length() > 100
            ? List.of()
            : taxonomy.autocomplete(
                query, Language.of(locale), Set.of(ConceptType.SKILL), OPTIONS));
    model.addAttribute("q", query);
    return "web/publishing :: skillOptions";
  }
}
