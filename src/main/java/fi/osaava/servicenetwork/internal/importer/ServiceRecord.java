package fi.osaava.servicenetwork.internal.importer;

import com.fasterxml.jackson.annotation.JsonFormat;
import fi.osaava.platform.Language;
import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.ServiceType;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One service or general description as read, valid and ready to store. Texts are by language (fi,
 * sv, en); absent languages are absent keys.
 *
 * @param id the stored id: the catalogue's id for general descriptions, a name-based UUID of the
 *     source id for providers' services, so that the same service keeps its address
 * @param sourceId the catalogue id, or {@code <organisation>/<provider's id>}
 * @param line where the record starts in its input, for errors found when it is stored
 * @param areas {@code country}, {@code online}, {@code region:NN}, {@code municipality:NNN}
 */
public record ServiceRecord(
    UUID id,
    String source,
    String sourceId,
    boolean generalDescription,
    @Nullable UUID generalDescriptionId,
    @Nullable String referenceCode,
    @Nullable Organisation organisation,
    Map<Language, String> name,
    Map<Language, String> summary,
    Map<Language, String> description,
    ServiceType type,
    Set<LifeSituation> lifeSituations,
    List<String> targetGroups,
    Set<String> areas,
    Set<String> languages,
    List<String> keywords,
    @Nullable String chargeType,
    Map<Language, String> costInfo,
    List<Channel> channels,
    long line) {

  public static final String PTV = "ptv";
  public static final String PROVIDER = "provider";

  /** The same record without where it was read, so that identical content compares equal. */
  public ServiceRecord withoutLine() {
    return new ServiceRecord(
        id,
        source,
        sourceId,
        generalDescription,
        generalDescriptionId,
        referenceCode,
        organisation,
        name,
        summary,
        description,
        type,
        lifeSituations,
        targetGroups,
        areas,
        languages,
        keywords,
        chargeType,
        costInfo,
        channels,
        0);
  }

  /** The provider: a business ID where there is one, and a name. */
  public record Organisation(@Nullable String businessId, Map<Language, String> name) {}

  /** A way to reach the service. Which fields it has depends on its type. */
  public record Channel(
      ChannelType type,
      Map<Language, String> name,
      @Nullable String url,
      @Nullable String phone,
      @Nullable Address address,
      List<Hours> hours) {}

  public enum ChannelType {
    WEB_PAGE,
    PHONE,
    VISITING_ADDRESS,
    E_SERVICE
  }

  /** A visiting address; the municipality is its official code. */
  public record Address(String street, String postalCode, String municipality) {}

  /**
   * Open on these days from {@code opens} to {@code closes}; written as {@code HH:MM}, the format
   * the push and the import read (ISO's local time would add seconds).
   */
  public record Hours(
      List<DayOfWeek> days,
      @JsonFormat(pattern = "HH:mm") LocalTime opens,
      @JsonFormat(pattern = "HH:mm") LocalTime closes) {}
}
