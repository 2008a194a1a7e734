package fi.osaava.recommendations.internal;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Wipes the summaries of expired hand-overs on a schedule, so that a summary is kept no longer than
 * its link works even when neither the link nor the person's list is opened again (those wipe it on
 * the way too). The consent row stays, without its summary, for the person's list and export.
 */
@Component
class HandoverPurge {

  private static final Logger log = LoggerFactory.getLogger(HandoverPurge.class);

  private final Handovers handovers;

  HandoverPurge(Handovers handovers) {
    this.handovers = handovers;
  }

  @Scheduled(cron = "${osaava.recommendations.handover-purge-cron:0 20 * * * *}")
  // A minute at most, as all background work (issue 20): the wipe is one idempotent update, so two
  // nodes' overlapping rounds are harmless.
  @SchedulerLock(name = "handover-purge", lockAtMostFor = "PT1M")
  void scheduled() {
    int wiped = handovers.purgeExpired();
    if (wiped > 0) {
      log.info("Wiped the summaries of {} expired hand-over links", wiped);
    }
  }
}
