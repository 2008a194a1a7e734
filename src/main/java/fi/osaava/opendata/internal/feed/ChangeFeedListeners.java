package fi.osaava.opendata.internal.feed;

import fi.osaava.education.EducationApi;
import fi.osaava.education.OfferingId;
import fi.osaava.education.OfferingsPublished;
import fi.osaava.education.OfferingsWithdrawn;
import fi.osaava.labourmarket.JobAdId;
import fi.osaava.labourmarket.JobAdsClosed;
import fi.osaava.labourmarket.JobAdsExpired;
import fi.osaava.labourmarket.JobAdsPublished;
import fi.osaava.labourmarket.LabourMarketApi;
import fi.osaava.labourmarket.MatchableJobAd;
import fi.osaava.opendata.internal.feed.ChangeFeed.Action;
import fi.osaava.opendata.internal.feed.ChangeFeed.Change;
import fi.osaava.opendata.internal.feed.ChangeFeed.Kind;
import fi.osaava.platform.Language;
import fi.osaava.servicenetwork.ServicesChanged;
import fi.osaava.taxonomy.EscoImported;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records in the change feed what the owning modules announce: offerings published and withdrawn
 * (education), services added, changed and retired (service network), job ads published, changed
 * and closed (labour market) and ESCO versions imported (taxonomy). Through the event publication
 * registry, so a change whose listener failed or was cut off is recorded when the service next
 * starts.
 */
@Component
class ChangeFeedListeners {

  private final ChangeFeed feed;
  private final EducationApi education;
  private final LabourMarketApi labourMarket;

  ChangeFeedListeners(ChangeFeed feed, EducationApi education, LabourMarketApi labourMarket) {
    this.feed = feed;
    this.education = education;
    this.labourMarket = labourMarket;
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
    recordWithdrawn(Kind.OFFERING, event.offerings().stream().map(id -> id.value().toString()));
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

  /**
   * The event names new and changed ads alike: an ad the feed has not had before is published, one
   * it has is updated (a reopened ad too). Only the ad's id and its title, in the ad's language, go
   * into the feed: the title is what every public page shows, and the ad's other fields (the
   * employer's contact, the description) stay with the labour market.
   */
  @ApplicationModuleListener
  void jobAdsPublished(JobAdsPublished event) {
    List<String> ids = event.ads().stream().map(id -> id.value().toString()).toList();
    Set<String> known = feed.known(Kind.JOB_AD, ids);
    List<Change> changes = new ArrayList<>();
    for (JobAdId id : event.ads()) {
      String subject = id.value().toString();
      Action action = known.contains(subject) ? Action.UPDATED : Action.PUBLISHED;
      changes.add(
          labourMarket
              .jobAd(id)
              .map(ad -> new Change(Kind.JOB_AD, action, subject, title(ad)))
              .orElseGet(() -> new Change(Kind.JOB_AD, Action.WITHDRAWN, subject, Map.of())));
    }
    feed.record(changes);
  }

  @ApplicationModuleListener
  void jobAdsClosed(JobAdsClosed event) {
    recordWithdrawn(Kind.JOB_AD, event.ads().stream().map(id -> id.value().toString()));
  }

  /**
   * An ad past its last day is withdrawn as a closed one is, but only if the feed has had it: the
   * first expiry round after the feed began announces every ad that expired before, and a consumer
   * that never saw an ad published needs no withdrawal of it.
   */
  @ApplicationModuleListener
  void jobAdsExpired(JobAdsExpired event) {
    Set<String> known =
        feed.known(Kind.JOB_AD, event.ads().stream().map(id -> id.value().toString()).toList());
    recordWithdrawn(
        Kind.JOB_AD, event.ads().stream().map(id -> id.value().toString()).filter(known::contains));
  }

  /** Withdrawals have no title: the thing is gone from its page. */
  private void recordWithdrawn(Kind kind, java.util.stream.Stream<String> subjects) {
    feed.record(subjects.map(s -> new Change(kind, Action.WITHDRAWN, s, Map.of())).toList());
  }

  /** The ad's title under its language, or under English when the feed has no column for it. */
  private static Map<Language, String> title(MatchableJobAd ad) {
    Language language =
        List.of(Language.FI, Language.SV, Language.EN).contains(ad.language())
            ? ad.language()
            : Language.EN;
    return Map.of(language, ad.title());
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
