package fi.osaava.cli;

import fi.osaava.platform.DatabaseDescription;
import fi.osaava.platform.Directories;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.TaxonomyApi;
import fi.osaava.taxonomy.TaxonomyStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code osaava status}: directories, database mode, ESCO version and counts. */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = "Show the directories, the database, the ESCO version and what is imported.")
final class StatusCommand implements Callable<Integer> {

  @Mixin CommonOptions common;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
      Directories directories = context.getBean(Directories.class);
      DatabaseDescription database = context.getBean(DatabaseDescription.class);
      TaxonomyStatus status = context.getBean(TaxonomyApi.class).status();
      out.printf("Home directory:   %s%n", directories.home());
      out.printf(
          "Data directory:   %s%n",
          directories.referenceData().map(Object::toString).orElse("(none found)"));
      out.printf("Database:         %s (%s)%n", database.mode(), database.url());
      if (!status.imported()) {
        out.println("ESCO:             not imported (run './osaava import esco')");
        return 0;
      }
      out.printf("ESCO version:     %s (imported %s)%n", status.version(), status.importedAt());
      for (ConceptType type : ConceptType.values()) {
        out.printf("  %-14s %,8d%n", label(type) + ":", status.concepts().getOrDefault(type, 0L));
      }
      if (status.obsolete() > 0) {
        out.printf("  %-14s %,8d%n", "obsolete:", status.obsolete());
      }
      out.println("Preferred labels by language:");
      for (Language language : Language.values()) {
        out.printf(
            "  %-14s %,8d%n",
            language.code() + ":", status.preferredLabels().getOrDefault(language, 0L));
      }
      return 0;
    }
  }

  private static String label(ConceptType type) {
    return switch (type) {
      case SKILL -> "skills";
      case SKILL_GROUP -> "skill groups";
      case OCCUPATION -> "occupations";
      case ISCO_GROUP -> "ISCO groups";
    };
  }
}
