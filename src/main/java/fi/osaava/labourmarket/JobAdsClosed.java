package fi.osaava.labourmarket;

import java.util.List;

/**
 * Open job ads were closed by their organisation's editor (no longer open, though still counted in
 * the demand of the month they were posted): published in the closing transaction, so a listener
 * through the event publication registry hears of every committed closing. Saving a closed ad again
 * reopens it and announces it with {@link JobAdsPublished}. Ads whose last day passes are announced
 * by {@link JobAdsExpired} instead.
 *
 * @param ads the ads, each once
 */
public record JobAdsClosed(List<JobAdId> ads) {

  public JobAdsClosed {
    ads = List.copyOf(ads);
  }
}
