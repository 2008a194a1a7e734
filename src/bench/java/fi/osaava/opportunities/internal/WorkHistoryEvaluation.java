package fi.osaava.opportunities.internal;

import fi.osaava.identification.Identification;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.identification.IdentifiedConcept;
import fi.osaava.identification.IdentifyOptions;
import fi.osaava.opportunities.OpportunityKind;
import fi.osaava.opportunities.internal.engine.MatchIndex;
import fi.osaava.opportunities.internal.engine.MatchProfile;
import fi.osaava.opportunities.internal.engine.MatchQuery;
import fi.osaava.opportunities.internal.engine.Matcher;
import fi.osaava.opportunities.internal.engine.OccupationEntry;
import fi.osaava.opportunities.internal.engine.Ranked;
import fi.osaava.platform.Benchmark;
import fi.osaava.platform.ImportProgress;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptUri;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Occupation matching on realistic profiles: each work-history text goes through identification and
 * matching as a client of the API would use them (the skills {@code /api/v1/identification}
 * returns, with the occupations it recognised by name as the person's experience, into {@code
 * /api/v1/opportunities} with its default weights), and is scored against the occupations a
 * counsellor accepted. Next to it, in the same run: the same skills without the experience, the
 * ranking by score alone as it was before fit tiers, a plain count of ESCO occupation–skill overlap
 * (the baseline), and the occupations identification itself suggests.
 */
@Component
class WorkHistoryEvaluation {

  private static final int TOP = 10;

  private final MatchingData data;
  private final OpportunityService service;
  private final IdentificationApi identification;

  WorkHistoryEvaluation(
      MatchingData data, OpportunityService service, IdentificationApi identification) {
    this.data = data;
    this.service = service;
    this.identification = identification;
  }

  private record Item(String id, Language language, String text, Set<ConceptUri> accepted) {}

  private static final String[] RUNS = {
    "Osaava: identified skills + recognised occupations, API defaults",
    "identified skills only, API defaults",
    "identified skills, by score alone (before fit tiers)",
    "plain overlap count (baseline)",
    "identification's own occupation suggestions"
  };

  private static final String[] KEYS = {"osaava", "skills_only", "score_only", "overlap", "ident"};

  Benchmark.Report evaluate(Path file, ImportProgress progress) {
    List<Item> items = read(file);
    MatchIndex index = data.current();
    Map<ConceptUri, Integer> positions = index.occupationPositions();
    Matcher matcher = new Matcher(index);
    MatchQuery query = MatchQuery.defaults(Set.of(OpportunityKind.OCCUPATION), TOP);
    progress.report(items.size() + " work histories; identifying and matching");
    // [language][run] -> {successes, reciprocal rank sum, count}
    Map<Language, double[][]> totals = new LinkedHashMap<>();
    for (Item item : items) {
      Identification found =
          identification.identify(item.text(), item.language(), IdentifyOptions.defaults());
      Set<ConceptUri> skills = new LinkedHashSet<>();
      found.skills().forEach(c -> skills.add(c.uri()));
      Set<ConceptUri> named = new LinkedHashSet<>();
      List<ConceptUri> suggested = new ArrayList<>();
      for (IdentifiedConcept c : found.occupations()) {
        suggested.add(c.uri());
        if (c.namedInText()) {
          named.add(c.uri());
        }
      }
      PersonInput withExperience = new PersonInput(skills, Set.of(), Set.of(), Map.of(), named);
      PersonInput skillsOnly = new PersonInput(skills, Set.of(), Set.of(), Map.of());
      MatchProfile profile = service.profile(index, withExperience);
      MatchProfile plain = service.profile(index, skillsOnly);
      List<List<ConceptUri>> rankings = new ArrayList<>();
      rankings.add(ranked(matcher.rank(profile, query).items(), index));
      rankings.add(ranked(matcher.rank(plain, query).items(), index));
      rankings.add(byScores(matcher.occupationScores(plain, query), index));
      rankings.add(byOverlap(plain, index));
      rankings.add(suggested);
      double[][] t = totals.computeIfAbsent(item.language(), k -> new double[RUNS.length][3]);
      for (int r = 0; r < RUNS.length; r++) {
        int rank = firstAccepted(rankings.get(r), item.accepted(), positions);
        t[r][0] += rank > 0 && rank <= TOP ? 1 : 0;
        t[r][1] += rank > 0 ? 1.0 / rank : 0;
        t[r][2]++;
      }
    }
    StringBuilder md = new StringBuilder();
    md.append("File: `")
        .append(file.getFileName())
        .append("`: ")
        .append(items.size())
        .append(" work histories. Success@10: an accepted occupation among the first ten;")
        .append(" MRR of the first accepted one (occupations only).\n\n");
    md.append("| ranking |");
    totals.keySet().forEach(l -> md.append(" ").append(l.code()).append(" success@10 | MRR |"));
    md.append("\n|---|");
    totals.keySet().forEach(l -> md.append("---|---|"));
    md.append('\n');
    Map<String, Object> metrics = new LinkedHashMap<>();
    for (int r = 0; r < RUNS.length; r++) {
      md.append("| ").append(RUNS[r]).append(" |");
      for (Map.Entry<Language, double[][]> e : totals.entrySet()) {
        double[] t = e.getValue()[r];
        double success = t[0] / t[2];
        double mrr = t[1] / t[2];
        md.append(String.format(Locale.ROOT, " %.2f | %.2f |", success, mrr));
        metrics.put(KEYS[r] + "_success10_" + e.getKey().code(), round(success));
        metrics.put(KEYS[r] + "_mrr_" + e.getKey().code(), round(mrr));
      }
      md.append('\n');
    }
    return new Benchmark.Report(md.toString(), metrics);
  }

  private static double round(double value) {
    return Math.round(value * 1000) / 1000.0;
  }

  private static List<ConceptUri> ranked(List<Ranked> items, MatchIndex index) {
    return items.stream().map(r -> index.occupations().get(r.position()).uri()).toList();
  }

  private static List<ConceptUri> byScores(double[] scores, MatchIndex index) {
    return IntStream.range(0, scores.length)
        .boxed()
        .sorted(Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparing(i -> i))
        .limit(100)
        .map(i -> index.occupations().get(i).uri())
        .toList();
  }

  /** Occupations by how many of their essential and optional skills the person holds. */
  private static List<ConceptUri> byOverlap(MatchProfile profile, MatchIndex index) {
    List<OccupationEntry> occupations = index.occupations();
    int[] counts = new int[occupations.size()];
    for (int i = 0; i < counts.length; i++) {
      OccupationEntry o = occupations.get(i);
      counts[i] =
          (int)
              (Arrays.stream(o.essential()).filter(profile::holds).count()
                  + Arrays.stream(o.optional()).filter(profile::holds).count());
    }
    return IntStream.range(0, counts.length)
        .boxed()
        .filter(i -> counts[i] > 0)
        .sorted(Comparator.comparingInt((Integer i) -> -counts[i]).thenComparing(i -> i))
        .limit(100)
        .map(i -> occupations.get(i).uri())
        .toList();
  }

  private static int firstAccepted(
      List<ConceptUri> ranking, Set<ConceptUri> accepted, Map<ConceptUri, Integer> known) {
    for (int i = 0; i < ranking.size(); i++) {
      if (accepted.contains(ranking.get(i)) && known.containsKey(ranking.get(i))) {
        return i + 1;
      }
    }
    return 0;
  }

  private static List<Item> read(Path file) {
    List<Item> items = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      int number = 0;
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = JsonMapper.shared().readTree(line);
        } catch (RuntimeException e) {
          throw new InvalidInputException(file.toString(), number, "line", "not JSON");
        }
        String text = node.path("text").asString("");
        Language language = Language.fromCode(node.path("lang").asString("")).orElse(null);
        if (text.isBlank() || language == null || !node.path("accepted").isArray()) {
          throw new InvalidInputException(
              file.toString(),
              number,
              text.isBlank() ? "text" : language == null ? "lang" : "accepted",
              "each line needs \"text\", \"lang\" (fi, sv, en, no) and an \"accepted\" array of"
                  + " ESCO occupation URIs");
        }
        Set<ConceptUri> accepted = new LinkedHashSet<>();
        for (JsonNode uri : node.path("accepted")) {
          try {
            accepted.add(ConceptUri.of(uri.asString("")));
          } catch (IllegalArgumentException e) {
            throw new InvalidInputException(file.toString(), number, "accepted", e.getMessage());
          }
        }
        items.add(new Item(node.path("id").asString("line " + number), language, text, accepted));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return items;
  }
}
