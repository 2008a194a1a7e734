package fi.osaava.notifications.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.web.util.UriComponentsBuilder;

/** The saved searches, each one owner's: a person's, or an API client's (for its webhooks). */
@Repository
public class SavedSearches {

  /**
   * The education search page's facets that an alert can evaluate (not start, relative to today).
   */
  public static final List<String> EDUCATION_FACETS =
      List.of(
          "level",
          "field",
          "region",
          "location",
          "language",
          "mode",
          "extent",
          "duration",
          "cost",
          "provider");

  static final String EDUCATION = "education";

  /** A search of the service directory ({@code /services}), matched by its own search. */
  public static final String SERVICE = "service";

  /**
   * An opportunity filter ({@code /opportunities}): the filters of that page that job ads have,
   * matched against new job ads.
   */
  public static final String OPPORTUNITY = "opportunity";

  /** A goal: an ESCO occupation (its UUID, as in {@code /opportunities/goals/{id}}). */
  public static final String GOAL = "goal";

  /** The facets a saved search of each kind keeps, by kind. */
  public static final Map<String, List<String>> FACETS_BY_KIND =
      Map.of(
          EDUCATION,
          EDUCATION_FACETS,
          SERVICE,
          fi.osaava.servicenetwork.ServiceSearches.FACETS,
          OPPORTUNITY,
          List.of("region", "remote", "language"),
          GOAL,
          List.of(GOAL));

  /** At most this many saved searches per person, so that one person cannot flood the matcher. */
  static final int MAX_PER_PERSON = 50;

  /** One saved search. */
  public record SavedSearch(
      UUID id,
      // Null for an API client's search, which tells only its webhook subscriptions.
      @Nullable UUID person,
      String kind,
      String words,
      Map<String, Set<String>> facets,
      Instant created) {

    public SavedQuery query() {
      return SavedQuery.of(words, facets);
    }

    /** The search page that runs this search, with its query string. */
    public String href() {
      String path =
          switch (kind) {
            case SERVICE -> "/services";
            case GOAL ->
                "/opportunities/goals/"
                    + facets.getOrDefault(GOAL, Set.of()).stream().findFirst().orElse("");
            case OPPORTUNITY -> "/opportunities";
            default -> "/education";
          };
      if (GOAL.equals(kind)) {
        return path;
      }
      String query = queryString();
      return query.isEmpty() ? path : path + "?" + query;
    }

    /** The search page's query string that runs this search. */
    public String queryString() {
      UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
      if (!words.isBlank()) {
        builder.queryParam("q", words);
      }
      facets.forEach((facet, values) -> values.forEach(v -> builder.queryParam(facet, v)));
      return builder.build().encode().getQuery() == null ? "" : builder.build().encode().getQuery();
    }
  }

  private final JdbcClient jdbc;

  SavedSearches(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Saves a search, or finds the person's same search saved before.
   *
   * @return the saved search's id
   */
  UUID save(Owner owner, String kind, String words, Map<String, Set<String>> facets) {
    String encodedFacets = encode(facets);
    Optional<UUID> same =
        jdbc.sql(
                "select id from nt_saved_search where "
                    + owner.column()
                    + " = ? and kind = ? and words = ? and facets = ?")
            .params(owner.value(), kind, words, encodedFacets)
            .query(UUID.class)
            .optional();
    if (same.isPresent()) {
      return same.get();
    }
    UUID id = UUID.randomUUID();
    jdbc.sql(
            "insert into nt_saved_search (id, "
                + owner.column()
                + ", kind, words, facets) values (?, ?, ?, ?, ?)")
        .params(id, owner.value(), kind, words, encodedFacets)
        .update();
    return id;
  }

  int count(Owner owner) {
    return jdbc.sql("select count(*) from nt_saved_search where " + owner.column() + " = ?")
        .param(owner.value())
        .query(Integer.class)
        .single();
  }

  List<SavedSearch> of(Owner owner) {
    return jdbc.sql(
            "select id, person_id, kind, words, facets, created_at from nt_saved_search where "
                + owner.column()
                + " = ? order by created_at desc, id")
        .param(owner.value())
        .query((rs, n) -> row(rs))
        .list();
  }

  /** One of the owner's searches; another owner's is not found. */
  Optional<SavedSearch> of(Owner owner, UUID id) {
    return jdbc.sql(
            "select id, person_id, kind, words, facets, created_at from nt_saved_search"
                + " where id = ? and "
                + owner.column()
                + " = ?")
        .params(id, owner.value())
        .query((rs, n) -> row(rs))
        .optional();
  }

  private static SavedSearch row(java.sql.ResultSet rs) throws java.sql.SQLException {
    return new SavedSearch(
        rs.getObject(1, UUID.class),
        rs.getObject(2, UUID.class),
        rs.getString(3),
        rs.getString(4),
        decode(rs.getString(5)),
        rs.getTimestamp(6).toInstant());
  }

  /** Deletes one of the owner's searches; another owner's is not found. */
  boolean delete(Owner owner, UUID id) {
    return jdbc.sql("delete from nt_saved_search where id = ? and " + owner.column() + " = ?")
            .params(id, owner.value())
            .update()
        > 0;
  }

  /** Every saved search of a kind, streamed into the consumer (for building the alert index). */
  void forEach(String kind, java.util.function.Consumer<SavedSearch> consumer) {
    jdbc.sql(
            "select id, person_id, kind, words, facets, created_at from nt_saved_search where kind = ?")
        .param(kind)
        .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> consumer.accept(row(rs)));
  }

  static String encode(Map<String, Set<String>> facets) {
    UriComponentsBuilder builder = UriComponentsBuilder.newInstance();
    new java.util.TreeMap<>(facets)
        .forEach(
            (facet, values) ->
                new java.util.TreeSet<>(values).forEach(v -> builder.queryParam(facet, v)));
    String query = builder.build().encode().getQuery();
    return query == null ? "" : query;
  }

  static Map<String, Set<String>> decode(String encoded) {
    Map<String, Set<String>> facets = new LinkedHashMap<>();
    UriComponentsBuilder.newInstance()
        .query(encoded)
        .build(true)
        .getQueryParams()
        .forEach(
            (facet, values) ->
                facets.put(
                    facet,
                    values.stream()
                        .map(
                            v ->
                                org.springframework.web.util.UriUtils.decode(
                                    v, java.nio.charset.StandardCharsets.UTF_8))
                        .collect(Collectors.toCollection(LinkedHashSet::new))));
    return facets;
  }
}
