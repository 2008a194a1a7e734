package fi.osaava.regionalintelligence.internal.forums;

import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.SyntheticForums;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.EventDetails;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumDetails;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Actor;
import fi.osaava.regionalintelligence.internal.projects.ProjectRegistry;
import fi.osaava.regionalintelligence.internal.projects.ProjectRegistry.ForumCast;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes a region's synthetic forum from synthetic actors and a synthetic project ({@link
 * ProjectRegistry#syntheticForumCast}). Everything it stores says it is synthetic: the forum is
 * marked so (a tag on its pages), and its title, events, agenda, material and results say so in
 * words, since they are shown as written.
 */
@Service
class SyntheticForum implements SyntheticForums {

  /** The actors whose organisations take part; the project's partners are the first four. */
  static final int ACTORS = 6;

  private final Forums forums;
  private final ForumStore store;
  private final ProjectRegistry projects;
  private final RegionsApi regions;
  private final Clock clock;

  SyntheticForum(
      Forums forums, ForumStore store, ProjectRegistry projects, RegionsApi regions, Clock clock) {
    this.forums = forums;
    this.store = store;
    this.projects = projects;
    this.regions = regions;
    this.clock = clock;
  }

  @Override
  @Transactional
  public Generated generateForum(String regionCode, long seed, String organisation) {
    String regionName =
        regions
            .area(AreaLevel.REGION, regionCode)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "No region " + regionCode + " (./osaava import regions)."))
            .name(Language.FI)
            .text();
    ForumCast cast = projects.syntheticForumCast(regionCode, seed, organisation, ACTORS);
    String title = "Synth-foorumi " + regionName + " " + seed + " (synteettinen / synthetic)";
    store.deleteSynthetic(organisation, title);
    ForumDetails details =
        forums.check(
            new ForumDetails(
                title,
                "**Synteettinen esittelyfoorumi** (synthetic demonstration forum): its events,"
                    + " participants and material are made up by `./osaava generate"
                    + " regional-forum`.",
                regionCode,
                null,
                null,
                Set.of(cast.project().id()),
                true));
    UUID forum = store.create(organisation, details, true);
    LocalDate today = LocalDate.now(clock.withZone(Forums.HELSINKI));
    List<Actor> actors = cast.actors();
    UUID held =
        store.addEvent(
            forum,
            event(
                "Synth-työpaja: " + cast.project().name(),
                today.minusDays(60),
                "Synth-kampus, " + regionName,
                null),
            clock.instant());
    UUID coming =
        store.addEvent(
            forum,
            event(
                "Synth-verkostotapaaminen " + regionName,
                today.plusDays(30),
                null,
                "https://synthetic.example.fi/forum/" + regionCode),
            clock.instant());
    int participants = 0;
    for (Actor actor : actors) {
      store.registerSynthetic(held, actor.name(), clock.instant());
      participants++;
    }
    for (Actor actor : actors.subList(0, 3)) {
      store.registerSynthetic(coming, actor.name(), clock.instant());
      participants++;
    }
    store.addMaterial(
        forum,
        "Synteettinen aineisto: työpajan yhteenveto (synthetic material)",
        null,
        "Synteettinen yhteenveto hankkeesta **"
            + cast.project().name()
            + "**: osallistujat ("
            + String.join(", ", actors.stream().map(Actor::name).toList())
            + ") keskustelivat sen teemoista. Made up for demonstration.");
    store.saveResults(
        forum,
        organisation,
        "Synteettiset tulokset (synthetic results): kolme kehittämisideaa ja yksi uusi"
            + " kumppanuus. Made up for demonstration.");
    return new Generated(forum, 2, participants, cast.project().id());
  }

  /** A three-hour event from nine in Helsinki time, with an agenda that says it is synthetic. */
  private static EventDetails event(
      String title, LocalDate day, @Nullable String place, @Nullable String onlineUrl) {
    ZonedDateTime start = ZonedDateTime.of(day, LocalTime.of(9, 0), Forums.HELSINKI);
    return new EventDetails(
        title,
        """
        Synteettinen asialista (synthetic agenda):

        1. Tervetuloa ja esittäytyminen
        2. Hankkeen tilannekatsaus
        3. Osaamistarpeet alueella
        4. Seuraavat askeleet
        """,
        start.toInstant(),
        start.plusHours(3).toInstant(),
        place,
        onlineUrl,
        40);
  }
}
