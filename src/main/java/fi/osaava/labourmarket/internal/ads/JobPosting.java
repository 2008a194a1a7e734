package fi.osaava.labourmarket.internal.ads;

import fi.osaava.platform.Language;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One schema.org JobPosting as read from JSON-LD, before enrichment.
 *
 * @param line the line of the input where the ad's JSON ends, for error messages
 * @param language from {@code inLanguage}, or null to detect it from the text
 * @param occupationalCategory an ESCO occupation URI or an ISCO-08 code, or null
 * @param locality the municipality name ({@code addressLocality}), or null
 * @param regionName the region name ({@code addressRegion}), or null
 * @param organisation the hiring organisation's id ({@code hiringOrganization.@id}), whose editors
 *     may edit the ad, or null
 * @param url the ad's own page ({@code url}, http or https), or null
 * @param skills ESCO skill URIs the publisher chose ({@code skills}), besides those identified
 */
record JobPosting(
    long line,
    String identifier,
    String title,
    String description,
    @Nullable Language language,
    @Nullable String employer,
    @Nullable String occupationalCategory,
    @Nullable String locality,
    @Nullable String regionName,
    boolean remote,
    LocalDate datePosted,
    @Nullable LocalDate validThrough,
    boolean synthetic,
    @Nullable String organisation,
    @Nullable String url,
    List<String> skills) {

  /** What the near-duplicate detection compares: everything a repost repeats. */
  String fingerprintText() {
    return title
        + ' '
        + (employer == null ? "" : employer)
        + ' '
        + (locality == null ? "" : locality)
        + ' '
        + description;
  }
}
