package fi.osaava.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.web.FlakyModuleListener;
import fi.osaava.web.FlakyModuleListener.Probe;
import fi.osaava.web.WebTestBase;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A cross-module listener ({@code @ApplicationModuleListener}) that fails leaves its publication
 * incomplete in the registry (table {@code event_publication}), and resubmitting it delivers it and
 * completes it: the same path the service takes at start for what failed or was interrupted.
 */
class EventPublicationRegistryTest extends WebTestBase {

  @Autowired FlakyModuleListener listener;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;
  @Autowired IncompleteEventPublications incomplete;
  @Autowired JdbcTemplate jdbc;

  @Test
  void aFailedDeliveryStaysIncompleteAndIsCompletedOnResubmission() {
    String id = UUID.randomUUID().toString();
    listener.failFor(id);

    // The test context runs the listener in this thread after the commit; its failure is logged.
    transactions.executeWithoutResult(status -> events.publishEvent(new Probe(id)));

    assertThat(listener.delivered(id)).isFalse();
    assertThat(incompletePublications(id)).isEqualTo(1);

    listener.succeedFor(id);
    incomplete.resubmitIncompletePublications(
        publication -> publication.getEvent() instanceof Probe probe && probe.id().equals(id));

    assertThat(listener.delivered(id)).isTrue();
    assertThat(incompletePublications(id)).isZero();
  }

  @Test
  void aSuccessfulDeliveryLeavesNothingBehind() {
    String id = UUID.randomUUID().toString();

    transactions.executeWithoutResult(status -> events.publishEvent(new Probe(id)));

    assertThat(listener.delivered(id)).isTrue();
    assertThat(incompletePublications(id)).isZero();
  }

  private int incompletePublications(String id) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from event_publication where event_type = ? and completion_date is"
                + " null and serialized_event like ?",
            Integer.class,
            Probe.class.getName(),
            "%" + id + "%");
    return count == null ? 0 : count;
  }
}
