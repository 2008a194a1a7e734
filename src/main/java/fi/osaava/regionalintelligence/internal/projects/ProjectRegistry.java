package fi.osaava.regionalintelligence.internal.projects;

import fi.osaava.platform.BusinessId;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.platform.Paging;
import fi.osaava.regionalintelligence.RegionalProjectsApi;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Actor;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Dataset;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Partner;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Project;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports, generates and checks regional actors and projects. The checks look regions up in the
 * regions module and ESCO concepts in the taxonomy (one batch per input).
 */
@Service
public class ProjectRegistry implements RegionalProjectsApi {

  private static final Pattern ESCO_URI = Pattern.compile("http://data\\.europa\\.eu/esco/\\S+");

  /** How large an import file may be: a region's registry is far smaller. */
  static final long MAX_FILE_BYTES = 20L << 20;

  private final ProjectStore store;
  private final RegionsApi regions;
  private final TaxonomyApi taxonomy;

  ProjectRegistry(ProjectStore store, RegionsApi regions, TaxonomyApi taxonomy) {
    this.store = store;
    this.regions = regions;
    this.taxonomy = taxonomy;
  }

  /** The checks, with the ESCO concepts that {@code text} names looked up in one batch. */
  public ProjectChecks checks(String text) {
    Set<String> uris = new LinkedHashSet<>();
    Matcher m = ESCO_URI.matcher(text);
    while (m.find()) {
      // A CSV cell ends the URI at a separator or quote.
      uris.add(m.group().split("[|\",;]", 2)[0]);
    }
    Set<String> known = new HashSet<>();
    List<ConceptUri> asked = uris.stream().limit(10_000).map(ConceptUri::new).toList();
    for (ConceptSummary s : taxonomy.summaries(asked, Language.EN)) {
      known.add(s.uri().value());
    }
    return new ProjectChecks(
        new ProjectChecks.Known() {
          @Override
          public boolean region(String code) {
            return regions.area(AreaLevel.REGION, code).isPresent();
          }

          @Override
          public boolean concept(String uri) {
            return known.contains(uri);
          }
        });
  }

  @Override
  @Transactional
  public ProjectsSaved importProjects(Path file, String organisation) {
    String source = file.getFileName() == null ? file.toString() : file.getFileName().toString();
    byte[] input;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new InvalidInputException(source, 0, null, "the file is larger than 20 MiB");
      }
      input = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + file, e);
    }
    return importBytes(input, source, organisation);
  }

  @Transactional
  public ProjectsSaved importBytes(byte[] input, String source, String organisation) {
    Dataset data = importDataset(input, source, organisation);
    return new ProjectsSaved(data.actors().size(), data.projects().size());
  }

  /**
   * Reads, checks and stores the file's actors and projects for {@code organisation}, the only
   * owner the caller names: the format has no owner of its own, and ids (and the actors a project
   * names) are looked up within that organisation, so no file reaches another organisation's rows.
   * All or nothing; what was stored.
   *
   * @throws InvalidInputException naming the bad record's line and field ({@link
   *     ProjectFileReader.ProjectFileException} with every bad record when the records were read)
   */
  @Transactional
  public Dataset importDataset(byte[] input, String source, String organisation) {
    Map<String, ?> registered = store.actorIds(organisation);
    Dataset data =
        ProjectFileReader.read(
            input,
            source,
            checks(new String(input, java.nio.charset.StandardCharsets.UTF_8)),
            registered::containsKey);
    store.save(organisation, data, false);
    return data;
  }

  private static final String[] TAGS = {
    "digitalisation",
    "green transition",
    "circular economy",
    "automation",
    "tourism",
    "health technology",
    "bioeconomy",
    "battery industry"
  };
  private static final String[] ISCO = {
    "isco:21", "isco:25", "isco:22", "isco:31", "isco:72", "isco:52", "isco:83", "isco:23"
  };
  private static final String[] SOURCES = {
    "ESR+",
    "EAKR / ERDF",
    "Business Finland",
    "JTF (Just Transition Fund)",
    "Regional council",
    "Erasmus+"
  };
  private static final String[] STEMS = {
    "Aalto", "Kivi", "Virta", "Tunturi", "Meri", "Kaski", "Salo", "Harju", "Koski", "Lehto"
  };

  @Override
  @Transactional
  public ProjectsSaved generateProjects(int count, long seed, String organisation) {
    if (count < 1 || count > 10_000) {
      throw new IllegalArgumentException("count must be 1-10000");
    }
    Random random = new Random(seed);
    List<Area> regionList = regions.areas(AreaLevel.REGION);
    if (regionList.isEmpty()) {
      throw new IllegalStateException("Import the regions first (./osaava import regions).");
    }
    List<String> skills = new ArrayList<>();
    for (ConceptSummary s :
        taxonomy.browse(ConceptType.SKILL, Language.EN, Paging.first(Paging.MAX_SIZE)).items()) {
      skills.add(s.uri().value());
    }
    // Actors live in a home region and mostly work with others of it: the network has clusters.
    int actorCount = Math.max(3, count * 3 / 2);
    List<Actor> actors = new ArrayList<>();
    List<String> home = new ArrayList<>();
    ActorKind[] kinds = ActorKind.values();
    for (int i = 0; i < actorCount; i++) {
      ActorKind kind = kinds[random.nextInt(10) < 5 ? 0 : 1 + random.nextInt(kinds.length - 1)];
      actors.add(syntheticActor(random, kind, "synthetic-actor-" + seed + "-", i + 1));
      home.add(regionList.get(random.nextInt(Math.min(regionList.size(), 6))).code());
    }
    List<Project> projects = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String region = home.get(random.nextInt(actorCount));
      List<Integer> local = new ArrayList<>();
      for (int a = 0; a < actorCount; a++) {
        if (home.get(a).equals(region)) {
          local.add(a);
        }
      }
      int size = 2 + random.nextInt(4);
      Set<Integer> chosen = new LinkedHashSet<>();
      while (chosen.size() < Math.min(size, actorCount)) {
        chosen.add(
            random.nextInt(10) < 8 && !local.isEmpty()
                ? local.get(random.nextInt(local.size()))
                : random.nextInt(actorCount));
      }
      List<Partner> partners = new ArrayList<>();
      for (int a : chosen) {
        partners.add(
            new Partner(actors.get(a).key(), partners.isEmpty() ? "coordinator" : "partner"));
      }
      Set<String> themes = new LinkedHashSet<>();
      themes.add("tag:" + TAGS[random.nextInt(TAGS.length)]);
      themes.add(ISCO[random.nextInt(ISCO.length)]);
      for (int t = random.nextInt(3); t > 0 && !skills.isEmpty(); t--) {
        themes.add(skills.get(random.nextInt(Math.min(skills.size(), 40))));
      }
      LocalDate start = LocalDate.of(2022 + random.nextInt(5), 1 + random.nextInt(12), 1);
      String theme = TAGS[random.nextInt(TAGS.length)];
      projects.add(
          new Project(
              "synthetic-project-" + seed + "-" + (i + 1),
              "Synth " + theme + " " + STEMS[random.nextInt(STEMS.length)] + " " + (i + 1),
              start,
              start.plusMonths(12 + random.nextInt(25)).minusDays(1),
              50_000L * (1 + random.nextInt(40)),
              SOURCES[random.nextInt(SOURCES.length)],
              region,
              List.copyOf(themes),
              partners));
    }
    ProjectStore.Saved saved = store.save(organisation, new Dataset(actors, projects), true);
    return new ProjectsSaved(saved.actors(), saved.projects());
  }

  /** A synthetic actor: "Synth" in its name, a valid business ID unless a public body lacks one. */
  private static Actor syntheticActor(Random random, ActorKind kind, String keyPrefix, int number) {
    String stem = STEMS[random.nextInt(STEMS.length)];
    String name =
        switch (kind) {
          case COMPANY -> stem + " Synth Oy " + number;
          case EDUCATION -> "Synth-opisto " + stem + " " + number;
          case PUBLIC_BODY -> "Synth-kunta " + stem + " " + number;
          case ASSOCIATION -> stem + " Synth ry " + number;
        };
    String businessId = null;
    if (kind != ActorKind.PUBLIC_BODY || random.nextBoolean()) {
      while (businessId == null) {
        businessId = BusinessId.of(random.nextInt(9_000_000) + 1_000_000).orElse(null);
      }
    }
    return new Actor(keyPrefix + number, name, kind, businessId);
  }

  /**
   * A synthetic project of the region for a synthetic forum to discuss, and its partners: {@code
   * actors} synthetic actors of every kind in turn, the first four of them partners. Stored
   * (upserted) for the organisation under ids that the region and seed make, so the same seed gives
   * the same project again; the stored project and every actor made, partner or not.
   */
  @Transactional
  public ForumCast syntheticForumCast(String region, long seed, String organisation, int actors) {
    if (regions.area(AreaLevel.REGION, region).isEmpty()) {
      throw new IllegalArgumentException("No region " + region + " (./osaava import regions).");
    }
    Random random = new Random(seed * 31 + region.hashCode());
    String prefix = "synthetic-forum-" + region + "-" + seed + "-";
    ActorKind[] kinds = ActorKind.values();
    List<Actor> made = new ArrayList<>();
    List<Partner> partners = new ArrayList<>();
    for (int i = 0; i < actors; i++) {
      Actor actor = syntheticActor(random, kinds[i % kinds.length], prefix + "actor-", i + 1);
      made.add(actor);
      if (i < 4) {
        partners.add(new Partner(actor.key(), partners.isEmpty() ? "coordinator" : "partner"));
      }
    }
    LocalDate start = LocalDate.of(2025, 1 + random.nextInt(12), 1);
    String theme = TAGS[random.nextInt(TAGS.length)];
    Project project =
        new Project(
            prefix + "project",
            "Synth " + theme + " " + STEMS[random.nextInt(STEMS.length)] + " " + region,
            start,
            start.plusMonths(24).minusDays(1),
            50_000L * (1 + random.nextInt(40)),
            SOURCES[random.nextInt(SOURCES.length)],
            region,
            List.of("tag:" + theme, ISCO[random.nextInt(ISCO.length)]),
            partners);
    store.save(organisation, new Dataset(made, List.of(project)), true);
    ProjectStore.StoredProject stored =
        store.projects(organisation).stream()
            .filter(p -> p.key().equals(project.key()))
            .findFirst()
            .orElseThrow();
    return new ForumCast(stored, made);
  }

  /** What a synthetic forum is about: its project and the actors whose people take part. */
  public record ForumCast(ProjectStore.StoredProject project, List<Actor> actors) {}
}
