package fi.osaava.notifications.internal;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookSigningException;
import fi.osaava.notifications.ClientWebhookDisabled;
import fi.osaava.notifications.NotificationMessage;
import fi.osaava.platform.DatabaseOutage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Posts the webhook deliveries that are due, signed the Standard Webhooks way. Runs under a
 * ShedLock lock, so on one node of a cluster at a time; each attempt holds its delivery row locked.
 * A failed attempt is retried after 1 minute, then 4, 16, 64 minutes and so on (at most 12 hours
 * apart) up to the attempt limit; every attempt of a delivery carries the same {@code webhook-id}.
 * When a delivery gives up and its subscription has had no success in as many attempts, the
 * subscription is disabled and its owner told in the inbox. In one round, a subscription that
 * failed is not tried again, so a burst of deliveries to a dead endpoint does not count as many
 * failures at once.
 */
@Component
class WebhookOutbox {

  private static final Logger log = LoggerFactory.getLogger(WebhookOutbox.class);

  /** At most this much of a response body is kept, and no more is read. */
  static final int EXCERPT = 200;

  static final Duration MAX_DELAY = Duration.ofHours(12);

  /** What one attempt got. */
  record Answer(@Nullable Integer status, String outcome) {
    boolean success() {
      return status != null && status >= 200 && status < 300;
    }
  }

  private final JdbcClient jdbc;
  private final TransactionTemplate transactions;
  private final WebhookTargets targets;
  private final Inbox inbox;
  private final MessageSource messages;
  private final NotificationsProperties.Webhooks settings;
  private final Clock clock;
  private final HttpClient http;
  private final ApplicationEventPublisher events;

  WebhookOutbox(
      JdbcClient jdbc,
      TransactionTemplate transactions,
      WebhookTargets targets,
      Inbox inbox,
      MessageSource messages,
      NotificationsProperties properties,
      ObjectProvider<Clock> clock,
      ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
    this.transactions = transactions;
    this.targets = targets;
    this.inbox = inbox;
    this.messages = messages;
    this.settings = properties.webhooks();
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  @Scheduled(
      fixedDelayString =
          "${osaava.notifications.webhooks.send-interval:${osaava.notifications.send-interval:PT30S}}",
      initialDelayString =
          "${osaava.notifications.webhooks.send-interval:${osaava.notifications.send-interval:PT30S}}")
  // A minute at most: a node that dies in a round gives the round up to another node within a
  // minute (issue 20). A round that runs longer may overlap the next node's, which is safe: each
  // row is locked (for update skip locked) while it is sent and marked in one transaction.
  @SchedulerLock(name = "notifications-webhooks", lockAtMostFor = "PT1M")
  void scheduled() {
    try {
      deliverDue(clock.instant());
    } catch (RuntimeException e) {
      if (!DatabaseOutage.causes(e)) {
        throw e;
      }
      log.debug("The webhook outbox waits for the database: {}", e.toString());
    }
  }

  /**
   * Attempts every delivery due at {@code now} (the tests move it on by hand).
   *
   * @return how many were delivered
   */
  int deliverDue(Instant now) {
    List<Map.Entry<UUID, UUID>> due =
        jdbc.sql(
                """
                select d.id, d.webhook_id from nt_webhook_delivery d
                join nt_webhook w on w.id = d.webhook_id
                where d.status = 'PENDING' and d.next_attempt_at <= ? and w.enabled
                order by d.next_attempt_at, d.id limit 500
                """)
            .param(Webhooks.timestamp(now))
            .query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
            .list();
    Set<UUID> failedThisRound = new HashSet<>();
    int delivered = 0;
    for (Map.Entry<UUID, UUID> delivery : due) {
      if (failedThisRound.contains(delivery.getValue())) {
        continue;
      }
      Optional<Boolean> ok = attempt(delivery.getKey(), now);
      if (ok.isPresent() && ok.get()) {
        delivered++;
      } else if (ok.isPresent()) {
        failedThisRound.add(delivery.getValue());
      }
    }
    return delivered;
  }

  /** Attempts one delivery at the clock's now (a test send from the page). */
  void attemptNow(UUID delivery) {
    attempt(delivery, clock.instant());
  }

  /** Attempts one delivery now, if it is pending; whether it went through. */
  Optional<Boolean> attempt(UUID delivery, Instant now) {
    Optional<Boolean> attempted = transactions.execute(status -> attemptLocked(delivery, now));
    return attempted == null ? Optional.empty() : attempted;
  }

  private record Pending(
      UUID webhook,
      @Nullable UUID person,
      @Nullable String client,
      String url,
      String secret,
      @Nullable String previousSecret,
      @Nullable Instant previousUntil,
      String payload,
      int attempts) {}

  private Optional<Boolean> attemptLocked(UUID delivery, Instant now) {
    Optional<Pending> found =
        jdbc.sql(
                """
                select w.id, w.person_id, w.client_id, w.url, w.secret, w.previous_secret,
                       w.previous_secret_until, d.payload, d.attempts
                from nt_webhook_delivery d join nt_webhook w on w.id = d.webhook_id
                where d.id = ? and d.status = 'PENDING' and w.enabled
                for update of d skip locked
                """)
            .param(delivery)
            .query(
                (rs, n) ->
                    new Pending(
                        rs.getObject(1, UUID.class),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getTimestamp(7) == null ? null : rs.getTimestamp(7).toInstant(),
                        rs.getString(8),
                        rs.getInt(9)))
            .optional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Pending pending = found.get();
    Answer answer = post(pending, "msg_" + delivery, now);
    int attempts = pending.attempts() + 1;
    if (answer.success()) {
      jdbc.sql(
              "update nt_webhook_delivery set status = 'DELIVERED', attempts = ?,"
                  + " last_attempt_at = ?, response_code = ?, outcome = ? where id = ?")
          .param(1, attempts)
          .param(2, Webhooks.timestamp(now))
          .param(3, answer.status())
          .param(4, answer.outcome())
          .param(5, delivery)
          .update();
      jdbc.sql("update nt_webhook set consecutive_failures = 0 where id = ?")
          .param(pending.webhook())
          .update();
      return Optional.of(true);
    }
    boolean givenUp = attempts >= settings.maxAttempts();
    jdbc.sql(
            "update nt_webhook_delivery set status = ?, attempts = ?, last_attempt_at = ?,"
                + " next_attempt_at = ?, response_code = ?, outcome = ? where id = ?")
        .param(1, givenUp ? Webhooks.FAILED : Webhooks.PENDING)
        .param(2, attempts)
        .param(3, Webhooks.timestamp(now))
        .param(4, Webhooks.timestamp(now.plus(delay(attempts))))
        .param(5, answer.status())
        .param(6, answer.outcome())
        .param(7, delivery)
        .update();
    int failures =
        jdbc.sql(
                "update nt_webhook set consecutive_failures = consecutive_failures + 1"
                    + " where id = ? returning consecutive_failures")
            .param(pending.webhook())
            .query(Integer.class)
            .single();
    if (givenUp && failures >= settings.maxAttempts()) {
      disable(pending, now);
    }
    return Optional.of(false);
  }

  /** The wait after the given number of failed attempts: 1, 4, 16, … times the first, capped. */
  Duration delay(int failedAttempts) {
    Duration delay = settings.firstRetry();
    for (int i = 1; i < failedAttempts && delay.compareTo(MAX_DELAY) < 0; i++) {
      delay = delay.multipliedBy(4);
    }
    return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
  }

  private void disable(Pending pending, Instant now) {
    jdbc.sql("update nt_webhook set enabled = false, disabled_at = ? where id = ?")
        .params(Webhooks.timestamp(now), pending.webhook())
        .update();
    UUID person = pending.person();
    if (person == null) {
      // An API client has no inbox: the module that registered it tells its contact.
      events.publishEvent(
          new ClientWebhookDisabled(
              java.util.Objects.requireNonNull(pending.client()),
              pending.webhook(),
              pending.url(),
              settings.maxAttempts(),
              now));
      log.info("Webhook subscription {} disabled after repeated failure", pending.webhook());
      return;
    }
    inbox.add(
        person,
        null,
        NotificationMessage.fromMessages(
            messages,
            "notifications.webhooks.disabledNotice",
            "notifications.webhooks.disabledNoticeText",
            new Object[] {pending.url(), settings.maxAttempts()},
            "/notifications/webhooks/" + pending.webhook()),
        "webhook-disabled:" + pending.webhook() + ":" + now.toEpochMilli());
    log.info("Webhook subscription {} disabled after repeated failure", pending.webhook());
  }

  private Answer post(Pending pending, String messageId, Instant now) {
    URI target;
    try {
      target = targets.check(pending.url());
    } catch (WebhookTargets.RefusedTarget e) {
      return new Answer(null, "refused: " + e.getMessage());
    }
    long timestamp = now.getEpochSecond();
    String signature;
    try {
      signature = new Webhook(pending.secret()).sign(messageId, timestamp, pending.payload());
      if (pending.previousSecret() != null
          && pending.previousUntil() != null
          && now.isBefore(pending.previousUntil())) {
        signature +=
            " "
                + new Webhook(pending.previousSecret())
                    .sign(messageId, timestamp, pending.payload());
      }
    } catch (WebhookSigningException | EmptyWebhookSecretException e) {
      throw new IllegalStateException("Cannot sign a webhook delivery", e);
    }
    HttpRequest request =
        HttpRequest.newBuilder(target)
            .timeout(settings.readTimeout())
            .header("content-type", "application/json")
            .header("user-agent", "Osaava-Webhooks/1")
            .header("webhook-id", messageId)
            .header("webhook-timestamp", Long.toString(timestamp))
            .header("webhook-signature", signature)
            .POST(HttpRequest.BodyPublishers.ofString(pending.payload(), StandardCharsets.UTF_8))
            .build();
    CompletableFuture<HttpResponse<String>> response =
        http.sendAsync(request, info -> new Excerpt());
    try {
      HttpResponse<String> answer =
          response.get(
              settings.connectTimeout().plus(settings.readTimeout()).toMillis(),
              TimeUnit.MILLISECONDS);
      return new Answer(answer.statusCode(), answer.body());
    } catch (TimeoutException e) {
      response.cancel(true);
      return new Answer(null, "timed out");
    } catch (InterruptedException e) {
      response.cancel(true);
      Thread.currentThread().interrupt();
      return new Answer(null, "interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      String why = cause instanceof java.net.http.HttpTimeoutException ? "timed out" : "failed";
      return new Answer(null, why + ": " + cause.getClass().getSimpleName());
    }
  }

  /**
   * Takes the first {@link #EXCERPT} bytes of a response body and then stops reading: a
   * subscriber's answer is never stored beyond that, nor read whole into memory.
   */
  static final class Excerpt implements HttpResponse.BodySubscriber<String> {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<String> result = new CompletableFuture<>();
    private Flow.@Nullable Subscription subscription;

    @Override
    public CompletionStage<String> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      for (ByteBuffer item : items) {
        while (item.hasRemaining() && bytes.size() < EXCERPT) {
          bytes.write(item.get());
        }
      }
      Flow.Subscription current = subscription;
      if (bytes.size() >= EXCERPT && current != null) {
        current.cancel();
        finish();
      } else if (current != null) {
        current.request(1);
      }
    }

    @Override
    public void onError(Throwable throwable) {
      finish();
    }

    @Override
    public void onComplete() {
      finish();
    }

    private void finish() {
      String text = bytes.toString(StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", " ").strip();
      result.complete(text.length() > EXCERPT ? text.substring(0, EXCERPT) : text);
    }
  }
}
