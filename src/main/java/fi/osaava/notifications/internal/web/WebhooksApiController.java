package fi.osaava.notifications.internal.web;

import fi.osaava.notifications.internal.NotificationsPages;
import fi.osaava.notifications.internal.Owner;
import fi.osaava.notifications.internal.SavedSearches;
import fi.osaava.notifications.internal.SearchToSave;
import fi.osaava.notifications.internal.Webhooks;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.NotFoundException;
import fi.osaava.web.ApiClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * Webhook subscriptions of an organisation's API client (OAuth client credentials, scope {@value
 * WebhooksWebConfiguration#SCOPE}), for systems that follow new offerings, services or job ads
 * without a person's pages. The client's subscriptions are its own: another client's answer 404,
 * and a person's are never reached (a bearer token is no browser session). A subscription follows a
 * search given with it; the deliveries are the signed posts a person's subscriptions get.
 */
@RestController
@RequestMapping(path = WebhooksApiController.PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(
    name = "Webhooks",
    description =
        "An API client's webhook subscriptions: signed deliveries (Standard Webhooks) of new"
            + " offerings, services or job ads that match a search")
class WebhooksApiController {

  static final String PATH = "/api/v1/webhooks";
  private static final int LOG_SIZE = 50;

  private static final String CREATE_EXAMPLE =
      """
      {"url": "https://hr.example.fi/osaava/webhooks",
       "search": {"kind": "education", "q": "python",
                  "facets": {"mode": ["online"], "language": ["fi"]}}}
      """;

  /** What a client sends to subscribe: where to deliver, and what to follow. */
  record CreateRequest(
      @Schema(
              requiredMode = Schema.RequiredMode.REQUIRED,
              format = "uri",
              example = "https://hr.example.fi/osaava/webhooks")
          @Nullable String url,
      @Schema(requiredMode = Schema.RequiredMode.REQUIRED) @Nullable SearchRequest search) {}

  /**
   * A search to follow: {@code education} (words and the education search's facets), {@code
   * service} (the service search's), or {@code opportunity} (job ads by {@code region}, {@code
   * remote} and {@code language}, no words).
   */
  record SearchRequest(
      @Nullable String kind, @Nullable String q, @Nullable Map<String, List<String>> facets) {}

  /** The search a subscription follows. */
  @Schema(name = "WebhookSearch")
  record SearchJson(
      @Schema(allowableValues = {"education", "service", "opportunity"}) String kind,
      @Schema(example = "python") String q,
      @Schema(example = "{\"mode\": [\"online\"], \"language\": [\"fi\"]}")
          Map<String, Set<String>> facets) {}

  /** A delivery in the log. */
  record DeliveryJson(
      @Schema(
              description = "The webhook-id header, the same on every attempt",
              example = "msg_2b7e1c9a-4f3d-4e8b-9a61-0c5d7f3e2a18")
          String webhookId,
      @Schema(example = "education.offering.matched") String type,
      @Schema(example = "DELIVERED") String status,
      @Schema(example = "1") int attempts,
      @Schema(example = "2026-12-07T08:15:02Z") @Nullable Instant lastAttempt,
      @Schema(example = "200") @Nullable Integer responseCode,
      @Schema(description = "The receiver's answer, or why there was none", example = "ok")
          @Nullable String outcome,
      @Schema(example = "2026-12-07T08:15:00Z") Instant nextAttempt,
      @Schema(example = "2026-12-07T08:15:00Z") Instant created) {}

  /** A subscription, never with its secret; the log only when one subscription is read. */
  record SubscriptionJson(
      @Schema(example = SUBSCRIPTION_ID) UUID id,
      @Schema(example = "https://hr.example.fi/osaava/webhooks") String url,
      boolean enabled,
      @Schema(example = "0") int consecutiveFailures,
      @Schema(
              description = "When repeated failures turned it off; null while it is on",
              example = "2026-12-03T14:00:00Z")
          @Nullable Instant disabledAt,
      @Schema(example = "2026-12-01T09:30:00Z") Instant created,
      @Nullable SearchJson search,
      @Nullable List<DeliveryJson> deliveries) {}

  /** The answer to a subscription made or a secret rotated: the secret, shown this once. */
  record SecretJson(
      @Schema(example = SUBSCRIPTION_ID) UUID id,
      @Schema(example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw8a8kGq3WJmE=") String secret) {}

  private static final String SUBSCRIPTION_ID = "7c4f2a1e-5b3d-4c9e-8f6a-2d1b0e9c8a7f";

  private final NotificationsPages pages;

  WebhooksApiController(NotificationsPages pages) {
    this.pages = pages;
  }

  @GetMapping
  @Operation(
      summary = "The client's webhook subscriptions",
      security = @SecurityRequirement(name = "bearer", scopes = WebhooksWebConfiguration.SCOPE))
  @ApiResponse(responseCode = "200", description = "The subscriptions, oldest first")
  @ApiResponse(responseCode = "401", description = "No or invalid bearer token")
  @ApiResponse(responseCode = "403", description = "The token lacks scope webhooks.manage")
  List<SubscriptionJson> list(Authentication auth) {
    Owner owner = owner(auth);
    return pages.webhooks(owner).stream().map(w -> json(owner, w, null)).toList();
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary = "Subscribe to a search",
      description =
          "Delivers each new or changed item that the search matches to the URL, signed with the"
              + " secret in the answer (shown once; Standard Webhooks). The URL must be https (or"
              + " http) to a public address: loopback, private, link-local and metadata addresses"
              + " are refused with a 400 naming url. At most 10 subscriptions per client.",
      security = @SecurityRequirement(name = "bearer", scopes = WebhooksWebConfiguration.SCOPE),
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content = @Content(examples = @ExampleObject(value = CREATE_EXAMPLE))))
  @ApiResponse(responseCode = "201", description = "Made: its id and secret")
  @ApiResponse(
      responseCode = "400",
      description = "A field refused: the problem's parameter names it; nothing is stored")
  @ApiResponse(responseCode = "401", description = "No or invalid bearer token")
  @ApiResponse(responseCode = "403", description = "The token lacks scope webhooks.manage")
  ResponseEntity<SecretJson> create(@RequestBody CreateRequest request, Authentication auth) {
    Owner owner = owner(auth);
    String url = request.url() == null ? "" : request.url().strip();
    if (url.isEmpty()) {
      throw new InvalidInputException("request body", 0, "url", "required");
    }
    SearchRequest search = request.search();
    if (search == null) {
      throw new InvalidInputException("request body", 0, "search", "required");
    }
    Map<String, List<String>> facets = search.facets() == null ? Map.of() : search.facets();
    SearchToSave toSave = SearchToSave.of("request body", search.kind(), search.q(), facets::get);
    Webhooks.Secret secret = pages.createClientWebhook(owner, toSave, url);
    return ResponseEntity.created(URI.create(PATH + "/" + secret.subscription()))
        .body(new SecretJson(secret.subscription(), secret.secret()));
  }

  @GetMapping("/{id}")
  @Operation(
      summary = "One subscription, its search and its newest 50 deliveries",
      security = @SecurityRequirement(name = "bearer", scopes = WebhooksWebConfiguration.SCOPE))
  @ApiResponse(responseCode = "200", description = "The subscription")
  @ApiResponse(responseCode = "404", description = "Not one of the client's subscriptions")
  SubscriptionJson show(
      @Parameter(description = "The subscription's id", example = SUBSCRIPTION_ID) @PathVariable
          String id,
      Authentication auth) {
    Owner owner = owner(auth);
    UUID uuid = path(id);
    Webhooks.Subscription subscription = pages.webhook(owner, uuid).orElseThrow(this::notFound);
    return json(owner, subscription, pages.deliveries(owner, uuid, LOG_SIZE));
  }

  @PostMapping("/{id}/rotate")
  @Operation(
      summary = "A new secret",
      description = "The old secret still signs beside the new one for 24 hours.",
      security = @SecurityRequirement(name = "bearer", scopes = WebhooksWebConfiguration.SCOPE))
  @ApiResponse(responseCode = "200", description = "The new secret, shown once")
  @ApiResponse(responseCode = "404", description = "Not one of the client's subscriptions")
  SecretJson rotate(
      @Parameter(description = "The subscription's id", example = SUBSCRIPTION_ID) @PathVariable
          String id,
      Authentication auth) {
    Webhooks.Secret secret = pages.rotateWebhook(owner(auth), path(id)).orElseThrow(this::notFound);
    return new SecretJson(secret.subscription(), secret.secret());
  }

  @PostMapping("/{id}/enable")
  @Operation(
      summary = "Turn a disabled subscription on again",
      description = "Its waiting deliveries go out at the next round.",
      security = @SecurityRequirement(name = "bearer", scopes = WebhooksWebConfiguration.SCOPE))
  @ApiResponse(responseCode = "204", description = "On")
  @ApiResponse(responseCode = "404", description = "Not one of the client's subscriptions")
  ResponseEntity<Void> enable(
      @Parameter(description = "The subscription's id", example = SUBSCRIPTION_ID) @PathVariable
          String id,
      Authentication auth) {
    if (!pages.enableWebhook(owner(auth), path(id))) {
      throw notFound();
    }
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/{id}/test")
  @Operation(
      summary = "Send a test delivery now",
      description = "Type webhook.test; its outcome is in the subscription's log.",
      security = @SecurityRequirement(name = "bearer", scopes = WebhooksWebConfiguration.SCOPE))
  @ApiResponse(responseCode = "202", description = "Sent or queued")
  @ApiResponse(responseCode = "404", description = "Not one of the client's subscriptions")
  ResponseEntity<Void> test(
      @Parameter(description = "The subscription's id", example = SUBSCRIPTION_ID) @PathVariable
          String id,
      Authentication auth) {
    if (!pages.testWebhook(owner(auth), path(id))) {
      throw notFound();
    }
    return ResponseEntity.accepted().build();
  }

  @DeleteMapping("/{id}")
  @Operation(
      summary = "Delete a subscription",
      description = "Its search goes with it when no other subscription of the client follows it.",
      security = @SecurityRequirement(name = "bearer", scopes = WebhooksWebConfiguration.SCOPE))
  @ApiResponse(responseCode = "204", description = "Deleted")
  @ApiResponse(responseCode = "404", description = "Not one of the client's subscriptions")
  ResponseEntity<Void> delete(
      @Parameter(description = "The subscription's id", example = SUBSCRIPTION_ID) @PathVariable
          String id,
      Authentication auth) {
    if (!pages.deleteWebhook(owner(auth), path(id))) {
      throw notFound();
    }
    return ResponseEntity.noContent().build();
  }

  private SubscriptionJson json(
      Owner owner, Webhooks.Subscription w, @Nullable List<Webhooks.Delivery> log) {
    Optional<SavedSearches.SavedSearch> search = pages.search(owner, w.savedSearch());
    return new SubscriptionJson(
        w.id(),
        w.url(),
        w.enabled(),
        w.consecutiveFailures(),
        w.disabledAt(),
        w.created(),
        search.map(s -> new SearchJson(s.kind(), s.words(), s.facets())).orElse(null),
        log == null
            ? null
            : log.stream()
                .map(
                    d ->
                        new DeliveryJson(
                            d.messageId(),
                            d.eventType(),
                            d.status(),
                            d.attempts(),
                            d.lastAttempt(),
                            d.responseCode(),
                            d.outcome(),
                            d.nextAttempt(),
                            d.created()))
                .toList());
  }

  /** The token's client; the security chain admits only tokens with the scope here. */
  private static Owner owner(Authentication auth) {
    return Owner.of(
        ApiClient.of(auth)
            .orElseThrow(
                () -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "A client's token")));
  }

  private static UUID path(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("path", 0, "id", "not a webhook subscription id");
    }
  }

  private NotFoundException notFound() {
    return new NotFoundException("No such webhook subscription");
  }
}
