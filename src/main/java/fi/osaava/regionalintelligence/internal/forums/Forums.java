package fi.osaava.regionalintelligence.internal.forums;

import fi.osaava.profile.PersonId;
import fi.osaava.regionalintelligence.RegionalSurveysApi;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.EventDetails;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumDetails;
import fi.osaava.regionalintelligence.internal.forums.ForumStore.ForumEvent;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A region's network forums, whoever asks: a forum's details are checked against the regions, the
 * published surveys and the registry of projects before they are stored, and a signed-in person
 * takes a place at an event while one is left (the event's row is locked while it is decided, so it
 * never holds more than its capacity). Who may change a forum is the controllers' question; the
 * store's writes name the owning organisation.
 */
@Service
public class Forums {

  /** The most projects one forum names. */
  public static final int MAX_PROJECTS = 50;

  /** A refused value: the form field it came from and the message's key suffix. */
  public static final class Refused extends RuntimeException {

    private final String field;
    private final String code;

    public Refused(String field, String code) {
      super(field + ": " + code, null, false, false);
      this.field = field;
      this.code = code;
    }

    public String field() {
      return field;
    }

    public String code() {
      return code;
    }
  }

  /** What a registration came to. */
  public enum Outcome {
    REGISTERED,
    /** Registered already; nothing changed. */
    ALREADY,
    /** No place left. */
    FULL,
    /** The event has started. */
    CLOSED
  }

  private final ForumStore store;
  private final RegionsApi regions;
  private final RegionalSurveysApi surveys;
  private final Clock clock;

  Forums(ForumStore store, RegionsApi regions, RegionalSurveysApi surveys, Clock clock) {
    this.store = store;
    this.regions = regions;
    this.surveys = surveys;
    this.clock = clock;
  }

  @Transactional
  public UUID create(String organisation, ForumDetails details) {
    return store.create(organisation, check(details), false);
  }

  /** Whether the organisation had such a forum to change. */
  @Transactional
  public boolean update(UUID id, String organisation, ForumDetails details) {
    return store.update(id, organisation, check(details));
  }

  /**
   * The details as stored: a known region, a sub-region of it, a survey whose results are
   * published, and projects of the registry. Each refusal names its field.
   */
  ForumDetails check(ForumDetails d) {
    if (d.title().isBlank()) {
      throw new Refused("title", "titleRequired");
    }
    Area region =
        regions
            .area(AreaLevel.REGION, d.regionCode())
            .orElseThrow(() -> new Refused("region", "region"));
    String subRegion = null;
    if (d.subRegionCode() != null) {
      Area sub =
          regions
              .area(AreaLevel.SUB_REGION, d.subRegionCode())
              .filter(a -> a.regionCode().equals(region.code()))
              .orElseThrow(() -> new Refused("subRegion", "subRegion"));
      subRegion = sub.code();
    }
    if (d.surveyId() != null
        && surveys.publishedSurveys().stream().noneMatch(s -> s.id().equals(d.surveyId()))) {
      throw new Refused("survey", "survey");
    }
    if (d.projectIds().size() > MAX_PROJECTS) {
      throw new Refused("projects", "tooManyProjects");
    }
    Set<UUID> unknown = new HashSet<>(d.projectIds());
    unknown.removeAll(store.existingProjects(d.projectIds()));
    if (!unknown.isEmpty()) {
      throw new Refused("projects", "project");
    }
    return new ForumDetails(
        d.title().strip(),
        d.description().strip(),
        region.code(),
        subRegion,
        d.surveyId(),
        d.projectIds(),
        d.published());
  }

  @Transactional
  public UUID addEvent(UUID forum, EventDetails details) {
    return store.addEvent(forum, details, clock.instant());
  }

  /**
   * Registers the person with the organisation they come from; their name is kept only when they
   * chose to show it ({@code shownName} not null).
   */
  @Transactional
  public Outcome register(
      UUID event, PersonId person, String organisation, @Nullable String shownName) {
    ForumEvent locked = store.lock(event).orElseThrow(() -> new Refused("event", "event"));
    if (store.participants(event).stream().anyMatch(p -> p.person().equals(person))) {
      return Outcome.ALREADY;
    }
    if (!clock.instant().isBefore(locked.details().start())) {
      return Outcome.CLOSED;
    }
    if (locked.placesLeft() == 0) {
      return Outcome.FULL;
    }
    store.register(event, person, organisation, shownName, clock.instant());
    return Outcome.REGISTERED;
  }

  @Transactional
  public boolean unregister(UUID event, PersonId person) {
    store.lock(event);
    return store.unregister(event, person);
  }
}
