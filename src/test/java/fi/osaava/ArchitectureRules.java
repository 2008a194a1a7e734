package fi.osaava;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * House rules that Spring Modulith does not check. Modulith already keeps other modules out of a
 * module's {@code internal} packages and forbids cycles; these keep the code inside the modules in
 * the shape the project chose.
 */
final class ArchitectureRules {

  private ArchitectureRules() {}

  static final ArchRule NO_LAYER_FIRST_PACKAGES =
      noClasses()
          .should()
          .resideInAnyPackage(
              "..controller..",
              "..controllers..",
              "..service..",
              "..services..",
              "..repository..",
              "..repositories..",
              "..dao..",
              "..util..",
              "..utils..",
              "..helper..",
              "..helpers..")
          .because(
              "packages are cut by what the code is about (a module, its internal parts), not by"
                  + " technical layer: a layer package gathers unrelated code and hides which"
                  + " module owns it");

  static final ArchRule NO_UTILITY_CLASS_NAMES =
      noClasses()
          .should()
          .haveSimpleNameEndingWith("Util")
          .orShould()
          .haveSimpleNameEndingWith("Utils")
          .orShould()
          .haveSimpleNameEndingWith("Helper")
          .orShould()
          .haveSimpleNameEndingWith("Helpers")
          .because(
              "a name that says only 'helps' collects unrelated code; name the class after what it"
                  + " does, or put the method on the type it works on");

  static final ArchRule NO_FIELD_INJECTION =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_FIELD_INJECTION.because(
          "constructor injection makes dependencies visible, final and settable in plain unit"
              + " tests");

  static final ArchRule NO_JAVA_UTIL_LOGGING =
      GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING.because(
          "everything logs through SLF4J, so that levels, JSON output and capture in tests work"
              + " for every line");

  static final ArchRule STANDARD_STREAMS_ONLY_IN_THE_CLI =
      noClasses()
          .that()
          .resideOutsideOfPackage("fi.osaava.cli..")
          .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
          .because(
              "only the command line talks to a terminal; the service logs, so that its output has"
                  + " levels and becomes JSON with --log-format json");

  /**
   * The top-level classes of the measurement wing, named after their files in {@code
   * src/bench/java} (docs/adr/0013-measurement-wing.md). By source, not by class-file location: the
   * tests compile the wing among the test classes, so a location would not tell it apart.
   */
  static final Set<String> MEASUREMENT_WING = wingClassNames();

  private static final DescribedPredicate<JavaClass> IN_THE_MEASUREMENT_WING =
      DescribedPredicate.describe(
          "belong to the measurement wing (src/bench/java)",
          javaClass -> {
            String name = javaClass.getName();
            int nested = name.indexOf('$');
            return MEASUREMENT_WING.contains(nested < 0 ? name : name.substring(0, nested));
          });

  static final ArchRule NOTHING_DEPENDS_ON_THE_MEASUREMENT_WING =
      noClasses()
          .that(DescribedPredicate.not(IN_THE_MEASUREMENT_WING))
          .should()
          .dependOnClassesThat(IN_THE_MEASUREMENT_WING)
          .because(
              "benchmarks and evaluations ship in osaava-bench.jar, not in the production jar: a"
                  + " production class that used one would fail there with NoClassDefFoundError");

  private static Set<String> wingClassNames() {
    Path root = Path.of(System.getProperty("osaava.repo.root", ".")).resolve("src/bench/java");
    try (Stream<Path> files = Files.walk(root)) {
      Set<String> names =
          files
              .filter(file -> file.toString().endsWith(".java"))
              .map(file -> root.relativize(file).toString())
              .map(relative -> relative.substring(0, relative.length() - ".java".length()))
              .map(relative -> relative.replace(root.getFileSystem().getSeparator(), "."))
              .collect(Collectors.toUnmodifiableSet());
      if (names.isEmpty()) {
        throw new IllegalStateException("No classes in the measurement wing at " + root);
      }
      return names;
    } catch (IOException e) {
      throw new UncheckedIOException("The measurement wing's sources are not at " + root, e);
    }
  }

  static final List<ArchRule> ALL =
      List.of(
          NO_LAYER_FIRST_PACKAGES,
          NO_UTILITY_CLASS_NAMES,
          NO_FIELD_INJECTION,
          NO_JAVA_UTIL_LOGGING,
          STANDARD_STREAMS_ONLY_IN_THE_CLI,
          NOTHING_DEPENDS_ON_THE_MEASUREMENT_WING);
}
