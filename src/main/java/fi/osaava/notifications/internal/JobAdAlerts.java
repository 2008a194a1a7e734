package fi.osaava.notifications.internal;

import fi.osaava.labourmarket.JobAdId;
import fi.osaava.labourmarket.JobAdsPublished;
import fi.osaava.labourmarket.LabourMarketApi;
import fi.osaava.labourmarket.MatchableJobAd;
import fi.osaava.taxonomy.ConceptUri;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells people about new and changed job ads that their saved opportunity filters or goals match.
 * Delivered through the event publication registry like the offering alerts: the inbox messages,
 * their outbox rows and the webhook deliveries are written in this listener's transaction, with one
 * key per saved search and ad, so a redelivered event or an ad edited while it still matches adds
 * nothing.
 *
 * <p>Both kinds are evaluated through the same {@link AlertIndex} as the education searches, as
 * facet-only queries: an opportunity filter's region, remote and language filters, and a goal's
 * occupation. An ad's facets are its region, {@code remote=true} when it allows remote work, its
 * language and its occupation. As on the opportunities page, a remote ad passes any region filter:
 * a filter's regions carry {@link #ANY_REGION}, which every remote ad has as a region.
 */
@Component
class JobAdAlerts {

  private static final Logger log = LoggerFactory.getLogger(JobAdAlerts.class);

  /** The region value a remote ad has besides its own, and which every region filter accepts. */
  static final String ANY_REGION = "*";

  /**
   * The facet a filter is filed under in the index, the rarest among ads first: an ad's lookup then
   * finds few filters that fail their check. A goal's occupation; remote only (a minority of ads);
   * the region (the regions chosen and the remote ads); the language last (most ads are in
   * Finnish).
   */
  static final List<String> ANCHOR_FACETS =
      List.of(SavedSearches.GOAL, "remote", "region", "language");

  private final LabourMarketApi labourMarket;
  private final SavedSearches searches;
  private final AlertDelivery delivery;

  JobAdAlerts(LabourMarketApi labourMarket, SavedSearches searches, AlertDelivery delivery) {
    this.labourMarket = labourMarket;
    this.searches = searches;
    this.delivery = delivery;
  }

  @ApplicationModuleListener
  void jobAdsPublished(JobAdsPublished event) {
    AlertIndex<SavedSearches.SavedSearch> index = new AlertIndex<>(ANCHOR_FACETS);
    searches.forEach(SavedSearches.OPPORTUNITY, s -> index.add(s, query(s)));
    searches.forEach(SavedSearches.GOAL, s -> index.add(s, query(s)));
    AlertDelivery.Round round = delivery.round();
    int ads = 0;
    int told = 0;
    for (JobAdId id : event.ads()) {
      MatchableJobAd ad = labourMarket.jobAd(id).orElse(null);
      if (ad == null) {
        continue;
      }
      ads++;
      // The ad's page in Osaava is its goal page: the gap between the person and the ad.
      AlertDelivery.Item alert =
          new AlertDelivery.Item(
              Webhooks.JOB_AD_MATCHED,
              id.value().toString(),
              Map.of(ad.language(), ad.title()),
              "/opportunities/goals/" + id.value(),
              "notifications.alert.jobAd.title");
      for (SavedSearches.SavedSearch search : index.matches(item(ad))) {
        if (round.tell(search, alert, "job-ad-search:" + search.id() + ":" + id.value())) {
          told++;
        }
      }
    }
    log.info("{} new or changed job ads: {} saved-search alerts", ads, told);
  }

  /** A saved opportunity filter or goal as the matcher evaluates it: facets only, no words. */
  static SavedQuery query(SavedSearches.SavedSearch search) {
    Map<String, Set<String>> facets = new HashMap<>(search.facets());
    Set<String> regions = facets.get("region");
    if (regions != null) {
      Set<String> withRemote = new LinkedHashSet<>(regions);
      withRemote.add(ANY_REGION);
      facets.put("region", withRemote);
    }
    return new SavedQuery(List.of(), facets);
  }

  /** An ad as the matcher sees it. */
  static AlertIndex.Item item(MatchableJobAd ad) {
    Map<String, Set<String>> facets = new HashMap<>();
    Set<String> regions = new LinkedHashSet<>();
    if (ad.regionCode() != null) {
      regions.add(ad.regionCode());
    }
    if (ad.remote()) {
      regions.add(ANY_REGION);
      facets.put("remote", Set.of("true"));
    }
    facets.put("region", regions);
    facets.put("language", Set.of(ad.language().code()));
    String goal = goalId(ad.occupation());
    if (goal != null) {
      facets.put(SavedSearches.GOAL, Set.of(goal));
    }
    return new AlertIndex.Item(new TreeSet<>(), facets);
  }

  /** The goal id of an occupation: its ESCO UUID, as {@code /opportunities/goals/{id}} takes. */
  private static @Nullable String goalId(@Nullable ConceptUri occupation) {
    if (occupation == null) {
      return null;
    }
    String value = occupation.value();
    return value.substring(value.lastIndexOf('/') + 1);
  }
}
