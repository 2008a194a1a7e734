package fi.osaava.opendata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import fi.osaava.education.OfferingId;
import fi.osaava.education.OfferingsPublished;
import fi.osaava.education.OfferingsWithdrawn;
import fi.osaava.labourmarket.JobAdId;
import fi.osaava.labourmarket.JobAdsExpired;
import fi.osaava.opendata.internal.feed.ChangeFeed;
import fi.osaava.opendata.internal.feed.ChangeFeed.Action;
import fi.osaava.opendata.internal.feed.ChangeFeed.Change;
import fi.osaava.opendata.internal.feed.ChangeFeed.Kind;
import fi.osaava.platform.Language;
import fi.osaava.servicenetwork.ServicesChanged;
import fi.osaava.web.WebTestBase;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The change feed: a consumer paging by its cursor while writers record changes concurrently (many
 * in one transaction, so sharing a timestamp) sees each change exactly once, in order; conditional
 * GET answers 304 until the page changes; hostile cursors, limits and kinds get 400; the owning
 * modules' events reach the feed as published, updated and withdrawn items in JSON Feed and Atom.
 */
class ChangeFeedTest extends WebTestBase {

  private static final String JSON = "/api/v1/open-data/feeds/changes.json";
  private static final String ATOM = "/api/v1/open-data/feeds/changes.atom";

  @Autowired ChangeFeed feed;
  @Autowired ApplicationEventPublisher events;
  @Autowired TransactionTemplate transactions;

  private final ObjectMapper json = new ObjectMapper();

  private MockHttpServletResponse fetch(String pathAndQuery) throws Exception {
    return mvc.perform(get(pathAndQuery).header("Accept-Language", "en")).andReturn().getResponse();
  }

  @Test
  void aPollingConsumerSeesEveryConcurrentChangeExactlyOnceInOrder() throws Exception {
    Random random = new Random(20261210L);
    String run = UUID.randomUUID().toString();
    // The oracle: every subject recorded, split into batches (one transaction each) over writers.
    List<List<Change>> batches = new ArrayList<>();
    Set<String> oracle = new HashSet<>();
    int n = 0;
    while (n < 600) {
      int size = 1 + random.nextInt(random.nextInt(4) == 0 ? 60 : 5);
      List<Change> batch = new ArrayList<>();
      for (int i = 0; i < size; i++, n++) {
        String subject = run + "/" + n;
        oracle.add(subject);
        batch.add(
            new Change(
                Kind.values()[random.nextInt(Kind.values().length)],
                Action.values()[random.nextInt(Action.values().length)],
                subject,
                Map.of(Language.EN, "Synthetic test change " + n)));
      }
      batches.add(batch);
    }
    long start = feed.head();
    ExecutorService writers = Executors.newFixedThreadPool(4);
    List<Future<?>> written = new ArrayList<>();
    List<List<Change>> shuffled = new ArrayList<>(batches);
    Collections.shuffle(shuffled, random);
    for (List<Change> batch : shuffled) {
      written.add(writers.submit(() -> feed.record(batch)));
    }
    // The consumer polls over HTTP from the head it started at, while the writers write.
    List<String> seen = new ArrayList<>();
    long last = start;
    String cursor = Long.toString(start);
    Random pages = new Random(7L);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      // Whether every writer had committed before this read: then an empty page is the end.
      boolean allWritten = written.stream().allMatch(Future::isDone);
      JsonNode page =
          json.readTree(
              fetch(JSON + "?after=" + cursor + "&limit=" + (1 + pages.nextInt(40)))
                  .getContentAsString());
      for (JsonNode item : page.path("items")) {
        long position = item.path("_osaava").path("position").asLong();
        assertThat(position).as("positions rise by one").isEqualTo(last + 1);
        last = position;
        seen.add(item.path("_osaava").path("subject").asString());
      }
      cursor = page.path("_osaava").path("cursor").asString();
      if (allWritten && page.path("items").isEmpty()) {
        break;
      }
    }
    writers.shutdown();
    for (Future<?> f : written) {
      f.get();
    }
    // The feed is shared with the other tests' changes: only this run's subjects are compared.
    List<String> ours = seen.stream().filter(s -> s.startsWith(run)).toList();
    assertThat(ours).as("no change repeated").doesNotHaveDuplicates();
    assertThat(new HashSet<>(ours)).as("no change missed").isEqualTo(oracle);
    // Each batch's changes are consecutive: one transaction, one run of positions.
    for (List<Change> batch : batches) {
      int first = ours.indexOf(batch.getFirst().subject());
      for (int i = 0; i < batch.size(); i++) {
        assertThat(ours.get(first + i)).isEqualTo(batch.get(i).subject());
      }
    }
  }

  @Test
  void conditionalGetAnswers304UntilThePageChanges() throws Exception {
    feed.record(List.of(change("etag-" + UUID.randomUUID())));
    long head = feed.head();
    String page = JSON + "?after=" + (head - 1) + "&limit=5";
    MockHttpServletResponse first = fetch(page);
    assertThat(first.getStatus()).isEqualTo(200);
    String etag = first.getHeader(HttpHeaders.ETAG);
    assertThat(etag).isNotBlank();
    assertThat(first.getHeader(HttpHeaders.LAST_MODIFIED))
        .as("the head page grows, so no date")
        .isNull();
    MockHttpServletResponse again =
        mvc.perform(
                get(page).header("Accept-Language", "en").header(HttpHeaders.IF_NONE_MATCH, etag))
            .andReturn()
            .getResponse();
    assertThat(again.getStatus()).isEqualTo(304);
    assertThat(again.getContentAsString()).isEmpty();

    feed.record(List.of(change("etag-" + UUID.randomUUID())));
    MockHttpServletResponse changed =
        mvc.perform(
                get(page).header("Accept-Language", "en").header(HttpHeaders.IF_NONE_MATCH, etag))
            .andReturn()
            .getResponse();
    assertThat(changed.getStatus()).as("a change on the page").isEqualTo(200);
    assertThat(changed.getHeader(HttpHeaders.ETAG)).isNotEqualTo(etag);

    // A complete page never changes: it has a date, and If-Modified-Since gives 304.
    String full = ATOM + "?after=" + (head - 1) + "&limit=2";
    MockHttpServletResponse complete = fetch(full);
    assertThat(complete.getStatus()).isEqualTo(200);
    String modified = complete.getHeader(HttpHeaders.LAST_MODIFIED);
    assertThat(modified).isNotNull();
    assertThat(complete.getHeader(HttpHeaders.CACHE_CONTROL)).contains("max-age");
    assertThat(
            mvc.perform(
                    get(full)
                        .header("Accept-Language", "en")
                        .header(HttpHeaders.IF_MODIFIED_SINCE, modified))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(304);
    assertThat(
            mvc.perform(
                    get(full)
                        .header("Accept-Language", "en")
                        .header(HttpHeaders.IF_NONE_MATCH, complete.getHeader(HttpHeaders.ETAG)))
                .andReturn()
                .getResponse()
                .getStatus())
        .isEqualTo(304);
  }

  @Test
  void hostileCursorsLimitsAndKindsGet400NotA500() throws Exception {
    feed.record(List.of(change("hostile-" + UUID.randomUUID())));
    long beyond = feed.head() + 1;
    List<String> queries =
        List.of(
            "after=-1",
            "after=abc",
            "after=",
            "after=1e3",
            "after=0x10",
            "after=%201",
            "after=1%00",
            "after=99999999999999999999999999",
            "after=9223372036854775807",
            "after=" + beyond,
            "after=%27%20or%201%3D1--",
            "limit=0",
            "limit=501",
            "limit=-5",
            "limit=ten",
            "limit=99999999999",
            "kind=offerings",
            "kind=offering,,service",
            "kind=%3Cscript%3E",
            "lang=no");
    assertThat(fetch("/api/v1/open-data/feeds/changes.rss").getStatus()).isEqualTo(404);
    for (String format : List.of(JSON, ATOM)) {
      for (String query : queries) {
        MockHttpServletResponse response = fetch(format + "?" + query);
        assertThat(response.getStatus()).as(format + "?" + query).isEqualTo(400);
      }
    }
    assertThat(fetch(JSON + "?after=0&limit=500&kind=offering,service,taxonomy,job-ad").getStatus())
        .isEqualTo(200);
  }

  @Test
  void theOwningModulesEventsBecomeItemsWithWithdrawalsMarked() throws Exception {
    long start = feed.head();
    UUID service = UUID.randomUUID();
    UUID retired = UUID.randomUUID();
    UUID offering = UUID.randomUUID();
    transactions.executeWithoutResult(
        status -> {
          events.publishEvent(
              new ServicesChanged(
                  List.of(
                      new ServicesChanged.Change(
                          service,
                          ServicesChanged.Kind.ADDED,
                          Map.of(Language.FI, "Uraohjaus", Language.EN, "Career guidance")),
                      new ServicesChanged.Change(
                          retired, ServicesChanged.Kind.RETIRED, Map.of()))));
          // Not an active offering: the feed says it is withdrawn.
          events.publishEvent(new OfferingsPublished(List.of(new OfferingId(offering))));
          events.publishEvent(new OfferingsWithdrawn(List.of(new OfferingId(offering))));
        });
    JsonNode page = json.readTree(fetch(JSON + "?after=" + start).getContentAsString());
    assertThat(page.path("version").asString()).isEqualTo("https://jsonfeed.org/version/1.1");
    List<String> described = new ArrayList<>();
    for (JsonNode item : page.path("items")) {
      JsonNode x = item.path("_osaava");
      described.add(
          x.path("kind").asString()
              + " "
              + x.path("action").asString()
              + " "
              + x.path("subject").asString());
      assertThat(item.path("content_text").asString()).isNotBlank();
      assertThat(item.path("id").asString()).startsWith("tag:osaava.fi,2026:changes:");
    }
    assertThat(described)
        .containsExactly(
            "service published " + service,
            "service withdrawn " + retired,
            "offering withdrawn " + offering,
            "offering withdrawn " + offering);
    assertThat(page.path("items").get(0).path("title").asString()).isEqualTo("Career guidance");
    assertThat(page.path("next_url").asString()).endsWith("after=" + (start + 4));

    MockHttpServletResponse plain =
        mvc.perform(get(JSON + "?after=" + start).header(HttpHeaders.ACCEPT, "application/json"))
            .andReturn()
            .getResponse();
    assertThat(plain.getStatus()).isEqualTo(200);
    assertThat(plain.getContentType()).startsWith("application/feed+json");
    MockHttpServletResponse atom = fetch(ATOM + "?after=" + start + "&kind=service");
    assertThat(atom.getContentType()).startsWith("application/atom+xml");
    assertThat(atom.getContentAsString())
        .contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"")
        .contains("term=\"withdrawn\"", "Career guidance", "rel=\"next\"")
        .doesNotContain(offering.toString());

    JsonNode fi =
        json.readTree(fetch(JSON + "?after=" + start + "&limit=1&lang=fi").getContentAsString());
    assertThat(fi.path("items").get(0).path("title").asString()).isEqualTo("Uraohjaus");
    assertThat(fi.path("items").get(0).path("content_text").asString())
        .isEqualTo("Palvelu: julkaistu");
  }

  @Test
  void anExpiredAdIsWithdrawnOnlyIfTheFeedHasHadIt() throws Exception {
    long start = feed.head();
    String run = UUID.randomUUID().toString().substring(0, 8);
    RequestPostProcessor editor = jobAdEditor(run);
    String title = "Lähihoitaja " + run;
    String location =
        mvc.perform(
                adForm("/publish/job-ads", title, "Hoitotyötä " + run).with(editor).with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    String id = location.substring(location.lastIndexOf('/') + 1, location.indexOf('?'));
    // An ad that expired before the feed had it: the first expiry round after an upgrade.
    UUID unseen = UUID.randomUUID();
    transactions.executeWithoutResult(
        status ->
            events.publishEvent(
                new JobAdsExpired(List.of(new JobAdId(UUID.fromString(id)), new JobAdId(unseen)))));

    JsonNode page =
        json.readTree(fetch(JSON + "?after=" + start + "&kind=job-ad").getContentAsString());
    List<String> described = new ArrayList<>();
    for (JsonNode item : page.path("items")) {
      described.add(
          item.path("_osaava").path("action").asString()
              + " "
              + item.path("_osaava").path("subject").asString());
    }
    assertThat(described).containsExactly("published " + id, "withdrawn " + id);
  }

  @Test
  void anEmployersAdIsPublishedUpdatedAndWithdrawnWithItsTitleOnly() throws Exception {
    long start = feed.head();
    String run = UUID.randomUUID().toString().substring(0, 8);
    RequestPostProcessor editor = jobAdEditor(run);
    String title = "Sairaanhoitaja " + run;
    String description = "Yhteyshenkilö Maija Meikäläinen, maija." + run + "@example.fi";

    // Published, edited (updated), closed (withdrawn), and saved again (reopened: updated).
    String location =
        mvc.perform(adForm("/publish/job-ads", title, description).with(editor).with(csrf()))
            .andReturn()
            .getResponse()
            .getRedirectedUrl();
    assertThat(location).matches("/publish/job-ads/[0-9a-f-]{36}\\?saved");
    String path = location.substring(0, location.indexOf('?'));
    String id = path.substring(path.lastIndexOf('/') + 1);
    mvc.perform(adForm(path, title + " (osa-aikainen)", description).with(editor).with(csrf()));
    mvc.perform(post(path + "/close").with(editor).with(csrf()));
    mvc.perform(post(path + "/close").with(editor).with(csrf()));
    mvc.perform(adForm(path, title, description).with(editor).with(csrf()));
    mvc.perform(post(path + "/close").with(editor).with(csrf()));

    String body = fetch(JSON + "?after=" + start + "&kind=job-ad").getContentAsString();
    JsonNode page = json.readTree(body);
    List<String> described = new ArrayList<>();
    for (JsonNode item : page.path("items")) {
      JsonNode x = item.path("_osaava");
      assertThat(x.path("subject").asString()).isEqualTo(id);
      described.add(x.path("action").asString() + " " + item.path("title").asString());
    }
    assertThat(described)
        .as("a second close of a closed ad changes nothing")
        .containsExactly(
            "published " + title,
            "updated " + title + " (osa-aikainen)",
            "withdrawn " + id,
            "updated " + title,
            "withdrawn " + id);
    JsonNode first = page.path("items").get(0);
    assertThat(first.path("url").asString()).endsWith("/opportunities/goals/" + id);
    assertThat(first.path("_osaava").path("api_url").asString())
        .endsWith("/api/v1/opportunities/goals/" + id + "/gap");
    assertThat(first.path("content_text").asString()).isEqualTo("Job ad: published");
    assertThat(page.path("items").get(2).has("url")).as("a withdrawn ad has no page").isFalse();
    assertThat(body)
        .as("no personal data: not the description's contact, not the organisation")
        .doesNotContain("Meikäläinen", "@example.fi", "feed-" + run, "feed-editor");

    String atom = fetch(ATOM + "?after=" + start + "&kind=job-ad").getContentAsString();
    assertThat(atom).contains("term=\"job-ad\"", "term=\"withdrawn\"", title);
  }

  /** An employer's job-ad editor of an organisation of this run's own. */
  private RequestPostProcessor jobAdEditor(String run) {
    return oidc.person(
        "feed-editor-" + run,
        Map.of(
            "osaava_roles",
            List.of("job-ad-editor"),
            "osaava_organisation",
            "https://feed-" + run + ".example.fi"));
  }

  private static MockHttpServletRequestBuilder adForm(
      String path, String title, String description) {
    return post(path)
        .param("title", title)
        .param("description", description)
        .param("language", "fi")
        .param("employer", "Esimerkki Oy")
        .param("municipality", "837")
        .param("datePosted", "2026-11-20")
        .param("validThrough", "")
        .param("url", "https://example.fi/tyo");
  }

  private static Change change(String subject) {
    return new Change(Kind.SERVICE, Action.UPDATED, subject, Map.of());
  }
}
