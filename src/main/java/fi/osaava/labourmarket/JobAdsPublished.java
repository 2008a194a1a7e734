package fi.osaava.labourmarket;

import java.util.List;

/**
 * Open job ads were added or changed: published in the transaction of the ingestion, push or edit
 * that stored them, so a listener through the event publication registry hears of every committed
 * ad and of no rolled-back one. Reposts of an earlier ad (near-duplicates) and generated
 * (synthetic) ads are left out: the first is the ad already announced, the second is load-test and
 * demonstration data that should alert nobody.
 *
 * @param ads the ads, each once
 */
public record JobAdsPublished(List<JobAdId> ads) {

  public JobAdsPublished {
    ads = List.copyOf(ads);
  }
}
