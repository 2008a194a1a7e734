package fi.osaava.programmes.internal;

import fi.osaava.platform.Language;
import fi.osaava.platform.LocalizedText;
import fi.osaava.platform.WebAddress;
import fi.osaava.taxonomy.ConceptUri;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Everything one version of a training package says: its description for the catalogue and the
 * modules a learner studies. Stored as one JSON document per version (texts keyed by language
 * code), so that publishing freezes all of it together.
 *
 * @param title by language code ({@code fi}, {@code sv}, {@code en}, {@code no})
 * @param targetGroups who the package is written for
 * @param languages the languages its content is written in; every text exists in each of them
 * @param workloadHours the estimated time to study it
 * @param learningOutcomes ESCO skill URIs that completing it shows
 * @param licence an SPDX licence id, {@code CC-BY-4.0} unless the owner says otherwise
 * @param passPercent the share of a quiz's points that passes it
 */
public record PackageContent(
    Map<String, String> title,
    Map<String, String> summary,
    Level level,
    List<TargetGroup> targetGroups,
    List<String> languages,
    BigDecimal workloadHours,
    List<String> learningOutcomes,
    String licence,
    int passPercent,
    List<Module> modules) {

  public static final String DEFAULT_LICENCE = "CC-BY-4.0";

  static final Pattern KEY = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}");
  static final Set<String> LICENCES = Set.of("CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0");

  public PackageContent {
    title = copy(title);
    summary = copy(summary);
    targetGroups = targetGroups == null ? List.of() : List.copyOf(targetGroups);
    languages = languages == null ? List.of() : List.copyOf(languages);
    learningOutcomes = learningOutcomes == null ? List.of() : List.copyOf(learningOutcomes);
    licence = licence == null || licence.isBlank() ? DEFAULT_LICENCE : licence;
    passPercent = passPercent <= 0 ? 70 : passPercent;
    modules = modules == null ? List.of() : List.copyOf(modules);
  }

  /** The package's level: where a learner starts. */
  public enum Level {
    BASIC,
    ADVANCED
  }

  /** The groups the national AI programme writes for, and everyone else. */
  public enum TargetGroup {
    SERVICE_DEVELOPERS,
    MANAGEMENT,
    SERVICE_NETWORK,
    EVERYONE
  }

  /** What a module asks of the learner. */
  public enum ModuleKind {
    TEXT,
    VIDEO,
    QUIZ,
    REFLECTION
  }

  /**
   * One module.
   *
   * @param key stable within the package across versions, so progress can be compared
   * @param body Markdown: the text, the video's description, the quiz's introduction or the
   *     reflection's question
   * @param videoUrl a recording, for {@link ModuleKind#VIDEO}
   * @param transcriptUrl the recording's transcript or captions, required with it
   */
  public record Module(
      String key,
      ModuleKind kind,
      Map<String, String> title,
      Map<String, String> body,
      String videoUrl,
      String transcriptUrl,
      List<Question> questions) {

    public Module {
      title = copy(title);
      body = copy(body);
      questions = questions == null ? List.of() : List.copyOf(questions);
    }
  }

  /** A single-choice question: exactly one option is right; each option explains itself. */
  public record Question(String key, Map<String, String> prompt, List<Option> options) {

    public Question {
      prompt = copy(prompt);
      options = options == null ? List.of() : List.copyOf(options);
    }

    public Optional<Option> option(String key) {
      return options.stream().filter(o -> o.key().equals(key)).findFirst();
    }
  }

  /** An answer option with the feedback a learner sees after choosing it. */
  public record Option(
      String key, Map<String, String> text, boolean correct, Map<String, String> feedback) {

    public Option {
      text = copy(text);
      feedback = copy(feedback);
    }
  }

  public Optional<Module> module(String key) {
    return modules.stream().filter(m -> m.key().equals(key)).findFirst();
  }

  /** A text in {@code wanted}, else in the package's first language, visibly a fallback. */
  public LocalizedText text(Map<String, String> texts, Language wanted) {
    Map<Language, String> byLanguage = new EnumMap<>(Language.class);
    texts.forEach((code, text) -> Language.fromCode(code).ifPresent(l -> byLanguage.put(l, text)));
    String exact = byLanguage.get(wanted);
    if (exact != null && !exact.isBlank()) {
      return new LocalizedText(exact, wanted, false);
    }
    for (String code : languages) {
      Optional<Language> l = Language.fromCode(code);
      String text = l.map(byLanguage::get).orElse(null);
      if (text != null && !text.isBlank()) {
        return new LocalizedText(text, l.get(), true);
      }
    }
    LocalizedText any = LocalizedText.pick(byLanguage, wanted);
    return any == null ? new LocalizedText("", wanted, true) : any;
  }

  /** Whether the package is written in {@code language}. */
  public boolean writtenIn(Language language) {
    return languages.contains(language.code());
  }

  /**
   * What is wrong with this content before it may be published, as field paths (such as {@code
   * modules[2].transcriptUrl}) and a short English reason; empty when it can be published.
   */
  public Map<String, String> problems() {
    Map<String, String> problems = new LinkedHashMap<>();
    if (languages.isEmpty()) {
      problems.put("languages", "at least one language");
    }
    for (String code : languages) {
      if (Language.fromCode(code).filter(l -> l.code().equals(code)).isEmpty()) {
        problems.put("languages", "one of fi, sv, en, no, got " + code);
      }
    }
    requireTexts(problems, "title", title, 200);
    requireTexts(problems, "summary", summary, 2000);
    if (level == null) {
      problems.put("level", "BASIC or ADVANCED");
    }
    if (targetGroups.isEmpty()) {
      problems.put("targetGroups", "at least one target group");
    }
    if (workloadHours == null
        || workloadHours.compareTo(new BigDecimal("0.5")) < 0
        || workloadHours.compareTo(new BigDecimal("200")) > 0) {
      problems.put("workloadHours", "between 0.5 and 200 hours");
    }
    if (learningOutcomes.isEmpty()) {
      problems.put("learningOutcomes", "at least one ESCO skill");
    }
    for (String outcome : learningOutcomes) {
      if (outcome == null || !ConceptUri.ESCO_SKILL_URI.matcher(outcome).matches()) {
        problems.put("learningOutcomes", "ESCO skill URIs, got " + outcome);
      }
    }
    if (!LICENCES.contains(licence)) {
      problems.put("licence", "one of " + LICENCES);
    }
    if (passPercent > 100) {
      problems.put("passPercent", "at most 100");
    }
    if (modules.isEmpty()) {
      problems.put("modules", "at least one module");
    }
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < modules.size(); i++) {
      moduleProblems(problems, "modules[" + i + "]", modules.get(i), keys);
    }
    return problems;
  }

  private void moduleProblems(
      Map<String, String> problems, String at, Module module, Set<String> keys) {
    if (module.key() == null || !KEY.matcher(module.key()).matches()) {
      problems.put(at + ".key", "lower-case letters, digits and dashes");
    } else if (!keys.add(module.key())) {
      problems.put(at + ".key", "used by another module: " + module.key());
    }
    if (module.kind() == null) {
      problems.put(at + ".kind", "TEXT, VIDEO, QUIZ or REFLECTION");
      return;
    }
    requireTexts(problems, at + ".title", module.title(), 200);
    if (module.kind() != ModuleKind.QUIZ) {
      requireTexts(problems, at + ".body", module.body(), 50_000);
    }
    if (module.kind() == ModuleKind.VIDEO) {
      if (!WebAddress.isHttp(module.videoUrl())) {
        problems.put(at + ".videoUrl", WebAddress.PROBLEM);
      }
      if (!WebAddress.isHttp(module.transcriptUrl())) {
        problems.put(at + ".transcriptUrl", "a transcript or captions link is required");
      }
    }
    if (module.kind() == ModuleKind.QUIZ) {
      if (module.questions().isEmpty()) {
        problems.put(at + ".questions", "at least one question");
      }
      Set<String> questionKeys = new HashSet<>();
      for (int q = 0; q < module.questions().size(); q++) {
        Question question = module.questions().get(q);
        String qat = at + ".questions[" + q + "]";
        if (question.key() == null
            || !KEY.matcher(question.key()).matches()
            || !questionKeys.add(question.key())) {
          problems.put(qat + ".key", "a unique key of lower-case letters, digits and dashes");
        }
        requireTexts(problems, qat + ".prompt", question.prompt(), 2000);
        if (question.options().size() < 2) {
          problems.put(qat + ".options", "at least two options");
        }
        if (question.options().stream().filter(Option::correct).count() != 1) {
          problems.put(qat + ".options", "exactly one right option");
        }
        Set<String> optionKeys = new HashSet<>();
        for (int o = 0; o < question.options().size(); o++) {
          Option option = question.options().get(o);
          String oat = qat + ".options[" + o + "]";
          if (option.key() == null
              || !KEY.matcher(option.key()).matches()
              || !optionKeys.add(option.key())) {
            problems.put(oat + ".key", "a unique key of lower-case letters, digits and dashes");
          }
          requireTexts(problems, oat + ".text", option.text(), 500);
          requireTexts(problems, oat + ".feedback", option.feedback(), 2000);
        }
      }
    }
  }

  private void requireTexts(
      Map<String, String> problems, String field, Map<String, String> texts, int max) {
    List<String> missing = new ArrayList<>();
    for (String code : languages) {
      String text = texts.get(code);
      if (text == null || text.isBlank()) {
        missing.add(code);
      } else if (text.length() > max) {
        problems.put(field, "at most " + max + " characters in " + code);
      }
    }
    if (!missing.isEmpty()) {
      problems.put(field, "missing in " + String.join(", ", missing));
    }
  }

  private static Map<String, String> copy(Map<String, String> texts) {
    if (texts == null) {
      return Map.of();
    }
    Map<String, String> copy = new LinkedHashMap<>();
    texts.forEach(
        (k, v) -> {
          if (k != null && v != null) {
            copy.put(k, v);
          }
        });
    return Collections.unmodifiableMap(copy);
  }
}
