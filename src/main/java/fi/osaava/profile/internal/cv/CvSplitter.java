package fi.osaava.profile.internal.cv;

import fi.osaava.profile.internal.ExperienceKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Splits a CV's text into entries: the sections under work and education headings (and those of
 * positions of trust, volunteering and skills) in Finnish, Swedish and English, and within a
 * section one entry per line that carries a period ("2015–2019 Lähihoitaja, Hoivakoti Aurinko"),
 * whether the role is on that line, on the line after it, or on the line before it. Sections it
 * does not know (contact details, languages, references) are left out: they are not competences to
 * identify, and contact details are personal data Osaava does not need.
 */
public final class CvSplitter {

  /** Entries taken from one CV at most; more is a list of something else. */
  static final int MAX_ENTRIES = 40;

  /** What a heading starts: entries of a kind, or a section to leave out (null). */
  private static final Map<String, Optional<ExperienceKind>> HEADINGS = headings();

  private static final Pattern BULLET = Pattern.compile("^[\\s•●▪■◦·*‣⁃–—-]+\\s*");
  private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s+[|–—-]\\s+|,\\s+|\\s+@\\s+");

  /**
   * One entry read from a CV.
   *
   * @param end null when ongoing (or not given)
   * @param source the lines it was read from, as in the CV
   */
  public record CvEntry(
      ExperienceKind kind,
      String title,
      String organisation,
      @Nullable LocalDate start,
      @Nullable LocalDate end,
      boolean ongoing,
      String description,
      String source) {}

  private CvSplitter() {}

  /** The entries of a CV's text, in the order they appear. */
  public static List<CvEntry> split(String text) {
    List<String> lines = new ArrayList<>();
    for (String raw : text.split("\n")) {
      lines.add(raw.replace('\t', ' ').replaceAll("\\s+", " ").strip());
    }
    List<CvEntry> entries = new ArrayList<>();
    ExperienceKind section = null;
    String sectionHeading = "";
    int sectionStart = 0;
    for (int i = 0; i <= lines.size(); i++) {
      Optional<Optional<ExperienceKind>> heading =
          i < lines.size() ? heading(lines.get(i)) : Optional.of(Optional.empty());
      if (heading.isPresent()) {
        if (section != null) {
          entries.addAll(section(section, sectionHeading, lines.subList(sectionStart, i)));
        }
        section = heading.get().orElse(null);
        sectionHeading = i < lines.size() ? lines.get(i).replaceAll("[:.]+$", "").strip() : "";
        sectionStart = i + 1;
      }
    }
    return entries.size() > MAX_ENTRIES ? entries.subList(0, MAX_ENTRIES) : entries;
  }

  /** Whether a line is a heading, and of what; empty when it is not one. */
  static Optional<Optional<ExperienceKind>> heading(String line) {
    if (line.isEmpty() || line.length() > 50) {
      return Optional.empty();
    }
    String key =
        line.toLowerCase(Locale.ROOT)
            .replaceAll("[:.]+$", "")
            .replaceAll("^[\\d.\\s]+", "")
            .replaceAll("\\s+", " ")
            .strip();
    Optional<ExperienceKind> kind = HEADINGS.get(key);
    return kind == null ? Optional.empty() : Optional.of(kind);
  }

  private static List<CvEntry> section(ExperienceKind kind, String heading, List<String> lines) {
    List<Integer> dated = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (isEntryLine(lines.get(i))) {
        dated.add(i);
      }
    }
    List<CvEntry> entries = new ArrayList<>();
    if (kind == ExperienceKind.OTHER || dated.isEmpty()) {
      // Skills sections, and sections without dates: the whole section as one entry.
      String body = join(lines, 0, lines.size());
      if (!body.isBlank()) {
        entries.add(
            new CvEntry(kind, clip(heading, 300), "", null, null, false, clip(body, 10_000), body));
      }
      return entries;
    }
    // The role before the period ("Lähihoitaja\n2015–2019", or with the employer on a line of
    // its own between them) when the first dated line holds nothing but the period and a line
    // stands between the heading and it.
    int first = dated.getFirst();
    boolean titleBefore = rest(lines.get(first)).isEmpty() && previousLine(lines, first, -1) >= 0;
    int[] headerStart = new int[dated.size()];
    for (int n = 0; n < dated.size(); n++) {
      headerStart[n] = dated.get(n);
      if (titleBefore) {
        int after = n == 0 ? -1 : dated.get(n - 1);
        int line = previousLine(lines, dated.get(n), after);
        if (line >= 0) {
          headerStart[n] = line;
          int above = line - 1;
          if (above > after
              && looksLikeName(lines.get(above))
              && looksLikeName(lines.get(line))
              && titleAndOrganisation(lines.get(above))[1].isEmpty()) {
            headerStart[n] = above;
          }
        }
      }
    }
    for (int n = 0; n < dated.size(); n++) {
      int at = dated.get(n);
      int next = n + 1 < dated.size() ? headerStart[n + 1] : lines.size();
      CvDates.Period period = CvDates.find(lines.get(at)).orElseThrow();
      String title = rest(lines.get(at));
      String organisationLine = "";
      int descriptionFrom = at + 1;
      int sourceFrom = headerStart[n];
      if (headerStart[n] < at && title.isEmpty()) {
        title = lines.get(headerStart[n]);
        int second = previousLine(lines, at, headerStart[n]);
        if (second > headerStart[n]) {
          organisationLine = lines.get(second);
        }
      } else if (title.isEmpty()) {
        while (descriptionFrom < next && lines.get(descriptionFrom).isEmpty()) {
          descriptionFrom++;
        }
        if (descriptionFrom < next) {
          title = lines.get(descriptionFrom);
          descriptionFrom++;
        }
      }
      String[] titleAndOrganisation = titleAndOrganisation(title);
      String organisation =
          titleAndOrganisation[1].isEmpty() ? organisationLine : titleAndOrganisation[1];
      if (organisation.isEmpty()
          && !titleBefore
          && descriptionFrom < next - 1
          && looksLikeName(lines.get(descriptionFrom))) {
        organisation = lines.get(descriptionFrom);
        descriptionFrom++;
      }
      String description = join(lines, descriptionFrom, next);
      entries.add(
          new CvEntry(
              kind,
              clip(titleAndOrganisation[0], 300),
              clip(organisation, 300),
              period.start(),
              period.end(),
              period.end() == null,
              clip(description, 10_000),
              join(lines, sourceFrom, next)));
    }
    return entries;
  }

  /** A line that starts an entry: a period at its start or end, or a short line with one. */
  private static boolean isEntryLine(String line) {
    if (line.isEmpty()) {
      return false;
    }
    Optional<CvDates.Period> period = CvDates.find(line);
    if (period.isEmpty()) {
      return false;
    }
    String before = line.substring(0, period.get().from()).replaceAll("[\\s,|:()\\[\\]–—-]", "");
    String after = line.substring(period.get().to()).replaceAll("[\\s,|:()\\[\\]–—-]", "");
    return before.isEmpty() || after.isEmpty() || line.length() <= 80;
  }

  /** A line without its period and the punctuation around it. */
  private static String rest(String line) {
    Optional<CvDates.Period> period = CvDates.find(line);
    if (period.isEmpty()) {
      return line;
    }
    String rest = line.substring(0, period.get().from()) + " " + line.substring(period.get().to());
    return rest.replaceAll("\\(\\s*\\)", "")
        .replaceAll("^[\\s,|:–—-]+|[\\s,|:–—-]+$", "")
        .replaceAll("\\s+", " ")
        .strip();
  }

  /** "Lähihoitaja, Hoivakoti Aurinko" or "Developer | Firma Oy": the role, then the place. */
  private static String[] titleAndOrganisation(String line) {
    String clean = BULLET.matcher(line).replaceFirst("").strip();
    var m = TITLE_SEPARATOR.matcher(clean);
    if (m.find() && m.start() > 0) {
      return new String[] {clean.substring(0, m.start()).strip(), clean.substring(m.end()).strip()};
    }
    return new String[] {clean, ""};
  }

  /** An employer or school on a line of its own: short, no sentence, no bullet. */
  private static boolean looksLikeName(String line) {
    return !line.isEmpty()
        && line.length() <= 60
        && !BULLET.matcher(line).lookingAt()
        && !line.endsWith(".")
        && Character.isUpperCase(line.charAt(0))
        && line.split("\\s+").length <= 6;
  }

  private static String join(List<String> lines, int from, int to) {
    StringBuilder b = new StringBuilder();
    for (int i = Math.max(0, from); i < Math.min(to, lines.size()); i++) {
      String line = BULLET.matcher(lines.get(i)).replaceFirst("").strip();
      if (!line.isEmpty()) {
        if (!b.isEmpty()) {
          b.append('\n');
        }
        b.append(line);
      }
    }
    return b.toString();
  }

  /** The nearest non-blank line before {@code at} and after {@code after}; -1 when none. */
  private static int previousLine(List<String> lines, int at, int after) {
    for (int i = at - 1; i > after; i--) {
      if (!lines.get(i).isEmpty()) {
        return i;
      }
    }
    return -1;
  }

  private static String clip(String s, int max) {
    return s.length() <= max ? s : s.substring(0, max);
  }

  private static Map<String, Optional<ExperienceKind>> headings() {
    Map<String, Optional<ExperienceKind>> h = new java.util.HashMap<>();
    for (String s :
        List.of(
            "työkokemus",
            "työhistoria",
            "työura",
            "työkokemukset",
            "aiempi työkokemus",
            "työpaikat",
            "arbetslivserfarenhet",
            "arbetserfarenhet",
            "yrkeserfarenhet",
            "erfarenhet",
            "anställningar",
            "tidigare anställningar",
            "work experience",
            "experience",
            "professional experience",
            "employment history",
            "employment",
            "work history",
            "career history")) {
      h.put(s, Optional.of(ExperienceKind.WORK));
    }
    for (String s :
        List.of(
            "koulutus",
            "koulutustausta",
            "opinnot",
            "opiskelu",
            "tutkinnot",
            "koulutus ja tutkinnot",
            "kurssit",
            "lisäkoulutus",
            "täydennyskoulutus",
            "kurssit ja koulutukset",
            "sertifikaatit",
            "utbildning",
            "utbildningar",
            "studier",
            "examina",
            "kurser",
            "vidareutbildning",
            "kurser och utbildningar",
            "certifikat",
            "education",
            "studies",
            "academic background",
            "education and training",
            "qualifications",
            "courses",
            "training",
            "certificates",
            "certifications")) {
      h.put(s, Optional.of(ExperienceKind.EDUCATION));
    }
    for (String s :
        List.of(
            "luottamustehtävät",
            "luottamustoimet",
            "förtroendeuppdrag",
            "positions of trust",
            "elected positions")) {
      h.put(s, Optional.of(ExperienceKind.TRUST));
    }
    for (String s :
        List.of(
            "vapaaehtoistyö",
            "järjestötoiminta",
            "harrastukset",
            "volontärarbete",
            "ideellt arbete",
            "föreningsverksamhet",
            "fritidsintressen",
            "volunteering",
            "volunteer work",
            "hobbies",
            "interests")) {
      h.put(s, Optional.of(ExperienceKind.ACTIVITY));
    }
    for (String s :
        List.of(
            "osaaminen",
            "taidot",
            "erityisosaaminen",
            "ydinosaaminen",
            "it-taidot",
            "kompetenser",
            "kompetens",
            "färdigheter",
            "kunskaper",
            "skills",
            "key skills",
            "competences",
            "technical skills")) {
      h.put(s, Optional.of(ExperienceKind.OTHER));
    }
    for (String s :
        List.of(
            "kielitaito",
            "kielet",
            "språkkunskaper",
            "språk",
            "languages",
            "language skills",
            "suosittelijat",
            "referenssit",
            "referenser",
            "references",
            "yhteystiedot",
            "kontaktuppgifter",
            "contact",
            "contact information",
            "henkilötiedot",
            "personuppgifter",
            "personal details",
            "personal information",
            "profiili",
            "profil",
            "profile",
            "summary",
            "about me",
            "tietoa minusta",
            "om mig",
            "lisätiedot",
            "övrigt",
            "other",
            "ansioluettelo",
            "cv",
            "curriculum vitae",
            "meritförteckning")) {
      h.put(s, Optional.empty());
    }
    return Map.copyOf(h);
  }
}
