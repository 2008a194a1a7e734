package fi.osaava.regionalintelligence.internal;

import fi.osaava.labourmarket.AdDemand;
import fi.osaava.platform.Language;
import fi.osaava.regionalintelligence.SyntheticSurveys;
import fi.osaava.regionalintelligence.internal.overview.OverviewAggregates;
import fi.osaava.regions.Area;
import fi.osaava.regions.AreaLevel;
import fi.osaava.regions.RegionsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * {@code ./osaava generate survey-responses}: a synthetic competence-needs survey (its titles say
 * so in every language) with a scale, a single-choice and, where skills are given, an ESCO-skills
 * question, and {@code count} submitted responses of companies with random backgrounds (a TOL
 * division, a size class, a municipality; larger towns more often). The survey is closed and
 * published, so that its figures reach the results pages and the regional overview, suppressed as
 * any survey's. For demonstrations and scale tests (the overview's benchmark).
 */
@Component
public class SyntheticSurveyResponses implements SyntheticSurveys {

  /** Responses written per statement batch. */
  private static final int BATCH = 1_000;

  private final SurveyStore store;
  private final SurveyService surveys;
  private final RegionsApi regions;
  private final Industries industries;
  private final OverviewAggregates overview;

  SyntheticSurveyResponses(
      SurveyStore store,
      SurveyService surveys,
      RegionsApi regions,
      Industries industries,
      OverviewAggregates overview) {
    this.store = store;
    this.surveys = surveys;
    this.regions = regions;
    this.industries = industries;
    this.overview = overview;
  }

  /** With the 40 skills most asked for in the overview's job ads (none: no skills question). */
  @Override
  public Generated generateSurveyResponses(int count, long seed, String organisation) {
    List<String> skills =
        overview
            .snapshot()
            .items(OverviewAggregates.COUNTRY, AdDemand.Kind.SKILL)
            .entrySet()
            .stream()
            .sorted(
                java.util.Comparator.comparing(
                        (Map.Entry<String, OverviewAggregates.Count> e) -> -e.getValue().current())
                    .thenComparing(Map.Entry::getKey))
            .limit(40)
            .map(Map.Entry::getKey)
            .toList();
    Generated generated = generate(count, seed, organisation, skills);
    overview.invalidate();
    return generated;
  }

  /**
   * @param skills ESCO skill URIs the companies name (three to six each, the first ones more
   *     often); none: no skills question
   */
  public Generated generate(int count, long seed, String organisation, List<String> skills) {
    if (count < 1) {
      throw new IllegalArgumentException("count: at least 1");
    }
    List<Area> municipalities = regions.areas(AreaLevel.MUNICIPALITY);
    if (municipalities.isEmpty()) {
      throw new IllegalStateException("Import the regions first: responses need municipalities");
    }
    List<String> divisions = new ArrayList<>();
    industries
        .sections()
        .forEach(s -> industries.divisionsOf(s.code()).forEach(d -> divisions.add(d.code())));
    SplittableRandom random = new SplittableRandom(seed);
    UUID id =
        store.create(
            organisation,
            Map.of(
                Language.FI, "Synteettinen osaamistarvekysely (" + seed + ")",
                Language.SV, "Syntetisk enkät om kompetensbehov (" + seed + ")",
                Language.EN, "Synthetic competence-needs survey (" + seed + ")"));
    store.addQuestion(
        id,
        QuestionKind.SCALE,
        Map.of(
            Language.FI, "Kuinka tärkeää henkilöstön osaamisen kehittäminen on?",
            Language.SV, "Hur viktigt är det att utveckla personalens kompetens?",
            Language.EN, "How important is developing the staff's competences?"),
        Map.of());
    store.addQuestion(
        id,
        QuestionKind.SINGLE_CHOICE,
        Map.of(
            Language.FI, "Teettekö yhteistyötä oppilaitosten kanssa?",
            Language.SV, "Samarbetar ni med läroanstalter?",
            Language.EN, "Do you cooperate with educational institutions?"),
        Map.of(
            Language.FI, List.of("Kyllä", "Ei", "Suunnitteilla"),
            Language.SV, List.of("Ja", "Nej", "Planeras"),
            Language.EN, List.of("Yes", "No", "Planned")));
    if (!skills.isEmpty()) {
      store.addQuestion(
          id,
          QuestionKind.ESCO_SKILL,
          Map.of(
              Language.FI, "Mitä osaamista tarvitsette eniten?",
              Language.SV, "Vilken kompetens behöver ni mest?",
              Language.EN, "Which skills do you need most?"),
          Map.of());
    }
    store.open(id);
    List<Survey.Question> questions = store.find(id).orElseThrow().questions();
    List<SurveyResponse> batch = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      batch.add(response(id, questions, skills, divisions, municipalities, random));
      if (batch.size() == BATCH || i == count - 1) {
        store.insertSubmitted(batch);
        batch.clear();
      }
    }
    store.close(id);
    surveys.publish(store.find(id).orElseThrow());
    return new Generated(id, count);
  }

  private static SurveyResponse response(
      UUID survey,
      List<Survey.Question> questions,
      List<String> skills,
      List<String> divisions,
      List<Area> municipalities,
      SplittableRandom random) {
    // The square skews the draw to the list's start: the first municipalities and skills (the
    // regions module lists the larger towns first within a region; the caller's skills by demand).
    Area municipality = municipalities.get(skewed(random, municipalities.size()));
    Map<String, List<String>> answers = new java.util.HashMap<>();
    for (Survey.Question q : questions) {
      List<String> answer =
          switch (q.kind()) {
            case SCALE -> List.of(Integer.toString(1 + random.nextInt(5)));
            case SINGLE_CHOICE -> List.of(Integer.toString(random.nextInt(3)));
            default -> {
              int n = Math.min(skills.size(), 3 + random.nextInt(4));
              java.util.LinkedHashSet<String> named = new java.util.LinkedHashSet<>();
              while (named.size() < n) {
                named.add(skills.get(skewed(random, skills.size())));
              }
              yield List.copyOf(named);
            }
          };
      answers.put(q.id().toString(), answer);
    }
    return new SurveyResponse(
        UUID.randomUUID(),
        survey,
        SurveyStore.newToken(),
        divisions.get(random.nextInt(divisions.size())),
        SizeClass.values()[skewed(random, SizeClass.values().length)].name(),
        municipality.code(),
        List.of("fi", "fi", "fi", "sv", "en").get(random.nextInt(5)),
        answers,
        java.time.Instant.now());
  }

  private static int skewed(SplittableRandom random, int size) {
    double u = random.nextDouble();
    return Math.min(size - 1, (int) (u * u * size));
  }
}
