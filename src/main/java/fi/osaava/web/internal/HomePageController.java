package fi.osaava.web.internal;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The front door: it starts from what a person wants to do (know their skills, find training,
 * change career, get guidance, read the labour market) rather than from a classification; the ESCO
 * browser is one click away.
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
          new Task("guidance", "/profile"),
          new Task("labourMarket", "/labour-market"));

  @GetMapping("/")
  String home(org.springframework.ui.Model model) {
    model.addAttribute("tasks", TASKS);
    return "web/home";
  }
}
