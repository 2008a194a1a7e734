package fi.osaava.labourmarket.internal.ads;

import fi.osaava.platform.Directories;
import fi.osaava.platform.Language;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.taxonomy.TaxonomyApi;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes synthetic schema.org JobPosting ads for development and load tests, since no open corpus
 * of Finnish job ads exists. Occupations are drawn in proportion to the open vacancies of their
 * ISCO group in the statistics, places in proportion to the municipalities' vacancies, months by
 * the national seasonal profile with a per-group growth rate (so that trends exist to be found),
 * skills from ESCO's occupation–skill relations, and Finnish background sentences from the
 * job-market service's occupation descriptions. About 4 % of ads are reposts of an earlier ad under
 * a new identifier, to exercise near-duplicate detection. Every ad carries {@code
 * "osaava:synthetic": true}. The same seed on the same day (by the injected clock) gives the same
 * ads.
 */
@Component
public class JobAdGenerator {

  static final String AMMATTITIETO = "labour-market/ammattitieto-2022-10-05.jsonl";

  /**
   * The clock that dates the ads. The last posting date is today by this clock, so that a fresh
   * install has open ads; tests fix the clock, so their output depends only on the seed.
   */
  private final Clock clock;

  static final int MONTHS = 24;

  private final TaxonomyApi taxonomy;
  private final RegionsApi regions;
  private final JdbcClient jdbc;
  private final Directories directories;
  private final JsonMapper json = JsonMapper.builder().build();

  JobAdGenerator(
      TaxonomyApi taxonomy,
      RegionsApi regions,
      JdbcClient jdbc,
      Directories directories,
      Clock clock) {
    this.clock = clock;
    this.taxonomy = taxonomy;
    this.regions = regions;
    this.jdbc = jdbc;
    this.directories = directories;
  }

  private record Occupation(String uri, String isco, Map<Language, String> labels) {}

  private record Place(String code, Map<Language, String> names) {}

  /** Everything drawn from, loaded once per run. */
  private final class Model {
    final List<Occupation> occupations = new ArrayList<>();
    final Map<String, List<Occupation>> byIsco = new TreeMap<>();
    final Map<String, Map<Language, String>> skillLabels = new HashMap<>();
    final Map<String, List<String>> essential = new HashMap<>();
    final Map<String, List<String>> optional = new HashMap<>();
    final Map<String, List<String>> backgroundFi = new HashMap<>();
    final List<String> iscoGroups = new ArrayList<>();
    double[] iscoWeights;
    final List<Place> places = new ArrayList<>();
    double[] placeWeights;
    final double[] monthWeights = new double[12];

    Model() {
      taxonomy.forEachConcept(
          Set.of(ConceptType.OCCUPATION, ConceptType.SKILL),
          (ConceptRecord c) -> {
            Map<Language, String> labels = new EnumMap<>(Language.class);
            for (Language l : List.of(Language.FI, Language.SV, Language.EN)) {
              String label = c.preferredLabel(l);
              if (label != null) {
                labels.put(l, label);
              }
            }
            if (!labels.containsKey(Language.EN)) {
              return;
            }
            if (c.type() == ConceptType.OCCUPATION && c.iscoCode() != null) {
              Occupation o = new Occupation(c.uri().value(), c.iscoCode(), labels);
              occupations.add(o);
              byIsco.computeIfAbsent(c.iscoCode(), k -> new ArrayList<>()).add(o);
            } else if (c.type() == ConceptType.SKILL) {
              skillLabels.put(c.uri().value(), labels);
            }
          });
      taxonomy.forEachOccupationSkill(
          r ->
              (r.relation() == RelationType.ESSENTIAL ? essential : optional)
                  .computeIfAbsent(r.occupation().value(), k -> new ArrayList<>())
                  .add(r.skill().value()));
      byIsco
          .values()
          .removeIf(list -> list.stream().noneMatch(o -> essential.containsKey(o.uri())));
      if (byIsco.isEmpty()) {
        throw new IllegalStateException("No ESCO occupations with skills; import ESCO first");
      }
      loadBackground();
      loadIscoWeights();
      loadPlaces();
      loadSeasons();
    }

    private void loadBackground() {
      Path file =
          directories
              .referenceData()
              .map(d -> d.resolve(AMMATTITIETO))
              .filter(Files::isRegularFile)
              .orElseThrow(
                  () -> new IllegalStateException("Missing " + AMMATTITIETO + " in the data dir"));
      try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (line.isBlank()) {
            continue;
          }
          JsonNode node = json.readTree(line);
          String code = node.path("professionCode").asString("");
          if (code.length() < 4) {
            continue;
          }
          List<String> sentences =
              backgroundFi.computeIfAbsent(code.substring(0, 4), k -> new ArrayList<>());
          for (String field : List.of("leadText", "jobsText", "requirementsText")) {
            String text =
                node.path(field).asString("").replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ");
            for (String s : text.split("(?<=[.!?])\\s+")) {
              s = s.strip();
              if (s.length() > 30 && s.length() < 300 && !s.equals("None")) {
                sentences.add(s);
              }
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private void loadIscoWeights() {
      Map<String, Double> vacancies = new HashMap<>();
      jdbc.sql(
              "select isco_code, avg(vacancies) as v from lm_occupation_series"
                  + " where isco_code is not null and vacancies is not null and month >="
                  + " (select max(month) from lm_occupation_series) - interval '11 months'"
                  + " group by isco_code")
          .query(
              rs -> {
                vacancies.put(rs.getString("isco_code"), rs.getDouble("v"));
              });
      if (vacancies.isEmpty()) {
        throw new IllegalStateException(
            "No occupation statistics; run ./osaava import labour-market first");
      }
      for (String isco : byIsco.keySet()) {
        double v = vacancies.getOrDefault(isco, 0.0);
        if (v > 0) {
          iscoGroups.add(isco);
        }
      }
      if (iscoGroups.isEmpty()) {
        throw new IllegalStateException(
            "No occupation statistics matched to ESCO's ISCO groups; import ESCO, then"
                + " ./osaava import labour-market");
      }
      iscoWeights = cumulative(iscoGroups.stream().mapToDouble(vacancies::get).toArray());
    }

    private void loadPlaces() {
      Map<String, Double> vacancies = new TreeMap<>();
      jdbc.sql(
              "select area_code, avg(vacancies) as v from lm_area_series where level = 'MUNICIPALITY'"
                  + " and area_code is not null and vacancies is not null and month >="
                  + " (select max(month) from lm_area_series) - interval '11 months'"
                  + " group by area_code")
          .query(
              rs -> {
                vacancies.put(rs.getString("area_code"), rs.getDouble("v"));
              });
      List<Double> weights = new ArrayList<>();
      vacancies.forEach(
          (code, v) ->
              regions
                  .area(AreaLevel.MUNICIPALITY, code)
                  .filter(a -> v > 0)
                  .ifPresent(
                      (Area a) -> {
                        places.add(new Place(a.code(), a.names()));
                        weights.add(v);
                      }));
      if (places.isEmpty()) {
        throw new IllegalStateException(
            "No municipal vacancy statistics matched to municipalities; import regions and"
                + " labour-market first");
      }
      placeWeights = cumulative(weights.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private void loadSeasons() {
      java.util.Arrays.fill(monthWeights, 1);
      jdbc.sql(
              "select extract(month from month)::int as m, avg(vacancies) as v from"
                  + " lm_occupation_series where isco_code = 'SSS' group by 1")
          .query(
              rs -> {
                monthWeights[rs.getInt("m") - 1] = rs.getDouble("v");
              });
    }
  }

  private static double[] cumulative(double[] weights) {
    double[] c = new double[weights.length];
    double sum = 0;
    for (int i = 0; i < weights.length; i++) {
      sum += weights[i];
      c[i] = sum;
    }
    return c;
  }

  private static int draw(double[] cumulative, SplittableRandom random) {
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    int i = java.util.Arrays.binarySearch(cumulative, x);
    return Math.min(cumulative.length - 1, i >= 0 ? i : -i - 1);
  }

  public void generate(int count, long seed, Writer out) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be 0 or more, was " + count);
    }
    Model model = new Model();
    LocalDate end = LocalDate.now(clock);
    SplittableRandom random = new SplittableRandom(seed);
    // Each ISCO group grows or shrinks at its own yearly rate, drawn once per seed.
    Map<String, Double> growth = new LinkedHashMap<>();
    for (String isco : model.iscoGroups) {
      growth.put(isco, gaussian(random) * 0.35);
    }
    double[][] monthCumulative = new double[model.iscoGroups.size()][];
    List<ObjectNode> recent = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ObjectNode ad;
        if (!recent.isEmpty() && random.nextDouble() < 0.04) {
          ad = repost(recent.get(random.nextInt(recent.size())), seed, i, end, random);
        } else {
          int g = draw(model.iscoWeights, random);
          String isco = model.iscoGroups.get(g);
          if (monthCumulative[g] == null) {
            double[] w = new double[MONTHS];
            for (int m = 0; m < MONTHS; m++) {
              LocalDate month = end.withDayOfMonth(1).minusMonths(MONTHS - 1 - m);
              w[m] =
                  model.monthWeights[month.getMonthValue() - 1]
                      * Math.exp(Objects.requireNonNull(growth.get(isco)) * (m - MONTHS) / 12.0);
            }
            monthCumulative[g] = cumulative(w);
          }
          ad = ad(model, isco, monthCumulative[g], seed, i, end, random);
          if (recent.size() < 500) {
            recent.add(ad);
          } else {
            recent.set(random.nextInt(recent.size()), ad);
          }
        }
        out.write(json.writeValueAsString(ad));
        out.write('\n');
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static double gaussian(SplittableRandom random) {
    double u = Math.max(1e-12, random.nextDouble());
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private ObjectNode repost(
      ObjectNode original, long seed, int i, LocalDate end, SplittableRandom random) {
    ObjectNode copy = original.deepCopy();
    copy.put("identifier", "synthetic-" + seed + "-" + i);
    LocalDate posted = LocalDate.parse(original.path("datePosted").asString());
    LocalDate later = posted.plusDays(7 + random.nextInt(24));
    if (later.isAfter(end)) {
      later = end;
    }
    copy.put("datePosted", later.toString());
    copy.put("validThrough", later.plusDays(21).toString());
    return copy;
  }

  private static final String[] COMPANY_FIRST = {
    "Aalto", "Kide", "Revontuli", "Saimaa", "Tunturi", "Lumi", "Kallio", "Meri", "Koivu", "Pohja",
    "Virta", "Honka", "Kuusi", "Ranta", "Sisu", "Tähti", "Valo", "Routa", "Tuuli", "Kivi"
  };
  private static final String[] COMPANY_SECOND = {
    "Palvelut",
    "Tekniikka",
    "Group",
    "Solutions",
    "Rakennus",
    "Hoiva",
    "Logistiikka",
    "Data",
    "Tuotanto",
    "Konsultointi",
    "Energia",
    "Design",
    "Kauppa",
    "Systems",
    "Works"
  };

  private ObjectNode ad(
      Model model,
      String isco,
      double[] months,
      long seed,
      int i,
      LocalDate end,
      SplittableRandom random) {
    // The groups drawn from are those with occupations.
    List<Occupation> candidates =
        Objects.requireNonNull(model.byIsco.get(isco)).stream()
            .filter(o -> model.essential.containsKey(o.uri()))
            .toList();
    Occupation occupation = candidates.get(random.nextInt(candidates.size()));
    double l = random.nextDouble();
    Language language = l < 0.75 ? Language.FI : l < 0.85 ? Language.SV : Language.EN;
    Place place = model.places.get(draw(model.placeWeights, random));
    LocalDate month = end.withDayOfMonth(1).minusMonths(MONTHS - 1 - draw(months, random));
    LocalDate posted = month.plusDays(random.nextInt(month.lengthOfMonth()));
    if (posted.isAfter(end)) {
      posted = end;
    }
    String employer =
        COMPANY_FIRST[random.nextInt(COMPANY_FIRST.length)]
            + " "
            + COMPANY_SECOND[random.nextInt(COMPANY_SECOND.length)]
            + (language == Language.SV ? " Ab" : " Oy");
    String title = label(occupation.labels(), language);
    title = title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
    String town = place.names().getOrDefault(language, place.names().get(Language.FI));
    List<String> must =
        pick(
            Objects.requireNonNull(model.essential.get(occupation.uri())),
            4 + random.nextInt(5),
            random);
    List<String> nice =
        pick(
            model.optional.getOrDefault(occupation.uri(), List.of()),
            1 + random.nextInt(4),
            random);
    String description =
        text(
            model,
            language,
            isco,
            title,
            employer,
            town,
            labels(model, must, language),
            labels(model, nice, language),
            random);
    ObjectNode ad = json.createObjectNode();
    ad.put("@context", "https://schema.org");
    ad.put("@type", "JobPosting");
    ad.put("identifier", "synthetic-" + seed + "-" + i);
    ad.put("title", title);
    ad.put("description", description);
    ad.put("inLanguage", language.code());
    ad.put("datePosted", posted.toString());
    ad.put("validThrough", posted.plusDays(14 + random.nextInt(28)).toString());
    ad.putObject("hiringOrganization").put("@type", "Organization").put("name", employer);
    ObjectNode address = ad.putObject("jobLocation").put("@type", "Place").putObject("address");
    address.put("@type", "PostalAddress");
    address.put("addressLocality", place.names().get(Language.FI));
    address.put("addressCountry", "FI");
    if (random.nextDouble() < 0.08) {
      ad.put("jobLocationType", "TELECOMMUTE");
    }
    if (random.nextDouble() < 0.6) {
      ad.put("occupationalCategory", isco);
    }
    ad.put("employmentType", random.nextDouble() < 0.8 ? "FULL_TIME" : "PART_TIME");
    ad.put(JobPostingReader.SYNTHETIC, true);
    return ad;
  }

  private static List<String> pick(List<String> from, int n, SplittableRandom random) {
    List<String> copy = new ArrayList<>(from);
    for (int i = copy.size() - 1; i > 0; i--) {
      Collections.swap(copy, i, random.nextInt(i + 1));
    }
    return copy.subList(0, Math.min(n, copy.size()));
  }

  private static List<String> labels(Model model, List<String> skills, Language language) {
    List<String> result = new ArrayList<>();
    for (String uri : skills) {
      Map<Language, String> labels = model.skillLabels.get(uri);
      if (labels != null) {
        result.add(label(labels, language));
      }
    }
    return result;
  }

  private static String label(Map<Language, String> labels, Language language) {
    // ESCO labels every concept in English, its base language.
    return Objects.requireNonNull(labels.getOrDefault(language, labels.get(Language.EN)));
  }

  private static String text(
      Model model,
      Language language,
      String isco,
      String title,
      String employer,
      @Nullable String town,
      List<String> must,
      List<String> nice,
      SplittableRandom random) {
    StringBuilder b = new StringBuilder();
    String mustList = String.join(", ", must);
    String niceList = String.join(", ", nice);
    switch (language) {
      case SV -> {
        b.append(
            random.nextBoolean()
                ? employer + " söker en " + title.toLowerCase(Locale.ROOT) + " till " + town + ". "
                : "Vill du arbeta som " + title.toLowerCase(Locale.ROOT) + " i " + town + "? ");
        b.append("Vi förväntar oss kunskaper i följande: ").append(mustList).append(". ");
        if (!nice.isEmpty()) {
          b.append("Meriterande är ").append(niceList).append(". ");
        }
        b.append(
            random.nextBoolean()
                ? "Skicka din ansökan senast på sista ansökningsdagen."
                : "Vi erbjuder en trevlig arbetsgemenskap och flexibla arbetstider.");
      }
      case EN -> {
        b.append(
            random.nextBoolean()
                ? employer + " is looking for a " + title + " in " + town + ". "
                : "Join " + employer + " as a " + title + " based in " + town + ". ");
        b.append("You will need the following skills: ").append(mustList).append(". ");
        if (!nice.isEmpty()) {
          b.append("Experience in ").append(niceList).append(" is an advantage. ");
        }
        b.append(
            random.nextBoolean()
                ? "We offer a supportive team and flexible working hours."
                : "Apply by the closing date; interviews are held on a rolling basis.");
      }
      default -> {
        b.append(
            random.nextBoolean()
                ? employer
                    + " hakee tekijää tehtävään "
                    + title.toLowerCase(Locale.ROOT)
                    + ". Sijainti: "
                    + town
                    + ". "
                : "Haemme joukkoomme osaavaa tekijää ("
                    + title.toLowerCase(Locale.ROOT)
                    + "). Työpaikka: "
                    + town
                    + ". ");
        List<String> background = model.backgroundFi.getOrDefault(isco, List.of());
        for (String s : pick(background, 2, random)) {
          b.append(s).append(' ');
        }
        b.append("Edellytämme osaamista seuraavissa: ").append(mustList).append(". ");
        if (!nice.isEmpty()) {
          b.append("Eduksi katsotaan ").append(niceList).append(". ");
        }
        b.append(
            random.nextBoolean()
                ? "Tarjoamme mukavan työyhteisön ja joustavat työajat."
                : "Lähetä hakemuksesi viimeistään hakuajan päättyessä.");
      }
    }
    return b.toString();
  }
}
