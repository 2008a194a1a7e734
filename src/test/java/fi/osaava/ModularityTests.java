package fi.osaava;

import static org.assertj.core.api.Assertions.assertThat;

import fixtures.modulith.ModulithFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

/**
 * Verifies the module structure with Spring Modulith (no access to another module's {@code
 * internal} packages, no cycles) and writes the module documentation (PlantUML diagrams and module
 * canvases) to {@code target/spring-modulith-docs}.
 */
class ModularityTests {

  private static final ApplicationModules MODULES = ApplicationModules.of(OsaavaApplication.class);

  @Test
  void modulesFollowTheRules() {
    assertThat(MODULES.stream().map(m -> m.getIdentifier().toString()))
        .contains("platform", "taxonomy", "cli");
    MODULES.verify();
  }

  @Test
  void verificationCatchesAccessToAnotherModulesInternals() {
    // Test classes are left out by default; the fixture lives in the test sources.
    ApplicationModules broken =
        ApplicationModules.of(ModulithFixture.class.getPackageName(), location -> true);

    Violations violations = broken.detectViolations();

    assertThat(violations.hasViolations()).isTrue();
    assertThat(violations.getMessage()).contains("StockLedger");
  }

  @Test
  void verificationCatchesADependencyThatIsNotAllowed() {
    ApplicationModules broken =
        ApplicationModules.of(ModulithFixture.class.getPackageName(), location -> true);

    assertThat(broken.detectViolations().getMessage())
        .contains("Module 'invoices' depends on module 'orders'")
        .doesNotContain("Module 'invoices' depends on module 'stock'");
  }

  @Test
  void everyModuleDeclaresItsAllowedDependencies() {
    // An undeclared module may depend on any other, so the layering would go unchecked.
    assertThat(MODULES.stream())
        .allSatisfy(
            module -> {
              ApplicationModule declared =
                  module.getBasePackage().getAnnotation(ApplicationModule.class).orElse(null);
              assertThat(declared)
                  .as("%s has @ApplicationModule", module.getIdentifier())
                  .isNotNull();
              assertThat(declared.allowedDependencies())
                  .as("%s declares allowedDependencies", module.getIdentifier())
                  .doesNotContain(ApplicationModule.OPEN_TOKEN);
            });
  }

  @Test
  void architectureDocumentListsTheTrueModuleDependencies() throws Exception {
    String doc = Files.readString(Path.of("docs", "architecture.md"));
    String listed =
        doc.substring(
            doc.indexOf("```text\n", doc.indexOf("<!-- module-dependencies:start")) + 8,
            doc.indexOf("```\n<!-- module-dependencies:end -->"));

    assertThat(listed)
        .as("the module dependencies in docs/architecture.md; paste the true list there")
        .isEqualTo(moduleDependencies());
  }

  /** One line per module, as Spring Modulith finds them in the code: its direct dependencies. */
  private static String moduleDependencies() {
    return MODULES.stream()
        .sorted(Comparator.comparing(module -> module.getIdentifier().toString()))
        .map(
            module -> {
              String uses =
                  module
                      .getDirectDependencies(MODULES)
                      .uniqueModules()
                      .map(used -> used.getIdentifier().toString())
                      .sorted()
                      .collect(Collectors.joining(", "));
              return "%-21s -> %s\n"
                  .formatted(module.getIdentifier(), uses.isEmpty() ? "(none)" : uses);
            })
        .collect(Collectors.joining());
  }

  @Test
  void writesModuleDocumentation() throws Exception {
    Path output = Path.of("target", "spring-modulith-docs");
    new Documenter(MODULES, Documenter.Options.defaults().withOutputFolder(output.toString()))
        .writeDocumentation();

    assertThat(output.resolve("components.puml")).exists();
    try (var files = Files.list(output)) {
      assertThat(files.map(f -> f.getFileName().toString()))
          .anyMatch(name -> name.startsWith("module-platform"));
    }
  }
}
