package fi.osaava.servicenetwork.internal.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.ReferenceData;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.platform.Language;
import fi.osaava.servicenetwork.LifeSituation;
import fi.osaava.servicenetwork.ServiceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The catalogue reader and the documented-format reader without Spring: the real file's counts,
 * languages and classification, and bad fields named by line.
 */
class PtvReaderTest {

  static List<ServiceRecord> real() throws IOException {
    return PtvReader.read(
        Files.readAllBytes(
            ReferenceData.directory().resolve("services/ptv-general-descriptions-2022.json")),
        "ptv-general-descriptions-2022.json");
  }

  @Test
  void readsEveryDescriptionOfTheRealFile() throws IOException {
    List<ServiceRecord> records = real();
    assertThat(records).hasSize(458);
    assertThat(records).allMatch(ServiceRecord::generalDescription);
    assertThat(records.stream().filter(r -> r.name().containsKey(Language.FI))).hasSize(458);
    assertThat(records.stream().filter(r -> r.name().containsKey(Language.SV))).hasSize(337);
    assertThat(records.stream().filter(r -> r.name().containsKey(Language.EN))).hasSize(334);
    assertThat(records)
        .noneMatch(r -> r.description().values().stream().anyMatch(d -> d.startsWith("{")));
    Map<ServiceType, Long> types =
        records.stream().collect(Collectors.groupingBy(ServiceRecord::type, Collectors.counting()));
    System.out.println("Types of the general descriptions: " + types);
    long withSituation = records.stream().filter(r -> !r.lifeSituations().isEmpty()).count();
    System.out.println("With a life situation: " + withSituation);
    assertThat(withSituation).isBetween(55L, 110L);
    ServiceRecord apprenticeship =
        records.stream()
            .filter(r -> "Oppisopimuskoulutus".equals(r.name().get(Language.FI)))
            .findFirst()
            .orElseThrow();
    assertThat(apprenticeship.type()).isEqualTo(ServiceType.TRAINING);
    assertThat(apprenticeship.lifeSituations())
        .contains(LifeSituation.CHANGING_CAREER, LifeSituation.YOUNG_WITHOUT_DEGREE);
    Function<String, ServiceRecord> byEnglish =
        name ->
            records.stream()
                .filter(r -> name.equals(r.name().get(Language.EN)))
                .findFirst()
                .orElseThrow();
    assertThat(byEnglish.apply("Advice for startups").lifeSituations())
        .contains(LifeSituation.ENTREPRENEUR);
    assertThat(byEnglish.apply("Service counselling for the unemployed").type())
        .isEqualTo(ServiceType.GUIDANCE);
    assertThat(byEnglish.apply("Physiotherapy services").lifeSituations()).isEmpty();
    assertThat(byEnglish.apply("Physiotherapy services").type()).isEqualTo(ServiceType.OTHER);
  }

  @Test
  void aBadLabelIsNamedByLineAndField() {
    String input =
        """
        [
          {"Id": "00101b14-33b7-4da8-8c13-3a994c50a472", "Name": [{"Lang": "fi", "Label": "A"}]},
          {"Id": "00101b14-33b7-4da8-8c13-3a994c50a473",
           "Name": [{"Lang": "fi", "Label": 5}]}
        ]
        """;
    assertThatThrownBy(() -> PtvReader.read(input.getBytes(StandardCharsets.UTF_8), "x.json"))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.line()).isEqualTo(3);
              assertThat(e.field()).isEqualTo("Name[0].Label");
            });
  }

  @Test
  void aProviderRecordIsCheckedFieldByField() {
    ServiceJsonReader.Areas areas =
        ServiceJsonReader.areas(c -> c.equals("06"), c -> c.equals("837"));
    String input =
        """
        [{"id": "a", "organisation": {"businessId": "0201256-7", "name": {"fi": "Oy"}},
          "name": {"fi": "A"}, "type": "GUIDANCE", "areas": ["country"]},
         {"id": "b", "organisation": {"name": {"fi": "Oy"}}, "name": {"fi": "B"},
          "type": "GUIDANCE", "areas": ["region:06"], "lifeSituation": ["UNEMPLOYED"]}]
        """;
    assertThatThrownBy(
            () -> ServiceJsonReader.read(input.getBytes(StandardCharsets.UTF_8), "p.json", areas))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.line()).isEqualTo(1);
              assertThat(e.field()).isEqualTo("organisation.businessId");
              assertThat(e.problem()).contains("and 1 more bad records");
            });
    assertThat(ServiceJsonReader.isBusinessId("0201256-6")).isTrue();
    assertThat(ServiceJsonReader.isBusinessId("0201256-7")).isFalse();
  }
}
