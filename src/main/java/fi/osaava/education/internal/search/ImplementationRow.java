package fi.osaava.education.internal.search;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One implementation of an offering, as stored. Nothing of it is indexed as its own document: the
 * offering's flat fields are derived from its implementations, the application periods among them
 * ({@link OfferingDocument#getFacetValues}).
 */
@Embeddable
public class ImplementationRow {

  @Column(name = "source_id")
  private String sourceId;

  @Column(name = "name_fi")
  private String nameFi;

  @Column(name = "name_sv")
  private String nameSv;

  @Column(name = "name_en")
  private String nameEn;

  @Column(name = "provider_id")
  private String providerId;

  @Column(name = "provider_fi")
  private String providerFi;

  @Column(name = "provider_sv")
  private String providerSv;

  @Column(name = "provider_en")
  private String providerEn;

  private String institution;

  @Column(name = "municipality_codes")
  @JdbcTypeCode(SqlTypes.ARRAY)
  private List<String> municipalityCodes;

  @Column(name = "place_names")
  private String placeNames;

  @Column(name = "teaching_languages")
  @JdbcTypeCode(SqlTypes.ARRAY)
  private List<String> teachingLanguages;

  private String mode;

  private String schedule;

  private BigDecimal cost;

  @Column(name = "start_date")
  private LocalDate startDate;

  @Column(name = "end_date")
  private LocalDate endDate;

  @Column(name = "application_start")
  private Instant applicationStart;

  @Column(name = "application_end")
  private Instant applicationEnd;

  private String url;

  protected ImplementationRow() {}

  public String sourceId() {
    return sourceId;
  }

  public String nameFi() {
    return nameFi;
  }

  public String nameSv() {
    return nameSv;
  }

  public String nameEn() {
    return nameEn;
  }

  public String providerId() {
    return providerId;
  }

  public String providerFi() {
    return providerFi;
  }

  public String providerSv() {
    return providerSv;
  }

  public String providerEn() {
    return providerEn;
  }

  public String institution() {
    return institution;
  }

  public List<String> municipalityCodes() {
    return municipalityCodes == null ? List.of() : municipalityCodes;
  }

  public String placeNames() {
    return placeNames;
  }

  public List<String> teachingLanguages() {
    return teachingLanguages == null ? List.of() : teachingLanguages;
  }

  public String mode() {
    return mode;
  }

  public String schedule() {
    return schedule;
  }

  public BigDecimal cost() {
    return cost;
  }

  public LocalDate startDate() {
    return startDate;
  }

  public LocalDate endDate() {
    return endDate;
  }

  public Instant applicationStart() {
    return applicationStart;
  }

  public Instant applicationEnd() {
    return applicationEnd;
  }

  public String url() {
    return url;
  }

  /** Whether applications are open at {@code now}. */
  public boolean applicationOpen(Instant now) {
    return applicationStart != null
        && applicationEnd != null
        && applicationOpen(applicationStart, applicationEnd, now);
  }

  /**
   * Whether an application period from {@code start} (inclusive) to {@code end} (exclusive) is open
   * at {@code now}: the one rule for the offering page and the index's "open now" ({@link
   * FacetValuesBridge}).
   */
  static boolean applicationOpen(Instant start, Instant end, Instant now) {
    return !now.isBefore(start) && now.isBefore(end);
  }
}
