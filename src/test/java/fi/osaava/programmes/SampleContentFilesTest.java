package fi.osaava.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.programmes.internal.PackageContent;
import fi.osaava.programmes.internal.PackageContent.ModuleKind;
import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.json.JsonMapper;

/** The team's sample packages are publishable as shipped, in Finnish, Swedish and English. */
class SampleContentFilesTest {

  static PackageContent read(String file) throws Exception {
    try (InputStream in = new ClassPathResource("programmes/sample/" + file).getInputStream()) {
      return JsonMapper.shared().readValue(in, PackageContent.class);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"ai-basics.json", "ai-service-design.json"})
  void everySamplePackageIsPublishableInFinnishSwedishAndEnglish(String file) throws Exception {
    PackageContent content = read(file);
    assertThat(content.problems()).isEmpty();
    assertThat(content.languages()).containsExactly("fi", "sv", "en");
    assertThat(content.licence()).isEqualTo("CC-BY-4.0");
    Set<ModuleKind> kinds =
        content.modules().stream().map(PackageContent.Module::kind).collect(Collectors.toSet());
    assertThat(kinds).contains(ModuleKind.TEXT, ModuleKind.QUIZ, ModuleKind.REFLECTION);
    // Real texts, not placeholders: each module body is a few hundred characters or more.
    content.modules().stream()
        .filter(m -> m.kind() == ModuleKind.TEXT)
        .forEach(
            m ->
                m.body()
                    .values()
                    .forEach(
                        text -> assertThat(text).hasSizeGreaterThan(600).doesNotContain("lorem")));
  }

  @Test
  void theSampleHasABasicAndAnAdvancedPackage() throws Exception {
    assertThat(List.of(read("ai-basics.json").level(), read("ai-service-design.json").level()))
        .containsExactly(PackageContent.Level.BASIC, PackageContent.Level.ADVANCED);
  }

  @Test
  void aVideoWithoutATranscriptCannotBePublished() throws Exception {
    PackageContent basics = read("ai-basics.json");
    PackageContent.Module video =
        new PackageContent.Module(
            "webinar",
            ModuleKind.VIDEO,
            basics.modules().getFirst().title(),
            basics.modules().getFirst().body(),
            "https://video.example.fi/webinar",
            null,
            List.of());
    List<PackageContent.Module> modules = new java.util.ArrayList<>(basics.modules());
    modules.add(video);
    PackageContent withVideo =
        new PackageContent(
            basics.title(),
            basics.summary(),
            basics.level(),
            basics.targetGroups(),
            basics.languages(),
            basics.workloadHours(),
            basics.learningOutcomes(),
            basics.licence(),
            basics.passPercent(),
            modules);
    assertThat(withVideo.problems()).containsKey("modules[4].transcriptUrl");
  }
}
