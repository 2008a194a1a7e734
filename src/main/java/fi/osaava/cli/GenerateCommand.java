package fi.osaava.cli;

import fi.osaava.education.EducationCatalogue;
import fi.osaava.labourmarket.LabourMarketImports;
import fi.osaava.profile.SyntheticWorkHistories;
import fi.osaava.regionalintelligence.RegionalProjectsApi;
import fi.osaava.regionalintelligence.SyntheticForums;
import fi.osaava.regionalintelligence.SyntheticSurveys;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code osaava generate job-ads|education|regional-projects|regional-forum|work-histories …}:
 * synthetic data for development and load tests.
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    description = "Generate synthetic data.",
    subcommands = {
      GenerateCommand.JobAds.class,
      GenerateCommand.Education.class,
      GenerateCommand.RegionalProjects.class,
      GenerateCommand.RegionalForum.class,
      GenerateCommand.SurveyResponses.class,
      GenerateCommand.WorkHistories.class
    })
final class GenerateCommand implements Runnable {

  @Spec CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  @Command(
      name = "job-ads",
      mixinStandardHelpOptions = true,
      description = {
        "Write synthetic schema.org JobPosting ads (JSON lines) in fi, sv and en, each marked"
            + " \"osaava:synthetic\": true. The same seed gives the same ads.",
        "Needs ESCO, the regions and the labour-market statistics imported."
      })
  static final class JobAds implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Option(names = "--count", required = true, paramLabel = "N", description = "How many ads.")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Default: 1.")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Default: standard output.")
    Path out;

    @Override
    public Integer call() throws IOException {
      PrintWriter console = spec.commandLine().getOut();
      try (ConfigurableApplicationContext context = CliApplication.boot(common);
          Writer writer =
              out == null
                  ? new OutputStreamWriter(System.out, StandardCharsets.UTF_8)
                  : Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
        context.getBean(LabourMarketImports.class).generateJobAds(count, seed, writer);
        if (out != null) {
          console.printf("%,d synthetic ads written to %s%n", count, out);
        }
      }
      return 0;
    }
  }

  @Command(
      name = "education",
      mixinStandardHelpOptions = true,
      description = {
        "Write synthetic education offerings into the catalogue that recombine the imported real"
            + " records (titles, descriptions, outcomes, skills, providers, places, levels,"
            + " extents), each marked synthetic, and index them. The same seed gives the same"
            + " offerings (upserted again); dates follow the day of the run.",
        "Needs the education catalogue imported. Run it with the service stopped: the command"
            + " writes the search index."
      })
  static final class Education implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Option(
        names = "--count",
        required = true,
        paramLabel = "N",
        description = "How many offerings.")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Default: 1.")
    long seed;

    @Override
    public Integer call() {
      PrintWriter console = spec.commandLine().getOut();
      try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
        int written =
            context
                .getBean(EducationCatalogue.class)
                .generateSynthetic(
                    count,
                    seed,
                    message -> {
                      console.println("  " + message);
                      console.flush();
                    });
        console.printf(
            "%,d synthetic offerings of seed %d in the catalogue (%,d written).%n",
            count, seed, written);
      }
      return 0;
    }
  }

  /** The organisation (its claim) that owns generated regional data. */
  static final class Owner {
    @Option(
        names = "--organisation",
        defaultValue = "https://synthetic.example.fi",
        paramLabel = "ORG",
        description = "The owning organisation (its claim). Default: https://synthetic.example.fi")
    String organisation = "https://synthetic.example.fi";
  }

  @Command(
      name = "regional-projects",
      mixinStandardHelpOptions = true,
      description = {
        "Store synthetic regional actors and development projects, each marked synthetic (shown"
            + " so on every page), for the given organisation. The same seed gives the same ones"
            + " (upserted again).",
        "Needs the regions imported; ESCO skills become themes where ESCO is imported."
      })
  static final class RegionalProjects implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Option(names = "--count", defaultValue = "40", paramLabel = "N", description = "Default: 40.")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Default: 1.")
    long seed;

    @Mixin Owner owner;

    @Override
    public Integer call() {
      PrintWriter console = spec.commandLine().getOut();
      try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
        RegionalProjectsApi.ProjectsSaved saved =
            context
                .getBean(RegionalProjectsApi.class)
                .generateProjects(count, seed, owner.organisation);
        console.printf(
            "%,d synthetic actors and %,d synthetic projects of seed %d stored for %s.%n",
            saved.actors(), saved.projects(), seed, owner.organisation);
      }
      return 0;
    }
  }

  @Command(
      name = "regional-forum",
      mixinStandardHelpOptions = true,
      description = {
        "Store a published synthetic network forum of a region (marked synthetic on its pages;"
            + " its title, events and material say so too): a held event and one 30 days ahead,"
            + " each with an agenda and synthetic actors' organisations taking part, a material,"
            + " results, and a synthetic project of the region that it discussed. The same seed"
            + " and region replace the forum made before.",
        "Needs the regions imported."
      })
  static final class RegionalForum implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Option(
        names = "--region",
        defaultValue = "01",
        paramLabel = "CODE",
        description = "The region's two-digit code. Default: 01 (Uusimaa).")
    String region;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Default: 1.")
    long seed;

    @Mixin Owner owner;

    @Override
    public Integer call() {
      PrintWriter console = spec.commandLine().getOut();
      try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
        SyntheticForums.Generated made =
            context.getBean(SyntheticForums.class).generateForum(region, seed, owner.organisation);
        console.printf(
            "A synthetic forum %s of region %s with %d events and %d participants' registrations,"
                + " discussing the synthetic project %s, for %s.%n",
            made.forum(),
            region,
            made.events(),
            made.participants(),
            made.project(),
            owner.organisation);
      }
      return 0;
    }
  }

  @Command(
      name = "survey-responses",
      mixinStandardHelpOptions = true,
      description = {
        "Store a synthetic competence-needs survey (its titles say so in fi, sv and en) with N"
            + " submitted responses of companies with random industries, size classes and"
            + " municipalities, then close it and publish its results (small cells suppressed as"
            + " for any survey). Companies name the skills most demanded in the job ads.",
        "Needs the regions imported; the skills question only where there are job ads."
      })
  static final class SurveyResponses implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Option(
        names = "--count",
        defaultValue = "1000",
        paramLabel = "N",
        description = "Default: 1000.")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Default: 1.")
    long seed;

    @Mixin Owner owner;

    @Override
    public Integer call() {
      PrintWriter console = spec.commandLine().getOut();
      try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
        SyntheticSurveys.Generated generated =
            context
                .getBean(SyntheticSurveys.class)
                .generateSurveyResponses(count, seed, owner.organisation);
        console.printf(
            "A synthetic survey %s with %,d submitted responses of seed %d, published, for %s.%n",
            generated.survey(), generated.responses(), seed, owner.organisation);
      }
      return 0;
    }
  }

  @Command(
      name = "work-histories",
      mixinStandardHelpOptions = true,
      description = {
        "Store synthetic people (marked synthetic; they cannot sign in) with work histories in"
            + " municipalities and ESCO occupations, about four in five consenting to anonymised"
            + " statistics, for the regional expert-mobility page (the latest moves in complete"
            + " past years, most in the last one, none in the current year, which the page does"
            + " not publish). The same seed gives the same"
            + " people (not added twice).",
        "Needs the regions imported; occupations only where ESCO is imported."
      })
  static final class WorkHistories implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Spec CommandSpec spec;

    @Option(
        names = "--count",
        defaultValue = "500",
        paramLabel = "N",
        description = "Default: 500.")
    int count;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "Default: 1.")
    long seed;

    @Override
    public Integer call() {
      PrintWriter console = spec.commandLine().getOut();
      try (ConfigurableApplicationContext context = CliApplication.boot(common)) {
        SyntheticWorkHistories.Generated made =
            context.getBean(SyntheticWorkHistories.class).generate(count, seed);
        console.printf(
            "%,d synthetic people of seed %d with work histories, %,d of them consenting.%n",
            made.people(), seed, made.consenting());
      }
      return 0;
    }
  }
}
