package fi.osaava;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import fixtures.architecture.bad.injection.FieldInjected;
import fixtures.architecture.bad.logging.JulLogging;
import fixtures.architecture.bad.naming.DateHelper;
import fixtures.architecture.bad.naming.StringUtils;
import fixtures.architecture.bad.service.OrderService;
import fixtures.architecture.bad.streams.PrintsToStdout;
import fixtures.architecture.bad.wing.ReachesIntoTheWing;
import fixtures.architecture.good.WellBehaved;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the production code against {@link ArchitectureRules}, and checks every rule against
 * fixture classes (under {@code fixtures.architecture}, outside the production packages) that break
 * it, so that a rule which silently matches nothing cannot pass unnoticed.
 */
class ArchitectureTests {

  private static JavaClasses production;

  /** The measurement wing as packaged into osaava-bench.jar; the house rules hold there too. */
  private static JavaClasses wing;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("fi.osaava");
    wing =
        new ClassFileImporter()
            .importPath(
                Path.of(System.getProperty("osaava.repo.root", "."), "target", "bench-classes"));
  }

  static Stream<ArchRule> rules() {
    return ArchitectureRules.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("rules")
  void productionCodeFollowsTheRule(ArchRule rule) {
    assertThat(production).as("production classes imported").hasSizeGreaterThan(20);
    rule.check(production);
  }

  @ParameterizedTest
  @MethodSource("rules")
  void measurementWingFollowsTheRule(ArchRule rule) {
    assertThat(wing).as("wing classes imported").hasSizeGreaterThan(20);
    assertThat(ArchitectureRules.MEASUREMENT_WING).as("wing sources").hasSizeGreaterThan(20);
    // The wing rule looks only at classes outside the wing, so here it has none to check.
    rule.allowEmptyShould(true).check(wing);
  }

  static Stream<Arguments> violations() {
    return Stream.of(
        violation(ArchitectureRules.NO_LAYER_FIRST_PACKAGES, OrderService.class),
        violation(ArchitectureRules.NO_UTILITY_CLASS_NAMES, StringUtils.class),
        violation(ArchitectureRules.NO_UTILITY_CLASS_NAMES, DateHelper.class),
        violation(ArchitectureRules.NO_FIELD_INJECTION, FieldInjected.class),
        violation(ArchitectureRules.NO_JAVA_UTIL_LOGGING, JulLogging.class),
        violation(ArchitectureRules.STANDARD_STREAMS_ONLY_IN_THE_CLI, PrintsToStdout.class),
        violation(
            ArchitectureRules.NOTHING_DEPENDS_ON_THE_MEASUREMENT_WING, ReachesIntoTheWing.class));
  }

  private static Arguments violation(ArchRule rule, Class<?> fixture) {
    return Arguments.of(Named.of(fixture.getSimpleName(), fixture), rule);
  }

  @ParameterizedTest(name = "{0} breaks {1}")
  @MethodSource("violations")
  void ruleCatchesAClassThatBreaksIt(Class<?> fixture, ArchRule rule) {
    EvaluationResult result = rule.evaluate(new ClassFileImporter().importClasses(fixture));

    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    assertThat(result.getFailureReport().getDetails())
        .anySatisfy(line -> assertThat(line).contains(fixture.getSimpleName()));
  }

  @ParameterizedTest
  @MethodSource("rules")
  void ruleAcceptsAClassThatFollowsIt(ArchRule rule) {
    assertThat(
            rule.evaluate(new ClassFileImporter().importClasses(WellBehaved.class)).hasViolation())
        .isFalse();
  }
}
