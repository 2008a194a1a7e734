package fi.osaava.web.internal;

import fi.osaava.web.NextSteps;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front door: it starts from what a person wants to do (know their skills, find training,
 * change career, get guidance, read the labour market) rather than from a classification; the ESCO
 * browser is one click away. A signed-in person also sees their next steps, derived from their own
 * data by the module that holds it ({@link NextSteps}).
 */
@Controller
class HomePageController {

  /**
   * One way in: a message key under {@code home.task.} for its heading and text, and where it
   * leads.
   */
  record Task(String key, String href) {}

  static final List<Task> TASKS =
      List.of(
          new Task("skills", "/identify"),
          new Task("training", "/education"),
          new Task("career", "/opportunities"),
          new Task("guidance", "/guidance/sharing"),
          new Task("selfAssessment", "/self-assessment"),
          new Task("services", "/services"),
          new Task("labourMarket", "/labour-market"));

  private final ObjectProvider<NextSteps> nextSteps;

  HomePageController(ObjectProvider<NextSteps> nextSteps) {
    this.nextSteps = nextSteps;
  }

  @GetMapping("/")
  String home(Authentication authentication, Locale locale, org.springframework.ui.Model model) {
    model.addAttribute("tasks", TASKS);
    if (authentication != null && authentication.isAuthenticated()) {
      NextSteps source = nextSteps.getIfAvailable();
      model.addAttribute(
          "nextSteps", source == null ? List.of() : source.forPerson(authentication, locale));
    }
    return "web/home";
  }
}
