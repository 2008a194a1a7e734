package fi.osaava.programmes;

import fi.osaava.programmes.internal.PackageContent;
import fi.osaava.programmes.internal.PackageContent.Module;
import fi.osaava.programmes.internal.ProgrammeStore;
import fi.osaava.programmes.internal.ProgrammeStore.PackageVersion;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.ObjectMapper;

/**
 * Packages of their own for tests of what learners see across versions, published straight into the
 * store (the editors' pages are tested elsewhere), so that no test changes the shared sample.
 */
final class TestPackages {

  private final ProgrammeStore store;
  private final ObjectMapper json;

  TestPackages(ProgrammeStore store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  /** The basic sample package's content, with one text replaced. */
  PackageContent sample(String replace, String with) throws Exception {
    String text =
        new ClassPathResource("programmes/sample/ai-basics.json")
            .getContentAsString(StandardCharsets.UTF_8);
    return json.readValue(text.replace(replace, with), PackageContent.class);
  }

  /** A new package, owned by a test organisation, with {@code content} as version 1. */
  PackageVersion first(PackageContent content) {
    String owner = "https://org-" + UUID.randomUUID() + ".example.fi";
    UUID programme =
        store.createProgramme(
            "p-" + UUID.randomUUID().toString().substring(0, 8),
            owner,
            Map.of("en", "Versions"),
            Map.of(),
            false);
    UUID pkg =
        store.createPackage(
            programme, "k-" + UUID.randomUUID().toString().substring(0, 8), owner, false);
    return publish(pkg, content);
  }

  /** The next version: {@code previous} with other modules and pass mark. */
  PackageVersion next(PackageVersion previous, List<Module> modules, int passPercent) {
    PackageContent c = previous.content();
    return publish(
        previous.packageId(),
        new PackageContent(
            c.title(),
            c.summary(),
            c.level(),
            c.targetGroups(),
            c.languages(),
            c.workloadHours(),
            c.learningOutcomes(),
            c.licence(),
            passPercent,
            modules));
  }

  private PackageVersion publish(UUID packageId, PackageContent content) {
    store.saveDraft(packageId, content);
    return store.publishDraft(packageId).orElseThrow();
  }

  /** {@code m} with another title in one language, or another key and title. */
  static Module retitled(Module m, String key, String language, String title) {
    Map<String, String> titles = new LinkedHashMap<>(m.title());
    titles.put(language, title);
    return new Module(
        key, m.kind(), titles, m.body(), m.videoUrl(), m.transcriptUrl(), m.questions());
  }
}
