package fi.osaava.guidance.internal.selfassessment;

import fi.osaava.platform.Language;
import fi.osaava.platform.NotFoundException;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.ProfileApi;
import fi.osaava.web.Downloads;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * The career-planning self-assessment, for everyone: {@code /self-assessment} starts it, the quick
 * or the full version is answered without signing in and kept in the HTTP session (sign-in keeps
 * the session's contents, only its id changes), and the result can be downloaded as JSON, CSV or a
 * PDF report. Signed in, a person saves the result to their history ({@code
 * /self-assessment/history}), where each saved one is kept with its date.
 */
@Controller
class SelfAssessmentPageController {

  static final String PATH = "/self-assessment";

  /** The session's completed, not necessarily saved, self-assessment. */
  static final String ANSWERS = SelfAssessmentPageController.class.getName() + ".answers";

  /** The id the session's self-assessment was saved under, so that saving twice saves once. */
  static final String SAVED = SelfAssessmentPageController.class.getName() + ".saved";

  private final SelfAssessmentCatalogue catalogue;
  private final SelfAssessments assessments;
  private final SelfAssessmentReport report;
  private final ResultViews views;
  private final ProfileApi profiles;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final Clock clock;

  SelfAssessmentPageController(
      SelfAssessmentCatalogue catalogue,
      SelfAssessments assessments,
      SelfAssessmentReport report,
      ResultViews views,
      ProfileApi profiles,
      MessageSource messages,
      ObjectMapper json,
      Clock clock) {
    this.catalogue = catalogue;
    this.assessments = assessments;
    this.report = report;
    this.views = views;
    this.profiles = profiles;
    this.messages = messages;
    this.json = json;
    this.clock = clock;
  }

  @GetMapping(PATH)
  String start(HttpSession session, @Nullable Authentication auth, Model model) {
    model.addAttribute("hasResult", session.getAttribute(ANSWERS) instanceof Answers);
    model.addAttribute("signedIn", person(auth) != null);
    model.addAttribute("quickCount", catalogue.statements(Version.QUICK).size());
    model.addAttribute("fullCount", catalogue.statements(Version.FULL).size());
    return "guidance/self-assessment/start";
  }

  @GetMapping(PATH + "/quick")
  String quick(Locale locale, Model model) {
    return form(Version.QUICK, Map.of(), Map.of(), locale, model);
  }

  @GetMapping(PATH + "/full")
  String full(Locale locale, Model model) {
    return form(Version.FULL, Map.of(), Map.of(), locale, model);
  }

  @PostMapping(PATH + "/quick")
  String answerQuick(
      @RequestParam MultiValueMap<String, String> params,
      HttpSession session,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    return answer(Version.QUICK, params, session, locale, response, model);
  }

  @PostMapping(PATH + "/full")
  String answerFull(
      @RequestParam MultiValueMap<String, String> params,
      HttpSession session,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    return answer(Version.FULL, params, session, locale, response, model);
  }

  private String answer(
      Version version,
      MultiValueMap<String, String> params,
      HttpSession session,
      Locale locale,
      HttpServletResponse response,
      Model model) {
    AnswerForm form = AnswerForm.read(catalogue.statements(version), params);
    if (!form.errors().isEmpty()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      Map<String, String> sent = new LinkedHashMap<>();
      form.values().forEach((k, v) -> sent.put(k, String.valueOf(v)));
      return form(version, sent, form.errors(), locale, model);
    }
    session.setAttribute(ANSWERS, new Answers(version, form.values(), clock.instant()));
    session.removeAttribute(SAVED);
    return "redirect:" + PATH + "/result";
  }

  private String form(
      Version version,
      Map<String, String> sent,
      Map<String, String> problems,
      Locale locale,
      Model model) {
    Language language = Language.of(locale);
    Map<String, String> errors = new LinkedHashMap<>();
    // In the error summary, an unknown field links to the form itself: it has no input to go to.
    Map<String, String> anchors = new LinkedHashMap<>();
    problems.forEach(
        (field, problem) -> {
          String text =
              switch (problem) {
                case "unknown" -> message("sa.error.unknown", locale, field);
                case "missing" ->
                    message("sa.error.missing", locale, statementText(field, language));
                default -> message("sa.error.range", locale, statementText(field, language));
              };
          errors.put(field, text);
          anchors.put(field, problem.equals("unknown") ? "answers" : field + "-1");
        });
    List<AreaForm> areas = new ArrayList<>();
    for (SelfAssessmentCatalogue.Area a : catalogue.areas()) {
      List<SelfAssessmentCatalogue.Statement> statements =
          catalogue.statements(version).stream().filter(s -> s.area().equals(a.id())).toList();
      areas.add(
          new AreaForm(
              a.id(),
              a.title().in(language),
              a.description().in(language),
              statements.stream()
                  .map(s -> new StatementForm(s.id(), s.text().in(language)))
                  .toList()));
    }
    model.addAttribute("version", version);
    model.addAttribute("areas", areas);
    model.addAttribute("sent", sent);
    model.addAttribute("errors", errors);
    model.addAttribute("anchors", anchors);
    return "guidance/self-assessment/form";
  }

  /** An area's statements on the form. */
  record AreaForm(String id, String title, String description, List<StatementForm> statements) {}

  /** A statement on the form. */
  record StatementForm(String id, String text) {}

  @GetMapping(PATH + "/result")
  String result(HttpSession session, @Nullable Authentication auth, Locale locale, Model model) {
    Answers answers = sessionAnswers(session);
    if (answers == null) {
      return "redirect:" + PATH;
    }
    model.addAttribute("result", view(answers, locale));
    model.addAttribute("signedIn", person(auth) != null);
    model.addAttribute("saved", session.getAttribute(SAVED) != null);
    return "guidance/self-assessment/result";
  }

  @GetMapping(path = PATH + "/result.json", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> resultJson(HttpSession session, Locale locale) {
    Answers answers = requireSessionAnswers(session);
    Language language = Language.of(locale);
    Result result = catalogue.score(answers);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", answers.version().name());
    body.put("completedAt", answers.completedAt().toString());
    body.put("language", language.code());
    List<Map<String, Object>> statements = new ArrayList<>();
    answers
        .values()
        .forEach(
            (id, value) ->
                catalogue
                    .statement(id)
                    .ifPresent(
                        s -> {
                          Map<String, Object> m = new LinkedHashMap<>();
                          m.put("statement", id);
                          m.put("area", s.area());
                          m.put("text", s.text().in(language));
                          m.put("value", value);
                          statements.add(m);
                        }));
    body.put("answers", statements);
    body.put(
        "areas",
        result.scores().stream()
            .map(
                s -> {
                  Map<String, Object> m = new LinkedHashMap<>();
                  m.put("area", s.area().id());
                  m.put("title", s.area().title().in(language));
                  m.put("score", s.rounded());
                  return m;
                })
            .toList());
    return download(
        json.writeValueAsString(body),
        new MediaType("application", "json", StandardCharsets.UTF_8),
        "self-assessment.json");
  }

  @GetMapping(path = PATH + "/result.csv", produces = "text/csv")
  ResponseEntity<String> resultCsv(HttpSession session, Locale locale) {
    Answers answers = requireSessionAnswers(session);
    Language language = Language.of(locale);
    StringBuilder csv = new StringBuilder("area,statement,text,value\r\n");
    answers
        .values()
        .forEach(
            (id, value) ->
                catalogue
                    .statement(id)
                    .ifPresent(
                        s ->
                            csv.append(s.area())
                                .append(',')
                                .append(id)
                                .append(',')
                                .append(quoted(s.text().in(language)))
                                .append(',')
                                .append(value)
                                .append("\r\n")));
    return download(
        csv.toString(),
        new MediaType("text", "csv", StandardCharsets.UTF_8),
        "self-assessment.csv");
  }

  /** A CSV field in quotes, quotes doubled (RFC 4180). */
  private static String quoted(String text) {
    return '"' + text.replace("\"", "\"\"") + '"';
  }

  @GetMapping(PATH + "/result.pdf")
  ResponseEntity<byte[]> resultPdf(HttpSession session, Locale locale) {
    Answers answers = requireSessionAnswers(session);
    return pdf(report.pdf(view(answers, locale), Language.of(locale), ""));
  }

  @PostMapping(PATH + "/save")
  String save(HttpSession session, Authentication auth) {
    PersonId person = requirePerson(auth);
    Answers answers = requireSessionAnswers(session);
    if (session.getAttribute(SAVED) == null) {
      session.setAttribute(SAVED, assessments.save(person, answers).toString());
    }
    return "redirect:" + PATH + "/history?saved";
  }

  @GetMapping(PATH + "/history")
  String history(Authentication auth, Locale locale, Model model) {
    PersonId person = requirePerson(auth);
    model.addAttribute("history", views.history(assessments.history(person), locale));
    model.addAttribute("titles", views.titles(locale));
    return "guidance/self-assessment/history";
  }

  @GetMapping(PATH + "/history/{id}")
  String saved(@PathVariable String id, Authentication auth, Locale locale, Model model) {
    SelfAssessments.Saved saved = own(id, auth);
    model.addAttribute("result", view(saved.answers(), locale));
    model.addAttribute("savedId", saved.id());
    return "guidance/self-assessment/saved";
  }

  @GetMapping(PATH + "/history/{id}/report.pdf")
  ResponseEntity<byte[]> savedPdf(@PathVariable String id, Authentication auth, Locale locale) {
    SelfAssessments.Saved saved = own(id, auth);
    return pdf(report.pdf(view(saved.answers(), locale), Language.of(locale), ""));
  }

  private SelfAssessments.Saved own(String id, Authentication auth) {
    PersonId person = requirePerson(auth);
    return assessments
        .find(person, uuid(id))
        .orElseThrow(() -> new NotFoundException("No saved self-assessment of yours has this id"));
  }

  private ResultView view(Answers answers, Locale locale) {
    return views.view(answers, locale);
  }

  private static ResponseEntity<String> download(String body, MediaType type, String filename) {
    return ResponseEntity.ok()
        .contentType(type)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(body);
  }

  static ResponseEntity<byte[]> pdf(byte[] pdf) {
    return Downloads.pdf(pdf, "self-assessment.pdf");
  }

  private static @Nullable Answers sessionAnswers(HttpSession session) {
    return session.getAttribute(ANSWERS) instanceof Answers a ? a : null;
  }

  private static Answers requireSessionAnswers(HttpSession session) {
    Answers answers = sessionAnswers(session);
    if (answers == null) {
      throw new NotFoundException("No self-assessment answered in this session");
    }
    return answers;
  }

  private @Nullable PersonId person(@Nullable Authentication auth) {
    return auth == null ? null : profiles.currentPerson(auth).orElse(null);
  }

  private PersonId requirePerson(Authentication auth) {
    PersonId person = person(auth);
    if (person == null) {
      throw new NotFoundException("No profile for this sign-in");
    }
    return person;
  }

  private String statementText(String id, Language language) {
    return catalogue.statement(id).map(s -> s.text().in(language)).orElse(id);
  }

  private String message(String key, Locale locale, Object... args) {
    return Objects.requireNonNullElse(messages.getMessage(key, args, key, locale), key);
  }

  static UUID uuid(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("Not an id: " + id);
    }
  }
}
