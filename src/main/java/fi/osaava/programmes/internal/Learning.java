package fi.osaava.programmes.internal;

import fi.osaava.platform.Language;
import fi.osaava.profile.PersonId;
import fi.osaava.profile.PersonalDataHolder;
import fi.osaava.profile.ProfileApi;
import fi.osaava.programmes.internal.PackageContent.Module;
import fi.osaava.programmes.internal.PackageContent.ModuleKind;
import fi.osaava.programmes.internal.ProgrammeStore.PackageVersion;
import fi.osaava.taxonomy.ConceptSummary;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.TaxonomyApi;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/**
 * A learner's study of packages: enrolment in the version they start (kept when a newer one is
 * published), modules done, quiz attempts (every one kept, the best counts), reflections, and
 * completion, which issues an Open Badges 3.0 credential into the learner's profile. Everything
 * here is the learner's own: no method reads another person's rows.
 */
@Service
public class Learning implements PersonalDataHolder {

  private final JdbcClient jdbc;
  private final ObjectMapper json;
  private final ProgrammeStore store;
  private final CredentialIssuer issuer;
  private final ProfileApi profile;
  private final TaxonomyApi taxonomy;
  private final Clock clock;

  Learning(
      JdbcClient jdbc,
      ObjectMapper json,
      ProgrammeStore store,
      CredentialIssuer issuer,
      ProfileApi profile,
      TaxonomyApi taxonomy,
      Clock clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.store = store;
    this.issuer = issuer;
    this.profile = profile;
    this.taxonomy = taxonomy;
    this.clock = clock;
  }

  /** A learner's enrolment in one package. */
  public record Enrolment(
      UUID versionId,
      OffsetDateTime startedAt,
      @Nullable String lastModule,
      @Nullable OffsetDateTime completedAt) {

    public boolean completed() {
      return completedAt != null;
    }
  }

  /** Where a learner stands in the version they study. */
  public record Progress(
      @Nullable Enrolment enrolment,
      Set<String> done,
      Map<String, Integer> bestScores,
      int modules) {

    public boolean isDone(String moduleKey) {
      return done.contains(moduleKey);
    }

    public int percent() {
      return modules == 0 ? 0 : Math.round(100f * done.size() / modules);
    }
  }

  @Transactional(readOnly = true)
  public Optional<Enrolment> enrolment(PersonId person, UUID packageId) {
    return jdbc.sql(
            "SELECT version_id, started_at, last_module, completed_at FROM programme_enrolment"
                + " WHERE person_id = ? AND package_id = ?")
        .params(person.value(), packageId)
        .query(
            (rs, row) ->
                new Enrolment(
                    rs.getObject(1, UUID.class),
                    rs.getObject(2, OffsetDateTime.class),
                    rs.getString(3),
                    rs.getObject(4, OffsetDateTime.class)))
        .optional();
  }

  /**
   * The version the learner studies: the one they enrolled in, else the newest published one (which
   * enrolling would choose).
   */
  @Transactional(readOnly = true)
  public PackageVersion studiedVersion(@Nullable PersonId person, PackageVersion latest) {
    if (person == null) {
      return latest;
    }
    return enrolment(person, latest.packageId())
        .flatMap(e -> store.version(e.versionId()))
        .orElse(latest);
  }

  @Transactional(readOnly = true)
  public Progress progress(PersonId person, PackageVersion version) {
    Optional<Enrolment> enrolment = enrolment(person, version.packageId());
    Set<String> done =
        new TreeSet<>(
            jdbc.sql(
                    "SELECT module_key FROM programme_module_done WHERE person_id = ? AND"
                        + " version_id = ?")
                .params(person.value(), version.id())
                .query(String.class)
                .list());
    done.retainAll(
        version.content().modules().stream().map(Module::key).collect(Collectors.toSet()));
    Map<String, Integer> best = new LinkedHashMap<>();
    jdbc.sql(
            "SELECT module_key, max(score) FROM programme_quiz_attempt WHERE person_id = ? AND"
                + " version_id = ? GROUP BY module_key")
        .params(person.value(), version.id())
        .query(
            rs -> {
              best.put(rs.getString(1), rs.getInt(2));
            });
    return new Progress(enrolment.orElse(null), done, best, version.content().modules().size());
  }

  /**
   * The modules of {@code version} the learner has worked on: done (read, passed, written), or a
   * quiz attempted without passing.
   */
  @Transactional(readOnly = true)
  public Set<String> worked(PersonId person, PackageVersion version) {
    return new TreeSet<>(
        jdbc.sql(
                "SELECT module_key FROM programme_module_done WHERE person_id = ? AND version_id ="
                    + " ? UNION SELECT module_key FROM programme_quiz_attempt WHERE person_id = ?"
                    + " AND version_id = ?")
            .params(person.value(), version.id(), person.value(), version.id())
            .query(String.class)
            .list());
  }

  /** A newer published version than the one the learner studies, and whether they may move. */
  public record NewerVersion(PackageVersion version, VersionChange change, boolean movable) {}

  /**
   * The newest version, when the learner is enrolled in an older one: what it changes and whether
   * it adds nothing the learner has not done.
   */
  @Transactional(readOnly = true)
  public Optional<NewerVersion> newerVersion(PersonId person, PackageVersion latest) {
    Optional<Enrolment> enrolment = enrolment(person, latest.packageId());
    if (enrolment.isEmpty() || enrolment.get().versionId().equals(latest.id())) {
      return Optional.empty();
    }
    PackageVersion studied = store.version(enrolment.get().versionId()).orElseThrow();
    VersionChange change = VersionChange.between(studied.content(), latest.content());
    return Optional.of(
        new NewerVersion(
            latest, change, change.movable(worked(person, studied), enrolment.get().completed())));
  }

  /** What came of asking to move to the newest version. */
  public enum Move {
    MOVED,
    /** Moved, and the new version had nothing left to do: the package is completed. */
    MOVED_AND_COMPLETED,
    /** Not enrolled in an older version: nothing to move. */
    NOTHING_TO_MOVE,
    /** The new version adds something the learner has not done: they keep their version. */
    REFUSED
  }

  /**
   * Moves the learner, at their request, to {@code latest} when the rule allows it: the progress,
   * quiz attempts and reflections of every unchanged module go with them; what belongs to removed
   * modules stays with the old version (and in the learner's export). A completed enrolment keeps
   * its completion date and credential.
   */
  @Transactional
  public Move moveTo(PersonId person, PackageVersion latest) {
    // Locks the enrolment, so that two requests cannot move it (or complete it) at once.
    Optional<UUID> current =
        jdbc.sql(
                "SELECT version_id FROM programme_enrolment WHERE person_id = ? AND package_id = ?"
                    + " FOR UPDATE")
            .params(person.value(), latest.packageId())
            .query(UUID.class)
            .optional();
    Optional<NewerVersion> newer = newerVersion(person, latest);
    if (current.isEmpty() || newer.isEmpty()) {
      return Move.NOTHING_TO_MOVE;
    }
    if (!newer.get().movable()) {
      return Move.REFUSED;
    }
    List<String> unchanged =
        newer.get().change().modules(VersionChange.Kind.UNCHANGED).stream()
            .map(Module::key)
            .toList();
    for (String table :
        List.of("programme_module_done", "programme_quiz_attempt", "programme_reflection")) {
      for (String key : unchanged) {
        jdbc.sql(
                "UPDATE "
                    + table
                    + " SET version_id = ? WHERE person_id = ? AND version_id = ? AND module_key"
                    + " = ?")
            .params(latest.id(), person.value(), current.get(), key)
            .update();
      }
    }
    String lastModule = enrolment(person, latest.packageId()).orElseThrow().lastModule();
    // Resuming stays where it was, unless the new version no longer has that module.
    boolean resumable = lastModule != null && latest.content().module(lastModule).isPresent();
    jdbc.sql(
            "UPDATE programme_enrolment SET version_id = ?, last_module = CASE WHEN ? THEN"
                + " last_module END WHERE person_id = ? AND package_id = ?")
        .params(latest.id(), resumable, person.value(), latest.packageId())
        .update();
    return completeIfDone(person, latest) ? Move.MOVED_AND_COMPLETED : Move.MOVED;
  }

  /** Enrols the learner in {@code version} unless already enrolled in some version. */
  @Transactional
  public void enrol(PersonId person, PackageVersion version) {
    jdbc.sql(
            "INSERT INTO programme_enrolment (person_id, package_id, version_id, started_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .params(person.value(), version.packageId(), version.id(), now())
        .update();
  }

  /** Remembers the module the learner opened last, to resume there. */
  @Transactional
  public void opened(PersonId person, PackageVersion version, String moduleKey) {
    jdbc.sql(
            "UPDATE programme_enrolment SET last_module = ? WHERE person_id = ? AND version_id ="
                + " ?")
        .params(moduleKey, person.value(), version.id())
        .update();
  }

  /** Marks a text or video module read. */
  @Transactional
  public boolean markDone(PersonId person, PackageVersion version, Module module) {
    if (module.kind() == ModuleKind.QUIZ || module.kind() == ModuleKind.REFLECTION) {
      throw new IllegalArgumentException("a quiz is passed and a reflection written, not marked");
    }
    enrol(person, version);
    done(person, version, module);
    return completeIfDone(person, version);
  }

  /**
   * Keeps a scored attempt; a passing one marks the quiz done.
   *
   * @return whether this completed the package
   */
  @Transactional
  public boolean recordAttempt(
      PersonId person, PackageVersion version, Module quiz, QuizScoring.Result result) {
    enrol(person, version);
    jdbc.sql(
            "INSERT INTO programme_quiz_attempt (id, person_id, version_id, module_key, answers,"
                + " score, max_score, attempted_at) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)")
        .params(
            UUID.randomUUID(),
            person.value(),
            version.id(),
            quiz.key(),
            json.writeValueAsString(result.chosen()),
            result.score(),
            result.maxScore(),
            now())
        .update();
    if (result.passed()) {
      done(person, version, quiz);
    }
    return completeIfDone(person, version);
  }

  /** The learner's reflection, or empty. */
  @Transactional(readOnly = true)
  public Optional<String> reflection(PersonId person, PackageVersion version, Module module) {
    return jdbc.sql(
            "SELECT text FROM programme_reflection WHERE person_id = ? AND version_id = ? AND"
                + " module_key = ?")
        .params(person.value(), version.id(), module.key())
        .query(String.class)
        .optional();
  }

  /** Saves the learner's reflection (only they ever see it) and marks the module done. */
  @Transactional
  public boolean saveReflection(
      PersonId person, PackageVersion version, Module module, String text) {
    enrol(person, version);
    jdbc.sql(
            "INSERT INTO programme_reflection (person_id, version_id, module_key, text,"
                + " written_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (person_id, version_id,"
                + " module_key) DO UPDATE SET text = excluded.text, written_at ="
                + " excluded.written_at")
        .params(person.value(), version.id(), module.key(), text, now())
        .update();
    done(person, version, module);
    return completeIfDone(person, version);
  }

  private void done(PersonId person, PackageVersion version, Module module) {
    jdbc.sql(
            "INSERT INTO programme_module_done (person_id, version_id, module_key, done_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
        .params(person.value(), version.id(), module.key(), now())
        .update();
  }

  /**
   * Completes the package when every module of the learner's version is done: the credential is
   * issued and stored in the profile in the same transaction, so a refusal there completes nothing.
   */
  private boolean completeIfDone(PersonId person, PackageVersion version) {
    Progress progress = progress(person, version);
    if (progress.enrolment() == null
        || progress.enrolment().completed()
        || !progress.enrolment().versionId().equals(version.id())
        || progress.done().size() < progress.modules()) {
      return false;
    }
    PackageContent content = version.content();
    Language first = Language.require(content.languages().getFirst());
    Map<String, String> skills = new LinkedHashMap<>();
    List<ConceptUri> uris = content.learningOutcomes().stream().map(ConceptUri::of).toList();
    for (ConceptSummary s : taxonomy.summaries(uris, Language.EN)) {
      skills.put(s.uri().value(), s.label().text());
    }
    for (ConceptUri uri : uris) {
      skills.putIfAbsent(uri.value(), uri.value());
    }
    Instant now = now().toInstant();
    String credential =
        issuer.issue(
            new CredentialIssuer.Achievement(
                "urn:osaava:programmes:package:"
                    + version.packageSlug()
                    + ":version:"
                    + version.version(),
                content.text(content.title(), first).text(),
                content.text(content.summary(), first).text(),
                content.level().name().toLowerCase(Locale.ROOT),
                version.owner(),
                skills),
            now);
    profile.addIssuedCredential(
        person, version.packageSlug() + ".jwt", credential.getBytes(StandardCharsets.US_ASCII));
    jdbc.sql(
            "UPDATE programme_enrolment SET completed_at = ?, credential = ? WHERE person_id = ?"
                + " AND package_id = ?")
        .params(now().withNano(0), credential, person.value(), version.packageId())
        .update();
    return true;
  }

  private OffsetDateTime now() {
    return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
  }

  @Override
  public String section() {
    return "learningProgrammes";
  }

  @Override
  @Transactional(readOnly = true)
  public Object export(PersonId person) {
    Map<String, Object> export = new LinkedHashMap<>();
    export.put(
        "enrolments",
        jdbc.sql(
                "SELECT p.slug, v.version, e.started_at, e.last_module, e.completed_at,"
                    + " e.credential FROM programme_enrolment e JOIN programme_package p ON p.id ="
                    + " e.package_id JOIN programme_package_version v ON v.id = e.version_id WHERE"
                    + " e.person_id = ? ORDER BY e.started_at")
            .param(person.value())
            .query()
            .listOfRows());
    export.put(
        "modulesDone",
        jdbc.sql(
                "SELECT p.slug, v.version, d.module_key, d.done_at FROM programme_module_done d"
                    + " JOIN programme_package_version v ON v.id = d.version_id JOIN"
                    + " programme_package p ON p.id = v.package_id WHERE d.person_id = ? ORDER BY"
                    + " d.done_at")
            .param(person.value())
            .query()
            .listOfRows());
    export.put(
        "quizAttempts",
        jdbc.sql(
                "SELECT p.slug, v.version, a.module_key, a.answers::text AS answers, a.score,"
                    + " a.max_score, a.attempted_at FROM programme_quiz_attempt a JOIN"
                    + " programme_package_version v ON v.id = a.version_id JOIN programme_package"
                    + " p ON p.id = v.package_id WHERE a.person_id = ? ORDER BY a.attempted_at")
            .param(person.value())
            .query()
            .listOfRows());
    export.put(
        "reflections",
        jdbc.sql(
                "SELECT p.slug, v.version, r.module_key, r.text, r.written_at FROM"
                    + " programme_reflection r JOIN programme_package_version v ON v.id ="
                    + " r.version_id JOIN programme_package p ON p.id = v.package_id WHERE"
                    + " r.person_id = ? ORDER BY r.written_at")
            .param(person.value())
            .query()
            .listOfRows());
    return export;
  }

  @Override
  @Transactional
  public void delete(PersonId person) {
    for (String table :
        List.of(
            "programme_quiz_attempt",
            "programme_reflection",
            "programme_module_done",
            "programme_enrolment")) {
      jdbc.sql("DELETE FROM " + table + " WHERE person_id = ?").param(person.value()).update();
    }
  }
}
