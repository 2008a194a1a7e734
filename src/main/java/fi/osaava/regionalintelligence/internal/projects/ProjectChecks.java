package fi.osaava.regionalintelligence.internal.projects;

import fi.osaava.platform.BusinessId;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Actor;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Partner;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Project;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.RawActor;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.RawPartner;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.RawProject;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The rules every actor and project meets, for the file import and the owners' form alike. A check
 * gives the checked value or the first {@link Bad} field: which field, a message-key code for the
 * form and an English text for the command line.
 */
public final class ProjectChecks {

  static final int MAX_NAME = 300;
  static final int MAX_TEXT = 200;
  static final int MAX_THEMES = 30;
  static final int MAX_PARTNERS = 100;
  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final Pattern ISCO = Pattern.compile("isco:\\d{1,4}");
  private static final Pattern REGION = Pattern.compile("\\d{2}");
  private static final String ESCO = "http://data.europa.eu/esco/";

  /** The fields of actors and projects, named by each reader in its own way. */
  public enum Field {
    KEY,
    NAME,
    START,
    END,
    FUNDING,
    FUNDING_SOURCE,
    REGION,
    THEMES,
    PARTNERS,
    ROLE,
    ACTOR,
    ACTOR_KEY,
    ACTOR_NAME,
    KIND,
    BUSINESS_ID
  }

  /** A field that is wrong. {@code code} is the message key's suffix ({@code ri.pr.error.*}). */
  public static final class Bad extends RuntimeException {
    private final Field field;
    private final String code;

    Bad(Field field, String code, String text) {
      super(text, null, false, false);
      this.field = field;
      this.code = code;
    }

    public Field field() {
      return field;
    }

    public String code() {
      return code;
    }

    public String text() {
      return String.valueOf(getMessage());
    }
  }

  /** Where the checks look up what exists: regions and ESCO concepts. */
  public interface Known {
    boolean region(String code);

    boolean concept(String uri);
  }

  private final Known known;

  public ProjectChecks(Known known) {
    this.known = known;
  }

  public Actor actor(RawActor raw) {
    String key = key(raw.key(), Field.ACTOR_KEY);
    String name = text(raw.name(), Field.ACTOR_NAME, MAX_NAME);
    String kindText = text(raw.kind(), Field.KIND, 40);
    ActorKind kind =
        ActorKind.parse(kindText)
            .orElseThrow(
                () ->
                    new Bad(
                        Field.KIND,
                        "kind",
                        "must be company, education, public-body or association"));
    String written = raw.businessId();
    String businessId = written == null || written.isBlank() ? null : written.strip();
    if (businessId != null && !BusinessId.isValid(businessId)) {
      throw new Bad(
          Field.BUSINESS_ID,
          "businessId",
          "is not a valid Finnish business ID (seven digits, a hyphen and the check digit, such as"
              + " 0201256-6)");
    }
    return new Actor(key, name, kind, businessId);
  }

  /**
   * @param actorExists whether a partner's key names an actor of the same input or already
   *     registered for the organisation
   */
  public Project project(RawProject raw, Predicate<String> actorExists) {
    String key = key(raw.key(), Field.KEY);
    String name = text(raw.name(), Field.NAME, MAX_NAME);
    LocalDate start = date(raw.start(), Field.START);
    LocalDate end = date(raw.end(), Field.END);
    if (end.isBefore(start)) {
      throw new Bad(Field.END, "period", "must not be before the start");
    }
    long funding;
    try {
      funding = Long.parseLong(text(raw.funding(), Field.FUNDING, 15).replace(" ", ""));
    } catch (NumberFormatException e) {
      funding = -1;
    }
    if (funding < 0) {
      throw new Bad(Field.FUNDING, "funding", "must be a whole number of euros, 0 or more");
    }
    String source = text(raw.fundingSource(), Field.FUNDING_SOURCE, MAX_TEXT);
    String region = text(raw.region(), Field.REGION, 10);
    if (!REGION.matcher(region).matches() || !known.region(region)) {
      throw new Bad(Field.REGION, "region", "must be a region code of two digits, such as 01");
    }
    Set<String> themes = new LinkedHashSet<>();
    for (String theme : raw.themes()) {
      if (!blank(theme)) {
        themes.add(theme(theme.strip()));
      }
    }
    if (themes.isEmpty()) {
      throw new Bad(Field.THEMES, "themesNone", "must name at least one theme");
    }
    if (themes.size() > MAX_THEMES) {
      throw new Bad(Field.THEMES, "themesMany", "may name at most " + MAX_THEMES + " themes");
    }
    List<Partner> partners = new ArrayList<>();
    Set<String> seen = new LinkedHashSet<>();
    for (RawPartner p : raw.partners()) {
      String actor = key(p.actor(), Field.ACTOR);
      if (!actorExists.test(actor)) {
        throw new Bad(Field.ACTOR, "actorUnknown", "names no actor of the input (" + actor + ")");
      }
      if (!seen.add(actor)) {
        throw new Bad(Field.ACTOR, "actorTwice", "names the same actor twice (" + actor + ")");
      }
      partners.add(new Partner(actor, text(p.role(), Field.ROLE, MAX_TEXT)));
    }
    if (partners.isEmpty()) {
      throw new Bad(Field.PARTNERS, "partnersNone", "must name at least one partner");
    }
    if (partners.size() > MAX_PARTNERS) {
      throw new Bad(
          Field.PARTNERS, "partnersMany", "may name at most " + MAX_PARTNERS + " partners");
    }
    return new Project(
        key, name, start, end, funding, source, region, List.copyOf(themes), partners);
  }

  /** An ESCO concept URI, an ISCO group {@code isco:NNNN}, or a free tag stored as {@code tag:}. */
  private String theme(String theme) {
    if (theme.startsWith(ESCO)) {
      if (theme.length() > 200 || !known.concept(theme)) {
        throw new Bad(Field.THEMES, "concept", "names no ESCO concept in the taxonomy: " + theme);
      }
      return theme;
    }
    if (theme.startsWith("isco:")) {
      if (!ISCO.matcher(theme).matches()) {
        throw new Bad(
            Field.THEMES, "isco", "an occupation group is isco: and 1-4 digits, such as isco:2512");
      }
      return theme;
    }
    String tag = theme.startsWith("tag:") ? theme.substring(4).strip() : theme;
    if (tag.isEmpty()
        || tag.length() > 80
        || tag.startsWith("http")
        || tag.codePoints().anyMatch(Character::isISOControl)) {
      throw new Bad(
          Field.THEMES,
          "tag",
          "a free tag is 1-80 characters of text; ESCO themes are concept URIs: " + theme);
    }
    return "tag:" + tag;
  }

  private static String key(@Nullable String value, Field field) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw new Bad(field, "required", "is required");
    }
    if (!KEY.matcher(v).matches()) {
      throw new Bad(
          field, "key", "an identifier is 1-100 letters, digits and . _ : - (no spaces): " + v);
    }
    return v;
  }

  private static String text(@Nullable String value, Field field, int max) {
    String v = value == null ? "" : value.strip();
    if (v.isEmpty()) {
      throw new Bad(field, "required", "is required");
    }
    if (v.length() > max) {
      throw new Bad(field, "tooLong", "is longer than " + max + " characters");
    }
    if (v.codePoints().anyMatch(c -> Character.isISOControl(c) || c == 0xFFFD)) {
      throw new Bad(field, "control", "contains control characters");
    }
    return v;
  }

  private static LocalDate date(@Nullable String value, Field field) {
    String v = text(value, field, 10);
    try {
      return LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw new Bad(field, "date", "must be a date as YYYY-MM-DD");
    }
  }

  private static boolean blank(@Nullable String value) {
    return value == null || value.isBlank();
  }
}
