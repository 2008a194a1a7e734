package fi.osaava.opendata.internal;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The API clients that administrators registered ({@code od_api_client}): who they are and their
 * quota. Registering records a client the authorisation server already knows (or will know) under
 * the same client id; Osaava issues no credentials itself.
 */
@Component
public class ApiClients {

  /**
   * A registered client.
   *
   * @param clientId the id its tokens carry ({@code client_id}, else {@code azp}, else {@code sub})
   * @param requestsPerMinute its quota
   * @param registeredBy the administrator's subject who last saved it
   */
  public record ApiClient(
      String clientId,
      String name,
      String organisation,
      @Nullable String businessId,
      String contactEmail,
      int requestsPerMinute,
      String registeredBy,
      Instant updatedAt) {}

  private final JdbcClient jdbc;

  ApiClients(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public List<ApiClient> all() {
    return jdbc.sql("select * from od_api_client order by lower(name), client_id")
        .query(
            (rs, i) ->
                new ApiClient(
                    rs.getString("client_id"),
                    rs.getString("name"),
                    rs.getString("organisation"),
                    rs.getString("business_id"),
                    rs.getString("contact_email"),
                    rs.getInt("requests_per_minute"),
                    rs.getString("registered_by"),
                    rs.getTimestamp("updated_at").toInstant()))
        .list();
  }

  /** The quota of a registered client, or empty for a client no administrator registered. */
  public Optional<Integer> quota(String clientId) {
    return jdbc.sql("select requests_per_minute from od_api_client where client_id = ?")
        .param(clientId)
        .query(Integer.class)
        .optional();
  }

  /** The business ID registered for a client, or empty when none was or it is unregistered. */
  public Optional<String> businessId(String clientId) {
    return jdbc.sql("select business_id from od_api_client where client_id = ?")
        .param(clientId)
        .query((rs, n) -> Optional.ofNullable(rs.getString(1)))
        .optional()
        .flatMap(id -> id);
  }

  /** The contact address of a registered client, or empty for one no administrator registered. */
  public Optional<String> contactEmail(String clientId) {
    return jdbc.sql("select contact_email from od_api_client where client_id = ?")
        .param(clientId)
        .query(String.class)
        .optional();
  }

  /** Registers a client, or changes the registration of one with the same id. */
  @Transactional
  public void save(
      String clientId,
      String name,
      String organisation,
      @Nullable String businessId,
      String contactEmail,
      int requestsPerMinute,
      String registeredBy) {
    jdbc.sql(
            "insert into od_api_client (client_id, name, organisation, business_id,"
                + " contact_email, requests_per_minute, registered_by)"
                + " values (?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (client_id) do update set name = excluded.name,"
                + " organisation = excluded.organisation, business_id = excluded.business_id,"
                + " contact_email = excluded.contact_email,"
                + " requests_per_minute = excluded.requests_per_minute,"
                + " registered_by = excluded.registered_by, updated_at = now()")
        .param(clientId)
        .param(name)
        .param(organisation)
        .param(businessId)
        .param(contactEmail)
        .param(requestsPerMinute)
        .param(registeredBy)
        .update();
  }

  /** Removes a registration; the client keeps working with the unregistered clients' quota. */
  @Transactional
  public boolean remove(String clientId) {
    return jdbc.sql("delete from od_api_client where client_id = ?").param(clientId).update() > 0;
  }
}
