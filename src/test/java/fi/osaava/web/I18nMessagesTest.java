package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.RelationType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
