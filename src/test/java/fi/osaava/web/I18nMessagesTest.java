package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.RelationType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The user-interface messages exist in every UI language, and every message a template names
 * exists. Plain files, no Spring context: this is cheap and should fail fast.
 */
class I18nMessagesTest {

  /** The bundles by language; English is the default bundle without a suffix. */
  private static final Map<String, String> BUNDLES =
      Map.of(
          "en", "i18n/messages.properties",
          "fi", "i18n/messages_fi.properties",
          "sv", "i18n/messages_sv.properties",
          "no", "i18n/messages_no.properties");

  /** {@code #{key}} and {@code #{key(args)}} in templates. */
  private static final Pattern MESSAGE_EXPRESSION = Pattern.compile("#\\{([A-Za-z0-9_.-]+)[}(]");

  /** Keys built at run time in templates, such as {@code 'taxonomy.type.' + t.slug()}. */
  private static final Pattern MESSAGE_CALL =
      Pattern.compile("#messages\\.msg(?:OrNull)?\\('([A-Za-z0-9_.-]+)'\\s*[),]");

  @Test
  void everyUiLanguageHasABundle() {
    assertThat(BUNDLES.keySet())
        .containsExactlyInAnyOrderElementsOf(Language.UI.stream().map(Language::code).toList());
  }

  @Test
  void everyBundleHasExactlyTheSameKeysAndNoEmptyMessages() throws IOException {
    Map<String, Properties> bundles = load();
    Set<String> all = new TreeSet<>();
    bundles.values().forEach(p -> all.addAll(p.stringPropertyNames()));
    List<String> problems = new ArrayList<>();
    bundles.forEach(
        (language, messages) -> {
          for (String key : all) {
            String value = messages.getProperty(key);
            if (value == null) {
              problems.add(language + " lacks " + key);
            } else if (value.isBlank()) {
              problems.add(language + " has an empty " + key);
            }
          }
        });
    assertThat(all).as("the default bundle is not empty").hasSizeGreaterThan(20);
    assertThat(problems).isEmpty();
  }

  @Test
  void everyMessageATemplateNamesExists() throws IOException {
    Properties english = load().get("en");
    Map<String, Set<String>> used = new LinkedHashMap<>();
    Resource[] templates =
        new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
    assertThat(templates).as("templates found").isNotEmpty();
    for (Resource template : templates) {
      String text = template.getContentAsString(StandardCharsets.UTF_8);
      Set<String> keys = new TreeSet<>();
      for (Pattern pattern : List.of(MESSAGE_EXPRESSION, MESSAGE_CALL)) {
        Matcher m = pattern.matcher(text);
        while (m.find()) {
          keys.add(m.group(1));
        }
      }
      used.put(template.getFilename(), keys);
    }
    assertThat(used.values().stream().mapToInt(Set::size).sum())
        .as("message expressions found in the templates")
        .isGreaterThan(20);
    List<String> missing = new ArrayList<>();
    used.forEach(
        (template, keys) ->
            keys.stream()
                .filter(key -> !english.containsKey(key))
                .forEach(key -> missing.add(template + ": " + key)));
    assertThat(missing).isEmpty();
  }

  /**
   * Templates also build keys from values ({@code 'taxonomy.type.' + slug}, {@code 'language.in.' +
   * code}); the static scan cannot see those, so every value they can take is checked here.
   */
  @Test
  void everyKeyThatTemplatesBuildFromValuesExists() throws IOException {
    Properties english = load().get("en");
    List<String> expected = new ArrayList<>();
    for (Language language : Language.UI) {
      expected.add("language.in." + language.code());
    }
    for (ConceptType type : ConceptType.values()) {
      expected.add("taxonomy.type." + type.slug());
      expected.add("taxonomy.types." + type.slug());
    }
    for (RelationType relation : RelationType.values()) {
      expected.add("taxonomy.relation." + relation.name().toLowerCase(Locale.ROOT));
    }
    assertThat(expected).allSatisfy(key -> assertThat(english).containsKey(key));
  }

  /** A string literal in Java shaped like a message key, not followed by {@code +}. */
  private static final Pattern JAVA_KEY =
      Pattern.compile("\"([a-z][A-Za-z0-9_-]*(?:\\.[A-Za-z0-9_-]+)+)\"(?!\\s*\\+)");

  /** Literals that look like message keys and are not: OAuth scopes, webhook event types. */
  private static final Set<String> NOT_MESSAGE_KEYS =
      Set.of("education.publish", "education.offering.matched");

  /**
   * Message keys that Java names (page controllers, form errors, chart titles): every literal that
   * starts like a key of the bundle (its first segment, such as {@code lm.} or {@code profile.})
   * must be one, in every language (the bundles have the same keys, checked above).
   */
  @Test
  void everyMessageKeyJavaNamesExists() throws IOException {
    Properties english = load().get("en");
    Set<String> prefixes = new TreeSet<>();
    english.stringPropertyNames().forEach(k -> prefixes.add(k.substring(0, k.indexOf('.') + 1)));
    List<String> missing = new ArrayList<>();
    int found = 0;
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = JAVA_KEY.matcher(Files.readString(file));
        while (m.find()) {
          String key = m.group(1);
          if (!prefixes.contains(key.substring(0, key.indexOf('.') + 1))
              || NOT_MESSAGE_KEYS.contains(key)) {
            continue;
          }
          found++;
          if (!english.containsKey(key)) {
            missing.add(file.getFileName() + ": " + key);
          }
        }
      }
    }
    assertThat(found).as("message keys named in Java").isGreaterThan(10);
    assertThat(missing).isEmpty();
  }

  /**
   * No user-visible text is written into a template: every text node with letters sits inside an
   * element whose text comes from th:text, th:utext, th:replace or th:insert (the text in the
   * template is then only a prototype), or inside an element with a literal {@code lang} (a text
   * that is deliberately in one language, such as ESCO's required English attribution). Attributes
   * people read (aria-label, title, placeholder, alt) must come from th: attributes.
   */
  @Test
  void templatesHaveNoTextOutsideMessages() throws IOException {
    Resource[] templates =
        new PathMatchingResourcePatternResolver().getResources("classpath*:templates/**/*.html");
    List<String> problems = new ArrayList<>();
    for (Resource template : templates) {
      String html = template.getContentAsString(StandardCharsets.UTF_8);
      hardCodedText(html).forEach(t -> problems.add(template.getFilename() + ": " + t));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  void theTemplateScanFindsHardCodedText() {
    assertThat(hardCodedText("<p>Hello <span th:text=\"#{a.b}\">x</span></p>"))
        .containsExactly("Hello");
    assertThat(hardCodedText("<p th:text=\"#{a.b}\">Hello <b>there</b></p>")).isEmpty();
    assertThat(hardCodedText("<span lang=\"en\">This service uses ESCO.</span>")).isEmpty();
    assertThat(hardCodedText("<button aria-label=\"Close menu\"></button>"))
        .containsExactly("aria-label=\"Close menu\"");
    assertThat(hardCodedText("<!--/* A comment. */--><td>–</td><th>z</th>")).isEmpty();
    assertThat(hardCodedText("<html lang=\"en\"><p>Hello</p></html>")).containsExactly("Hello");
  }

  private static final Set<String> VOID_ELEMENTS =
      Set.of("meta", "link", "input", "br", "img", "hr", "source", "area", "col", "wbr", "base");
  private static final Pattern TAG =
      Pattern.compile(
          "<(/?)([a-zA-Z][\\w:-]*)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>", Pattern.DOTALL);
  private static final Pattern COVERS =
      Pattern.compile("\\bth:(?:text|utext|replace|insert|remove)\\s*=|(?<![:\\w-])lang\\s*=");
  private static final Pattern READ_ATTRIBUTE =
      Pattern.compile("(?<![:\\w-])(aria-label|title|placeholder|alt)=\"([^\"]*)\"");

  /** Words: two letters or more (symbols such as "–", "·" or the statistics' "z" and "p" pass). */
  private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");

  static List<String> hardCodedText(String html) {
    String text =
        html.replaceAll("(?s)<!--.*?-->", "")
            .replaceAll("(?i)<!DOCTYPE[^>]*>", "")
            .replaceAll("(?s)<(script|style)\\b.*?</\\1>", "");
    List<String> found = new ArrayList<>();
    List<Boolean> covered = new ArrayList<>();
    List<String> names = new ArrayList<>();
    int position = 0;
    Matcher tag = TAG.matcher(text);
    while (tag.find()) {
      String between = text.substring(position, tag.start()).strip().replaceAll("\\s+", " ");
      position = tag.end();
      if (WORD.matcher(between).find() && !covered.contains(true)) {
        found.add(between);
      }
      String name = tag.group(2).toLowerCase(Locale.ROOT);
      String attributes = tag.group(3);
      Matcher read = READ_ATTRIBUTE.matcher(attributes);
      while (read.find()) {
        if (WORD.matcher(read.group(2)).find()) {
          found.add(read.group(1) + "=\"" + read.group(2) + "\"");
        }
      }
      if (!tag.group(1).isEmpty()) {
        int open = names.lastIndexOf(name);
        if (open >= 0) {
          names.subList(open, names.size()).clear();
          covered.subList(open, covered.size()).clear();
        }
      } else if (tag.group(4).isEmpty() && !VOID_ELEMENTS.contains(name)) {
        names.add(name);
        // <html lang> is the page's language, not a marked text: it covers nothing.
        covered.add(!name.equals("html") && COVERS.matcher(attributes).find());
      }
    }
    return found;
  }

  private static Map<String, Properties> load() throws IOException {
    Map<String, Properties> bundles = new LinkedHashMap<>();
    for (Map.Entry<String, String> bundle : BUNDLES.entrySet()) {
      Properties properties = new Properties();
      try (InputStream in =
          I18nMessagesTest.class.getClassLoader().getResourceAsStream(bundle.getValue())) {
        assertThat(in).as(bundle.getValue()).isNotNull();
        properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      bundles.put(bundle.getKey(), properties);
    }
    return bundles;
  }
}
