package fi.osaava.labourmarket;

import java.util.List;

/**
 * Open job ads passed their last day (their {@code validThrough} is before today): no longer open,
 * though still counted in the demand of the month they were posted. Announced once per ad by a
 * background round that marks each ad in the same transaction, so a listener through the event
 * publication registry hears of every expiry exactly once, however many nodes run the round. An
 * expired ad saved again with a later last day is open again and announced with {@link
 * JobAdsPublished}; it is announced again should it expire again. As with {@link JobAdsPublished},
 * reposts and generated (synthetic) ads are left out.
 *
 * @param ads the ads, each once
 */
public record JobAdsExpired(List<JobAdId> ads) {

  public JobAdsExpired {
    ads = List.copyOf(ads);
  }
}
