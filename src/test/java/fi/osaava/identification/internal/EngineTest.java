package fi.osaava.identification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.SystemPackages;
import fi.osaava.identification.MatchReason;
import fi.osaava.platform.Language;
import fi.osaava.taxonomy.ConceptRecord;
import fi.osaava.taxonomy.ConceptRecord.Label;
import fi.osaava.taxonomy.ConceptType;
import fi.osaava.taxonomy.ConceptUri;
import fi.osaava.taxonomy.LabelKind;
import fi.osaava.taxonomy.OccupationSkill;
import fi.osaava.taxonomy.RelationType;
import fi.osaava.text.FinnishMorphology;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The engine on a handful of concepts written here, with the real Voikko, so each mechanism
 * (inflection, compounds, order, languages, the occupation graph, robustness) is tested on its own.
 * The whole of ESCO is exercised by IdentificationIntegrationTest.
 */
class EngineTest {

  static final String PROJECT_MANAGEMENT = "http://data.europa.eu/esco/skill/pm";
  static final String JAVA = "http://data.europa.eu/esco/skill/java";
  static final String CUSTOMER_SERVICE = "http://data.europa.eu/esco/skill/cs";
  static final String BUDGETS = "http://data.europa.eu/esco/skill/budget";
  static final String NURSE = "http://data.europa.eu/esco/occupation/nurse";
  static final String DEVELOPER = "http://data.europa.eu/esco/occupation/dev";

  static Engine engine;
  static FinnishMorphology morphology;

  @BeforeAll
  static void build() {
    morphology = FinnishMorphology.create(true);
    List<ConceptRecord> records =
        List.of(
            skill(
                PROJECT_MANAGEMENT,
                "Project management is the planning of projects.",
                label(Language.EN, LabelKind.PREFERRED, "project management"),
                label(Language.EN, LabelKind.ALTERNATIVE, "managing projects"),
                label(Language.FI, LabelKind.PREFERRED, "projektinhallinta")),
            skill(
                JAVA,
                "The techniques of software development in Java.",
                label(Language.EN, LabelKind.PREFERRED, "Java (computer programming)"),
                label(Language.FI, LabelKind.PREFERRED, "Java (tietokoneohjelmointi)")),
            skill(
                CUSTOMER_SERVICE,
                "Processes related to the customer.",
                label(Language.EN, LabelKind.PREFERRED, "customer service"),
                label(Language.FI, LabelKind.PREFERRED, "asiakaspalvelu")),
            skill(
                BUDGETS,
                "Plan, monitor and report on the budget.",
                label(Language.EN, LabelKind.PREFERRED, "manage budgets"),
                label(Language.FI, LabelKind.PREFERRED, "hallinnoida budjetteja")),
            occupation(
                NURSE,
                "2221",
                label(Language.EN, LabelKind.PREFERRED, "nurse"),
                label(Language.FI, LabelKind.PREFERRED, "sairaanhoitaja"),
                label(Language.SV, LabelKind.PREFERRED, "sjuksköterska")),
            occupation(
                DEVELOPER,
                "2512",
                label(Language.EN, LabelKind.PREFERRED, "software developer"),
                label(Language.FI, LabelKind.PREFERRED, "ohjelmistokehittäjä"),
                label(Language.SV, LabelKind.PREFERRED, "systemutvecklare")));
    List<OccupationSkill> relations =
        List.of(relation(NURSE, CUSTOMER_SERVICE), relation(DEVELOPER, JAVA));
    engine = new Engine(new EscoSnapshot(records, relations), morphology, FusionWeights.DEFAULT);
  }

  @Test
  void findsFinnishInflectedCompoundsWithEvidence() {
    SystemPackages.require(morphology.isVoikkoAvailable(), "Voikko (libvoikko1, voikko-fi)");
    String text = "Vastasin projektinhallinnasta ja asiakaspalvelusta.";
    Analysis a = analyze(text, Language.FI);
    Candidate pm = find(a.skills(), PROJECT_MANAGEMENT).orElseThrow();
    assertThat(pm.reason()).isEqualTo(MatchReason.MORPHOLOGICAL);
    assertThat(evidence(text, pm)).containsExactly("projektinhallinnasta");
    assertThat(find(a.skills(), CUSTOMER_SERVICE)).isPresent();
  }

  @Test
  void findsAFinnishCompoundWrittenAsSeparateWords() {
    SystemPackages.require(morphology.isVoikkoAvailable(), "Voikko (libvoikko1, voikko-fi)");
    String text = "Olen vastannut projektien hallinnasta.";
    Candidate pm = find(analyze(text, Language.FI).skills(), PROJECT_MANAGEMENT).orElseThrow();
    assertThat(evidence(text, pm)).containsExactly("projektien hallinnasta");
  }

  @Test
  void findsLiteralEnglishLabelsWithoutTheirQualifier() {
    String text = "We use Java every day.";
    Candidate java = find(analyze(text, Language.EN).skills(), JAVA).orElseThrow();
    assertThat(java.reason()).isEqualTo(MatchReason.LITERAL);
    assertThat(evidence(text, java)).containsExactly("Java");
    assertThat(analyze(text, Language.EN).skills().getFirst().concept()).isEqualTo(java.concept());
  }

  @Test
  void matchesWordsInAnyOrderAndInflection() {
    String text = "Responsible for the management of several projects.";
    Candidate pm = find(analyze(text, Language.EN).skills(), PROJECT_MANAGEMENT).orElseThrow();
    assertThat(pm.reason()).isEqualTo(MatchReason.MORPHOLOGICAL);
    assertThat(evidence(text, pm)).containsExactly("management", "projects");
  }

  @Test
  void aFinnishAndAnEnglishTextYieldTheSameConcept() {
    SystemPackages.require(morphology.isVoikkoAvailable(), "Voikko (libvoikko1, voikko-fi)");
    Candidate fi = analyze("Osaan projektinhallinnan.", null).skills().getFirst();
    Candidate en = analyze("I know project management.", null).skills().getFirst();
    assertThat(engine.esco.uri(fi.concept()).value()).isEqualTo(PROJECT_MANAGEMENT);
    assertThat(en.concept()).isEqualTo(fi.concept());
  }

  @Test
  void splitsSwedishCompoundsAndFindsOccupationsByTitle() {
    String text = "Jag har arbetat som sjuksköterska och som systemutvecklare.";
    Analysis a = analyze(text, null);
    assertThat(a.language()).isEqualTo(Language.SV);
    assertThat(a.occupations())
        .extracting(c -> engine.esco.uri(c.concept()).value())
        .startsWith(NURSE, DEVELOPER)
        .hasSize(2);
  }

  @Test
  void anOccupationLendsItsEssentialSkills() {
    String text = "I worked as a nurse for ten years.";
    Analysis a = analyze(text, Language.EN);
    assertThat(find(a.occupations(), NURSE)).isPresent();
    Candidate service = find(a.skills(), CUSTOMER_SERVICE).orElseThrow();
    assertThat(service.reason()).isEqualTo(MatchReason.RELATED);
    assertThat(evidence(text, service)).containsExactly("nurse");
    // The ISCO unit group of the occupation ranks too, though it has no concept here.
    assertThat(a.iscoGroups()).isEmpty();
  }

  @Test
  void emptyTextGivesNothingAndLongTextIsCutAndSaysSo() {
    assertThat(analyze("", null).skills()).isEmpty();
    assertThat(analyze("   \n ", null).skills()).isEmpty();
    String longText = "I know Java. ".repeat(5_000);
    Analysis a = analyze(longText, null);
    assertThat(a.truncated()).isTrue();
    assertThat(find(a.skills(), JAVA)).isPresent();
    assertThat(a.sentences().getLast().end()).isLessThanOrEqualTo(50_000);
  }

  @Test
  void randomInputNeitherCrashesNorSlowsDownAndEvidenceStaysInTheText() {
    Random random = new Random(20261122);
    String[] fragments = {
      "<p>",
      "</li>",
      "&amp;",
      "&#x1F600;",
      "&#0;",
      "\u0000",
      "\uD800",
      "\uDFFF",
      "Java",
      "projektinhallinta",
      "ääkkönen",
      "日本語",
      "Ελληνικά",
      "русский",
      "\u202E",
      "\r\n",
      "•",
      " ",
      "-",
      ".",
      "SQL",
      "C++",
      "&",
      "<",
      "\uFFFD",
      "sjuksköterska",
      "\u200B",
      "a".repeat(100)
    };
    long started = System.nanoTime();
    for (int i = 0; i < 300; i++) {
      StringBuilder b = new StringBuilder();
      int parts = random.nextInt(200);
      for (int p = 0; p < parts; p++) {
        if (random.nextBoolean()) {
          b.append(fragments[random.nextInt(fragments.length)]);
        } else {
          b.append((char) random.nextInt(0x3000));
        }
      }
      String text = b.toString();
      Language language = random.nextBoolean() ? null : Language.values()[random.nextInt(4)];
      Analysis a = analyze(text, language);
      for (Candidate c : a.skills()) {
        assertThat(c.score()).isBetween(0.0, 1.0);
        for (int[] span : c.spans()) {
          assertThat(span[0]).isBetween(0, span[1]);
          assertThat(span[1]).isLessThanOrEqualTo(text.length());
        }
      }
    }
    // 50,000 characters of pure junk, the most the engine reads.
    StringBuilder junk = new StringBuilder();
    for (int i = 0; i < 50_000; i++) {
      junk.append((char) random.nextInt(0x10000));
    }
    long junkStarted = System.nanoTime();
    analyze(junk.toString(), null);
    assertThat((System.nanoTime() - junkStarted) / 1e9).isLessThan(5.0);
    assertThat((System.nanoTime() - started) / 1e9).isLessThan(30.0);
  }

  /**
   * A Swedish text reaches skills that have no Swedish label through its gloss: the compound is
   * split against the learnt translations, the frame ("den studerande") is left out, and the
   * evidence points at the Swedish words.
   */
  @Test
  void swedishReachesEnglishLabelsThroughLearntTranslations() {
    Engine glossing = new Engine(engine.esco, morphology, FusionWeights.DEFAULT);
    ParallelCorpus corpus =
        new ParallelCorpus(glossing.forms.get(Language.SV), glossing.forms.get(Language.EN));
    for (int i = 0; i < 3; i++) {
      corpus.add("kund", "customer");
      corpus.add("tjänst", "service");
      corpus.add("kund tjänst", "customer service");
      corpus.add("budget", "budgets");
      corpus.add("studerande", "student");
    }
    glossing.attachTranslations(Map.of(Language.SV, WordTranslations.train(corpus.segments())));
    String text = "Den studerande lär sig kundtjänst.";
    List<Token> gloss = glossing.gloss(Tokenizer.tokenize(text, 0, text.length()), Language.SV);
    assertThat(gloss).extracting(Token::word).containsExactly("customer", "service");
    assertThat(gloss)
        .extracting(t -> text.substring(t.start(), t.end()))
        .containsOnly("kundtjänst");

    Analysis a = glossing.analyze(List.of(text), Language.SV, false, 10).getFirst();
    Candidate service = find(a.skills(), CUSTOMER_SERVICE).orElseThrow();
    assertThat(evidence(text, service)).containsExactly("kundtjänst");
    // Without translations the same text finds no skill: there are no Swedish skill labels.
    assertThat(find(analyze(text, Language.SV).skills(), CUSTOMER_SERVICE)).isEmpty();
  }

  @Test
  void finlandSwedishTitlesFindTheLabelsWrittenInSwedensUsage() {
    String text = "Jag har arbetat som sjukskötare i tio år.";
    Analysis a = analyze(text, Language.SV);
    Candidate nurse = find(a.occupations(), NURSE).orElseThrow();
    assertThat(evidence(text, nurse)).containsExactly("sjukskötare");
  }

  @Test
  void loanwordsFindTheirEnglishCognates() {
    EnglishCognates cognates =
        new EnglishCognates(
            java.util.Set.of("ecology", "biomechanics", "analyse", "physiology", "organisation"));
    assertThat(cognates.find("ekologi")).isEqualTo("ecology");
    assertThat(cognates.find("ekologia")).isEqualTo("ecology");
    assertThat(cognates.find("biomekanik")).isEqualTo("biomechanics");
    assertThat(cognates.find("analysera")).isEqualTo("analyse");
    assertThat(cognates.find("analysoida")).isEqualTo("analyse");
    assertThat(cognates.find("fysiologi")).isEqualTo("physiology");
    assertThat(cognates.find("organisaatio")).isEqualTo("organisation");
    assertThat(cognates.find("skog")).isNull();
  }

  static Analysis analyze(String text, Language language) {
    return engine.analyze(List.of(text), language, false, true, true, 20).getFirst();
  }

  static Optional<Candidate> find(List<Candidate> candidates, String uri) {
    return candidates.stream()
        .filter(c -> engine.esco.uri(c.concept()).value().equals(uri))
        .findFirst();
  }

  static List<String> evidence(String text, Candidate c) {
    List<String> texts = new ArrayList<>();
    for (int[] span : c.spans()) {
      texts.add(text.substring(span[0], span[1]));
    }
    return texts;
  }

  static Label label(Language language, LabelKind kind, String text) {
    return new Label(language, kind, text);
  }

  static ConceptRecord skill(String uri, String description, Label... labels) {
    return new ConceptRecord(
        ConceptUri.of(uri),
        ConceptType.SKILL,
        null,
        "skill/competence",
        "cross-sector",
        List.of(labels),
        Map.of(Language.EN, description));
  }

  static ConceptRecord occupation(String uri, String isco, Label... labels) {
    return new ConceptRecord(
        ConceptUri.of(uri), ConceptType.OCCUPATION, isco, null, null, List.of(labels), Map.of());
  }

  static OccupationSkill relation(String occupation, String skill) {
    return new OccupationSkill(
        ConceptUri.of(occupation), ConceptUri.of(skill), RelationType.ESSENTIAL);
  }
}
