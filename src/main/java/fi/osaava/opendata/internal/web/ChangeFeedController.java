package fi.osaava.opendata.internal.web;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import fi.osaava.opendata.internal.feed.ChangeFeed;
import fi.osaava.opendata.internal.feed.ChangeFeed.Kind;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.web.NationalLanguageQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.context.MessageSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The change feed of offerings, services and ESCO versions as JSON Feed 1.1 and Atom (RFC 4287,
 * written with Rome). Both formats page the same log ({@link ChangeFeed}) by a cursor, {@code
 * after}, the position of the last change a consumer has seen; without one, a page holds the latest
 * changes. A page whose entries are all there ({@code limit} of them) never changes again and is
 * sent with {@code Last-Modified} and a long cache lifetime; the page at the head grows, so it is
 * sent with an {@code ETag} only: dates in whole seconds cannot tell two changes in one second
 * apart, and a {@code 304} on a date would hide the second one.
 */
@RestController
@Tag(name = "Open data")
class ChangeFeedController {

  static final String JSON_FEED = "application/feed+json";
  static final String ATOM = "application/atom+xml";
  static final String FEEDS = OpenDataset.API + "/feeds";
  private static final String ID_PREFIX = "tag:osaava.fi,2026:changes";
  private static final String SCHEME = "https://osaava.fi/ns/change-feed/";
  private static final Pattern LIMIT = Pattern.compile("[0-9]{1,4}");
  private static final int DEFAULT_LIMIT = 100;

  private static final String CURSOR_DOC =
      "The position of the last change already read (the `_osaava.cursor` of a JSON page, the"
          + " position of its last item, or the `after` of its `next_url`). Without it, the page"
          + " holds the latest changes.";
  private static final String JSON_EXAMPLE =
      """
      {"version":"https://jsonfeed.org/version/1.1","title":"Osaava: changes",\
      "home_page_url":"https://osaava.example/open-data#changes",\
      "feed_url":"https://osaava.example/api/v1/open-data/feeds/changes.json?after=41",\
      "next_url":"https://osaava.example/api/v1/open-data/feeds/changes.json?after=44",\
      "language":"en","authors":[{"name":"Osaava"}],\
      "_osaava":{"cursor":"44","license":"https://creativecommons.org/licenses/by/4.0/"},\
      "items":[{"id":"tag:osaava.fi,2026:changes:42",\
      "url":"https://osaava.example/education/offerings/6f1c2a7e-0c1b-4f57-9d1a-3b0f6c9d2e11",\
      "title":"Welding, vocational qualification","content_text":"Education offering: published",\
      "date_published":"2026-12-10T08:00:00Z","tags":["offering","published"],\
      "_osaava":{"position":42,"kind":"offering","action":"published",\
      "subject":"6f1c2a7e-0c1b-4f57-9d1a-3b0f6c9d2e11",\
      "api_url":"https://osaava.example/api/v1/education/offerings/6f1c2a7e-0c1b-4f57-9d1a-3b0f6c9d2e11"}},\
      {"id":"tag:osaava.fi,2026:changes:43",\
      "url":"https://osaava.example/services/0d9b7a58-7a3e-4a55-8f0e-2b1f7e5c9a10",\
      "title":"Career guidance for adults","content_text":"Service: withdrawn",\
      "date_published":"2026-12-10T08:00:00Z","tags":["service","withdrawn"],\
      "_osaava":{"position":43,"kind":"service","action":"withdrawn",\
      "subject":"0d9b7a58-7a3e-4a55-8f0e-2b1f7e5c9a10",\
      "api_url":"https://osaava.example/api/v1/services/0d9b7a58-7a3e-4a55-8f0e-2b1f7e5c9a10"}},\
      {"id":"tag:osaava.fi,2026:changes:44",\
      "url":"https://osaava.example/opportunities/goals/3c5e8f20-1d4b-4a9e-9f61-7b2d0e4a8c35",\
      "title":"Ohjelmistokehittäjä","content_text":"Job ad: published",\
      "date_published":"2026-12-10T08:05:00Z","tags":["job-ad","published"],\
      "_osaava":{"position":44,"kind":"job-ad","action":"published",\
      "subject":"3c5e8f20-1d4b-4a9e-9f61-7b2d0e4a8c35",\
      "api_url":"https://osaava.example/api/v1/opportunities/goals/3c5e8f20-1d4b-4a9e-9f61-7b2d0e4a8c35/gap"}}]}""";
  private static final String ATOM_EXAMPLE =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">
        <title>Osaava: changes</title>
        <link rel="self" href="https://osaava.example/api/v1/open-data/feeds/changes.atom?after=41"/>
        <link rel="next" href="https://osaava.example/api/v1/open-data/feeds/changes.atom?after=42"/>
        <link rel="license" href="https://creativecommons.org/licenses/by/4.0/"/>
        <id>tag:osaava.fi,2026:changes</id>
        <updated>2026-12-10T08:00:00Z</updated>
        <entry>
          <title>Welding, vocational qualification</title>
          <link rel="alternate" href="https://osaava.example/education/offerings/6f1c…"/>
          <category term="offering" scheme="https://osaava.fi/ns/change-feed/kind"/>
          <category term="published" scheme="https://osaava.fi/ns/change-feed/action"/>
          <id>tag:osaava.fi,2026:changes:42</id>
          <updated>2026-12-10T08:00:00Z</updated>
          <content type="text">Education offering: published</content>
        </entry>
      </feed>""";

  private final ChangeFeed feed;
  private final MessageSource messages;

  ChangeFeedController(ChangeFeed feed, MessageSource messages) {
    this.feed = feed;
    this.messages = messages;
  }

  // Plain JSON and XML too: many HTTP clients ask for those and would otherwise get 406.
  @GetMapping(
      path = FEEDS + "/changes.{feedFormat}",
      produces = {
        JSON_FEED,
        ATOM,
        MediaType.APPLICATION_JSON_VALUE,
        MediaType.APPLICATION_XML_VALUE
      })
  @Operation(
      summary = "Changes to offerings, services, job ads and ESCO versions (JSON Feed 1.1 or Atom)",
      description =
          "One item per change, oldest first, at consecutive positions: offerings published or"
              + " withdrawn, services added, changed or withdrawn, job ads published, updated or"
              + " withdrawn (closed; with their title only), ESCO versions released."
              + " changes.json is a JSON Feed 1.1, changes.atom an Atom feed (RFC 4287) whose"
              + " entries' categories name the kind and the action. Follow next_url (link"
              + " rel=next in Atom, present when a page has items) and poll the last one; a"
              + " consumer that keeps the cursor never misses or repeats a change. Conditional"
              + " GET with ETag (If-None-Match) and, on complete pages, Last-Modified. CC BY 4.0.")
  @ApiResponse(
      responseCode = "200",
      content = {
        @io.swagger.v3.oas.annotations.media.Content(
            mediaType = JSON_FEED,
            examples = @ExampleObject(value = JSON_EXAMPLE)),
        @io.swagger.v3.oas.annotations.media.Content(
            mediaType = ATOM,
            examples = @ExampleObject(value = ATOM_EXAMPLE))
      })
  @ApiResponse(responseCode = "304", description = "Unchanged since the ETag or date sent")
  @ApiResponse(
      responseCode = "400",
      description = "A cursor that is not a position of this feed, a limit or kind out of range",
      content =
          @io.swagger.v3.oas.annotations.media.Content(
              mediaType = "application/problem+json",
              examples =
                  @ExampleObject(
                      value =
                          "{\"type\":\"about:blank\",\"title\":\"Bad Request\",\"status\":400,"
                              + "\"detail\":\"request: after: must be a position from this feed"
                              + " (digits only)\"}")))
  @ApiResponse(responseCode = "404", description = "A format other than json or atom")
  ResponseEntity<?> changes(
      @Parameter(
              description = "json (JSON Feed 1.1) or atom",
              schema =
                  @Schema(
                      type = "string",
                      allowableValues = {"json", "atom"}))
          @PathVariable
          String feedFormat,
      FeedQuery query,
      @Valid NationalLanguageQuery lang,
      Locale locale) {
    if (!feedFormat.equals("json") && !feedFormat.equals("atom")) {
      throw new ResponseStatusException(
          HttpStatus.NOT_FOUND, "no such feed format: " + feedFormat + " (json or atom)");
    }
    Language language = lang.or(locale);
    Read read = read(query);
    return feedFormat.equals("json")
        ? respond(read, language, JSON_FEED).body(json(read, language))
        : respond(read, language, ATOM).body(atom(read, language));
  }

  private Map<String, Object> json(Read read, Language language) {
    String base = base();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("version", "https://jsonfeed.org/version/1.1");
    body.put("title", messages.getMessage("od.feed.title", null, language.locale()));
    body.put("home_page_url", base + "/open-data#changes");
    body.put("feed_url", pageUrl(read.page().after()));
    if (!read.page().entries().isEmpty()) {
      body.put("next_url", pageUrl(read.page().next()));
    }
    body.put("language", language.code());
    body.put("authors", List.of(Map.of("name", "Osaava", "url", base)));
    body.put(
        "_osaava",
        Map.of("cursor", Long.toString(read.page().next()), "license", OpenDataController.LICENSE));
    List<Map<String, Object>> items = new ArrayList<>();
    for (ChangeFeed.Entry e : read.page().entries()) {
      Map<String, Object> item = new LinkedHashMap<>();
      item.put("id", ID_PREFIX + ":" + e.position());
      String page = htmlPath(e);
      if (page != null) {
        item.put("url", base + page);
      }
      item.put("title", e.title(language));
      item.put("content_text", summary(messages, e, language));
      item.put("date_published", e.occurredAt().toString());
      item.put("tags", List.of(e.kind().code(), e.action().code()));
      Map<String, Object> extension = new LinkedHashMap<>();
      extension.put("position", e.position());
      extension.put("kind", e.kind().code());
      extension.put("action", e.action().code());
      extension.put("subject", e.subject());
      extension.put("api_url", apiUrl(base, e));
      item.put("_osaava", extension);
      items.add(item);
    }
    body.put("items", items);
    return body;
  }

  private String atom(Read read, Language language) {
    String base = base();
    Feed atom = new Feed("atom_1.0");
    atom.setId(ID_PREFIX);
    atom.setLanguage(language.code());
    atom.setTitle(messages.getMessage("od.feed.title", null, language.locale()));
    atom.setUpdated(Date.from(read.updated()));
    atom.setRights("CC BY 4.0");
    SyndPerson author = new SyndPersonImpl();
    author.setName("Osaava");
    author.setUri(base);
    atom.setAuthors(List.of(author));
    atom.setAlternateLinks(List.of(link("alternate", base + "/open-data#changes", "text/html")));
    List<Link> others = new ArrayList<>();
    others.add(link("self", pageUrl(read.page().after()), ATOM));
    if (!read.page().entries().isEmpty()) {
      others.add(link("next", pageUrl(read.page().next()), ATOM));
    }
    others.add(link("license", OpenDataController.LICENSE, null));
    atom.setOtherLinks(others);
    List<Entry> entries = new ArrayList<>();
    for (ChangeFeed.Entry e : read.page().entries()) {
      Entry entry = new Entry();
      entry.setId(ID_PREFIX + ":" + e.position());
      entry.setTitle(e.title(language));
      entry.setUpdated(Date.from(e.occurredAt()));
      entry.setPublished(Date.from(e.occurredAt()));
      String page = htmlPath(e);
      if (page != null) {
        entry.setAlternateLinks(List.of(link("alternate", base + page, "text/html")));
      }
      entry.setOtherLinks(List.of(link("related", apiUrl(base, e), "application/json")));
      entry.setCategories(
          List.of(
              category(SCHEME + "kind", e.kind().code()),
              category(SCHEME + "action", e.action().code())));
      Content summary = new Content();
      summary.setType(Content.TEXT);
      summary.setValue(summary(messages, e, language));
      // Content rather than a summary: an entry without a page then needs no alternate link.
      entry.setContents(List.of(summary));
      entries.add(entry);
    }
    atom.setEntries(entries);
    try {
      return new WireFeedOutput().outputString(atom);
    } catch (FeedException e) {
      throw new IllegalStateException("The change feed could not be written as Atom", e);
    }
  }

  /** A page as asked for, with the time of its last change (or of the one it was read after). */
  private record Read(ChangeFeed.Page page, Instant updated) {}

  /**
   * The feed's query parameters, bound as one object and read strictly by {@link #read}, so that
   * any malformed value is a 400 naming it, never a type error.
   *
   * @param after the cursor
   */
  @ParameterObject
  record FeedQuery(
      @Parameter(description = CURSOR_DOC, example = "41") @Nullable String after,
      @Parameter(
              description = "Changes per page, 1–" + ChangeFeed.MAX_LIMIT + " (default 100)",
              example = "100")
          @Nullable String limit,
      @Parameter(
              description =
                  "Only these kinds, comma-separated: offering, service, taxonomy, job-ad",
              example = "offering,service")
          @Nullable String kind) {}

  private Read read(FeedQuery query) {
    String after = query.after();
    String limit = query.limit();
    String kind = query.kind();
    int size = DEFAULT_LIMIT;
    if (limit != null) {
      if (!LIMIT.matcher(limit).matches()
          || Integer.parseInt(limit) < 1
          || Integer.parseInt(limit) > ChangeFeed.MAX_LIMIT) {
        throw new InvalidInputException(
            "request", 0, "limit", "must be a whole number from 1 to " + ChangeFeed.MAX_LIMIT);
      }
      size = Integer.parseInt(limit);
    }
    Set<Kind> kinds = kinds(kind);
    long from = after == null ? feed.latestAfter(size, kinds) : feed.cursor(after);
    ChangeFeed.Page page = feed.page(from, size, kinds);
    return new Read(page, feed.occurredAt(page.next()).orElse(Instant.EPOCH));
  }

  private static Set<Kind> kinds(@Nullable String kind) {
    if (kind == null || kind.isBlank()) {
      return EnumSet.allOf(Kind.class);
    }
    Set<Kind> kinds = EnumSet.noneOf(Kind.class);
    for (String code : kind.split(",", Kind.values().length + 1)) {
      Kind found = null;
      for (Kind k : Kind.values()) {
        if (k.code().equals(code.trim())) {
          found = k;
        }
      }
      if (found == null) {
        throw new InvalidInputException(
            "request",
            0,
            "kind",
            "must name offering, service, taxonomy or job-ad, comma-separated");
      }
      kinds.add(found);
    }
    return kinds;
  }

  /**
   * The answer's validators: an ETag naming what the page holds (the same cursor, language and
   * entries give the same bytes), and on a complete page, which can no longer change, its date.
   */
  private static ResponseEntity.BodyBuilder respond(Read read, Language language, String type) {
    ChangeFeed.Page page = read.page();
    String etag =
        "\"%s-%d-%d-%d\""
            .formatted(language.code(), page.after(), page.next(), page.entries().size());
    ResponseEntity.BodyBuilder builder =
        ResponseEntity.ok()
            .contentType(MediaType.parseMediaType(type + ";charset=UTF-8"))
            .eTag(etag)
            .varyBy(HttpHeaders.ACCEPT_LANGUAGE)
            .header(HttpHeaders.LINK, "<" + OpenDataController.LICENSE + ">; rel=\"license\"");
    if (page.full()) {
      builder
          .lastModified(read.updated())
          .cacheControl(CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic());
    } else {
      builder.cacheControl(CacheControl.noCache());
    }
    return builder;
  }

  /** The kind and action of a change in {@code language}, such as "Service: withdrawn". */
  static String summary(MessageSource messages, ChangeFeed.Entry e, Language language) {
    return messages.getMessage("od.feed.kind." + e.kind().code(), null, language.locale())
        + ": "
        + messages.getMessage("od.feed.action." + e.action().code(), null, language.locale());
  }

  /**
   * The page of what changed, while there is one: none for a withdrawn offering or service (its
   * page is gone) or an ESCO version.
   */
  static @Nullable String htmlPath(ChangeFeed.Entry e) {
    if (e.action() == ChangeFeed.Action.WITHDRAWN) {
      return null;
    }
    return switch (e.kind()) {
      case OFFERING -> "/education/offerings/" + e.subject();
      case SERVICE -> "/services/" + e.subject();
      // An ad's page in Osaava is its goal page: the skills it asks for, against the reader's.
      case JOB_AD -> "/opportunities/goals/" + e.subject();
      case TAXONOMY -> null;
    };
  }

  private static String apiUrl(String base, ChangeFeed.Entry e) {
    return switch (e.kind()) {
      case OFFERING -> base + "/api/v1/education/offerings/" + e.subject();
      case SERVICE -> base + "/api/v1/services/" + e.subject();
      case JOB_AD -> base + "/api/v1/opportunities/goals/" + e.subject() + "/gap";
      case TAXONOMY -> "https://esco.ec.europa.eu/en/classification";
    };
  }

  private static String pageUrl(long after) {
    return ServletUriComponentsBuilder.fromCurrentRequest()
        .replaceQueryParam("after", after)
        .build()
        .toUriString();
  }

  private static String base() {
    return ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
  }

  private static Link link(String rel, String href, @Nullable String type) {
    Link link = new Link();
    link.setRel(rel);
    link.setHref(href);
    if (type != null) {
      link.setType(type);
    }
    return link;
  }

  private static Category category(String scheme, String term) {
    Category category = new Category();
    category.setScheme(scheme);
    category.setTerm(term);
    return category;
  }
}
