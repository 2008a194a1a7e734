package fi.osaava.opendata.internal.feed;

import fi.osaava.education.EducationApi;
import fi.osaava.education.OfferingId;
import fi.osaava.education.OfferingsPublished;
import fi.osaava.education.OfferingsWithdrawn;
import fi.osaava.opendata.internal.feed.ChangeFeed.Action;
import fi.osaava.opendata.internal.feed.ChangeFeed.Change;
import fi.osaava.opendata.internal.feed.ChangeFeed.Kind;
import fi.osaava.platform.Language;
import fi.osaava.servicenetwork.ServicesChanged;
import fi.osaava.taxonomy.EscoImported;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records in the change feed what the owning modules announce: offerings published and withdrawn
 * (education), services added, changed and retired (service network) and ESCO versions imported
 * (taxonomy). Through the event publication registry, so a change whose listener failed or was cut
 * off is recorded when the service next starts.
 */
@Component
class ChangeFeedListeners {

  private final ChangeFeed feed;
  private final EducationApi education;

  ChangeFeedListeners(ChangeFeed feed, EducationApi education) {
    this.feed = feed;
    this.education = education;
  }

  /**
   * The event names added, changed and snapshot-deactivated offerings alike; an offering no longer
   * active is recorded as withdrawn. Synthetic (generated) offerings are never announced in it.
   */
  @ApplicationModuleListener
  void offeringsPublished(OfferingsPublished event) {
    List<Change> changes = new ArrayList<>();
    for (OfferingId id : event.offerings()) {
      changes.add(
          education
              .searchableOffering(id)
              .map(
                  o ->
                      new Change(
                          Kind.OFFERING, Action.PUBLISHED, id.value().toString(), o.titles()))
              .orElseGet(
                  () ->
                      new Change(
                          Kind.OFFERING, Action.WITHDRAWN, id.value().toString(), Map.of())));
    }
    feed.record(changes);
  }

  @ApplicationModuleListener
  void offeringsWithdrawn(OfferingsWithdrawn event) {
    feed.record(
        event.offerings().stream()
            .map(id -> new Change(Kind.OFFERING, Action.WITHDRAWN, id.value().toString(), Map.of()))
            .toList());
  }

  @ApplicationModuleListener
  void servicesChanged(ServicesChanged event) {
    feed.record(
        event.changes().stream()
            .map(
                c ->
                    new Change(
                        Kind.SERVICE,
                        switch (c.kind()) {
                          case ADDED -> Action.PUBLISHED;
                          case UPDATED -> Action.UPDATED;
                          case RETIRED -> Action.WITHDRAWN;
                        },
                        c.service().toString(),
                        c.names()))
            .toList());
  }

  @ApplicationModuleListener
  void escoImported(EscoImported event) {
    feed.record(
        List.of(
            new Change(
                Kind.TAXONOMY,
                Action.RELEASED,
                event.version(),
                Map.of(Language.EN, "ESCO " + event.version()))));
  }
}
