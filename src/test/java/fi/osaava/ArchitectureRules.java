package fi.osaava;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;
import java.util.List;

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

  static final List<ArchRule> ALL =
      List.of(
          NO_LAYER_FIRST_PACKAGES,
          NO_UTILITY_CLASS_NAMES,
          NO_FIELD_INJECTION,
          NO_JAVA_UTIL_LOGGING,
          STANDARD_STREAMS_ONLY_IN_THE_CLI);
}
