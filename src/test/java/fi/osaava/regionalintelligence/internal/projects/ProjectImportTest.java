package fi.osaava.regionalintelligence.internal.projects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fi.osaava.platform.BusinessId;
import fi.osaava.platform.InvalidInputException;
import fi.osaava.regionalintelligence.internal.projects.ProjectData.Dataset;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore.StoredActor;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore.StoredPartner;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore.StoredProject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The import format's checks, the business ID's check digit and the network figures. */
class ProjectImportTest {

  static final String HEADER =
      "project_id,project_name,start,end,funding_eur,funding_source,region,themes,"
          + "actor_id,actor_name,actor_kind,business_id,role\n";
  static final String SKILL = "http://data.europa.eu/esco/skill/known";

  final ProjectChecks checks =
      new ProjectChecks(
          new ProjectChecks.Known() {
            @Override
            public boolean region(String code) {
              return Set.of("01", "06").contains(code);
            }

            @Override
            public boolean concept(String uri) {
              return uri.equals(SKILL);
            }
          });

  Dataset read(String text) {
    return ProjectFileReader.read(
        text.getBytes(StandardCharsets.UTF_8), "projects.csv", checks, key -> key.equals("old"));
  }

  @Test
  void aCsvRowPerPartnerMakesProjectsWithTheirThemesAndPartners() {
    Dataset data =
        read(
            HEADER
                + "p1,Digi,2025-01-01,2025-12-31,1000,ESR+,01,"
                + SKILL
                + "|isco:25|green,a,A Oy,company,0201256-6,coordinator\n"
                + "p1,,,,,,,,b,B ry,association,,partner\n"
                + "p2,Toinen,2025-01-01,2025-12-31,0,JTF,06,tag:x,old,,,,partner\n");
    assertThat(data.actors()).extracting(ProjectData.Actor::key).containsExactly("a", "b");
    assertThat(data.projects()).hasSize(2);
    assertThat(data.projects().getFirst().themes()).containsExactly(SKILL, "isco:25", "tag:green");
    assertThat(data.projects().getFirst().partners())
        .extracting(ProjectData.Partner::actor)
        .containsExactly("a", "b");
  }

  @Test
  void aBadRecordIsNamedByLineAndFieldAndNothingIsRead() {
    assertThatThrownBy(
            () ->
                read(
                    HEADER
                        + "p1,Digi,2025-01-01,2025-12-31,1000,ESR+,01,green,a,A Oy,company,0201256-5,x\n"
                        + "p2,Toinen,2025-01-01,2024-12-31,0,JTF,06,green,a,,,,partner\n"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("line 2")
        .hasMessageContaining("'business_id'")
        .hasMessageContaining("1 more bad records");
    assertThatThrownBy(
            () ->
                read(
                    HEADER
                        + "p1,Digi,2025-01-01,2025-12-31,1000,ESR+,01,"
                        + "http://data.europa.eu/esco/skill/unknown,a,A Oy,company,,x\n"))
        .hasMessageContaining("line 2")
        .hasMessageContaining("'themes'");
    assertThatThrownBy(
            () -> read(HEADER + "p1,Digi,2025-01-01,2025-12-31,1000,ESR+,99,t,a,A,company,,x\n"))
        .hasMessageContaining("'region'");
    assertThatThrownBy(
            () -> read(HEADER + "p1,Digi,2025-01-01,2025-12-31,1000,ESR+,01,t,zz,,,,x\n"))
        .hasMessageContaining("'actor_name'");
  }

  @Test
  void jsonNamesTheLineOfTheBadRecord() {
    String json =
        """
        {"actors": [
          {"id": "a", "name": "A Oy", "kind": "company", "businessId": "0201256-6"}
        ],
         "projects": [
          {"id": "p1", "name": "Digi", "start": "2025-01-01", "end": "2025-12-31",
           "fundingEur": 1000, "fundingSource": "ESR+", "region": "01", "themes": ["green"],
           "partners": [{"actor": "a", "role": "coordinator"}]},
          {"id": "p2", "name": "Kaksi", "start": "2025-01-01", "end": "2025-12-31",
           "fundingEur": -5, "fundingSource": "ESR+", "region": "01", "themes": ["green"],
           "partners": [{"actor": "a", "role": "coordinator"}]}
        ]}
        """;
    assertThatThrownBy(() -> read(json))
        .hasMessageContaining("line 8")
        .hasMessageContaining("'fundingEur'");
    Dataset ok = read(json.replace("-5", "5"));
    assertThat(ok.projects()).hasSize(2);
    assertThat(ok.projects().get(1).fundingEur()).isEqualTo(5);
  }

  @Test
  void businessIdsHaveTheirCheckDigit() {
    assertThat(BusinessId.isValid("0201256-6")).isTrue();
    assertThat(BusinessId.isValid("0201256-5")).isFalse();
    assertThat(BusinessId.isValid("201256-6")).isFalse();
    for (int n = 1_000_000; n < 1_000_300; n++) {
      BusinessId.of(n).ifPresent(id -> assertThat(BusinessId.isValid(id)).as(id).isTrue());
    }
  }

  @Test
  void theNetworkRanksTheBrokerAndFindsTheClusters() {
    StoredActor a = actor("A", null);
    StoredActor b = actor("B", "0201256-6");
    StoredActor bAgain = actor("B registered by another", "0201256-6");
    StoredActor c = actor("C", null);
    StoredActor d = actor("D", null);
    StoredActor e = actor("E", null);
    List<StoredProject> projects =
        List.of(project("p1", a, b), project("p2", bAgain, c), project("p3", d, e));
    ActorNetwork network = new ActorNetwork(projects);
    // B is one node (the same business ID), between A and C.
    assertThat(network.actors()).hasSize(5);
    ActorNetwork.ActorFigures top = network.actors().getFirst();
    assertThat(top.actor().businessId()).isEqualTo("0201256-6");
    assertThat(top.partners()).isEqualTo(2);
    assertThat(top.projects()).isEqualTo(2);
    assertThat(top.betweenness()).isGreaterThan(0);
    assertThat(network.actors().get(1).betweenness()).isZero();
    assertThat(network.clusters()).hasSize(2);
    assertThat(network.clusters().getFirst().projects()).isEqualTo(2);
    assertThat(network.clusters().getFirst().actors()).hasSize(3);
    String svg = network.svg("t", "d", java.util.Map.of());
    assertThat(svg).contains("<circle").contains("<rect").contains("<line");
    assertThat(svg).isEqualTo(new ActorNetwork(projects).svg("t", "d", java.util.Map.of()));
  }

  static StoredActor actor(String name, String businessId) {
    return new StoredActor(
        UUID.randomUUID(), "org", name, name, ActorKind.COMPANY, businessId, false);
  }

  static StoredProject project(String name, StoredActor... partners) {
    List<StoredPartner> list = new ArrayList<>();
    for (StoredActor p : partners) {
      list.add(new StoredPartner(p, "partner"));
    }
    return new StoredProject(
        UUID.randomUUID(),
        "org",
        name,
        name,
        LocalDate.of(2025, 1, 1),
        LocalDate.of(2025, 12, 31),
        0,
        "ESR+",
        "01",
        false,
        List.of("tag:x"),
        list);
  }
}
