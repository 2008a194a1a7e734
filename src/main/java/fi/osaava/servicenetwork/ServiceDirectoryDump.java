package fi.osaava.servicenetwork;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The whole active service directory, record by record, for the open data (module {@code opendata}:
 * the {@code service-directory} dataset as CSV and JSON). Everything in it is public: what the
 * service pages show.
 */
public interface ServiceDirectoryDump {

  /**
   * One active service or general description as stored. Texts are by language code ({@code fi},
   * {@code sv}, {@code en}), empty strings where a language is missing.
   *
   * @param kind {@code GENERAL_DESCRIPTION} (the national catalogue's template, without provider or
   *     channels) or {@code SERVICE}
   * @param source {@code ptv} (the national service catalogue) or {@code provider}
   * @param generalDescription the general description a provider's service implements, or null
   * @param channelsJson the channels in the documented JSON (docs/services.md), {@code []} for none
   */
  record DumpedService(
      UUID id,
      String kind,
      String source,
      @Nullable UUID generalDescription,
      @Nullable String organisationBusinessId,
      Texts organisation,
      Texts name,
      Texts summary,
      Texts description,
      String type,
      List<String> lifeSituations,
      List<String> targetGroups,
      List<String> areas,
      List<String> languages,
      @Nullable String costType,
      Texts cost,
      String channelsJson,
      Instant updatedAt) {}

  /** A text in the three national catalogue languages; a missing one is empty. */
  record Texts(String fi, String sv, String en) {}

  /** Every active service and general description, ordered by id. */
  void forEachActive(Consumer<DumpedService> each);
}
