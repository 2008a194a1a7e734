package fi.osaava.regionalintelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import fi.osaava.profile.AnonymisedWorkMoves;
import fi.osaava.profile.WorkMove;
import fi.osaava.regionalintelligence.internal.ExpertMobility;
import fi.osaava.regionalintelligence.internal.MobilityFlows;
import fi.osaava.web.WebTestBase;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.ObjectMapper;

/**
 * The moves of experts are counted from consenting people only: work histories entered through the
 * profile's API, some people consenting to anonymised statistics, some not, one revoking. The
 * figures are published one complete year at a time, so each scenario uses a year of its own long
 * ago (2002 to 2008), where the shared database's other people never fall.
 */
class ExpertMobilityConsentTest extends WebTestBase {

  @Autowired AnonymisedWorkMoves moves;
  @Autowired ExpertMobility mobility;
  @Autowired ObjectMapper json;
  @Autowired Clock clock;

  /** A person who worked in Helsinki (Uusimaa) and then, from {@code moved}, in Tampere. */
  RequestPostProcessor mover(LocalDate moved, String occupation) throws Exception {
    RequestPostProcessor who = oidc.person("mover-" + UUID.randomUUID());
    job(who, "091", moved.minusYears(3), moved.minusDays(1), null);
    job(who, "837", moved, null, occupation);
    return who;
  }

  void job(
      RequestPostProcessor who,
      String municipality,
      LocalDate start,
      LocalDate end,
      String occupation)
      throws Exception {
    Map<String, Object> body = new java.util.HashMap<>();
    body.put("kind", "WORK");
    body.put("title", "Ohjelmistokehittäjä");
    body.put("start", start.toString());
    if (end != null) {
      body.put("end", end.toString());
    }
    body.put("municipality", municipality);
    mvc.perform(
            post("/api/v1/profile/experiences")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(body)))
        .andExpect(status().isCreated());
  }

  void consent(RequestPostProcessor who, boolean granted) throws Exception {
    mvc.perform(
            put("/api/v1/profile/consents/ANONYMISED_STATISTICS")
                .with(who)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"granted\":" + granted + "}"))
        .andExpect(status().isOk());
  }

  @Test
  void onlyConsentingPeopleAreCountedAndARevocationTakesThemOut() throws Exception {
    Year year = Year.of(2003);
    LocalDate month = year.atMonth(5).atDay(1);
    List<RequestPostProcessor> consenting = new java.util.ArrayList<>();
    for (int i = 0; i < 7; i++) {
      RequestPostProcessor who = mover(month.plusDays(i), null);
      consent(who, true);
      consenting.add(who);
    }
    for (int i = 0; i < 4; i++) {
      RequestPostProcessor who = mover(month.plusDays(i), null);
      if (i % 2 == 0) {
        consent(who, false); // said no; the others never decided
      }
    }
    LocalDate first = year.atDay(1);
    LocalDate last = year.atMonth(12).atEndOfMonth();

    List<WorkMove> read = moves.consentedWorkMoves(first, last);
    assertThat(read).hasSize(7);
    assertThat(read)
        .allSatisfy(
            m -> {
              assertThat(m.fromMunicipality()).isEqualTo("091");
              assertThat(m.toMunicipality()).isEqualTo("837");
              assertThat(m.moved()).isEqualTo(month); // the month only, never the day
              assertThat(m.synthetic()).isFalse();
            });

    consent(consenting.getFirst(), false);
    assertThat(moves.consentedWorkMoves(first, last)).hasSize(6);
    // The year's first read comes after the revocation: the person is in no figure.
    ExpertMobility.Figures figures = mobility.figures(year);
    assertThat(figures.year()).isEqualTo(year);
    assertThat(figures.counted()).isEqualTo(6);
    assertThat(figures.published().get("flow|01|06")).isEqualTo(6L);
    assertThat(figures.published().get("in|06")).isEqualTo(6L);
  }

  @Test
  void fourMoversPublishNothing() throws Exception {
    Year year = Year.of(2002);
    for (int i = 0; i < 4; i++) {
      consent(mover(year.atMonth(8).atDay(1), null), true);
    }
    ExpertMobility.Figures four = mobility.figures(year);
    assertThat(four.counted()).isEqualTo(4);
    assertThat(four.published().get("flow|01|06")).as("4 people are not published").isNull();
    assertThat(four.published().shown()).isEmpty();
  }

  /**
   * One complete year at a time: the current year, a year not yet over, and a span of years (which
   * could be set against an overlapping span to reveal the people between them) are refused, naming
   * the parameter; a complete year is served, by {@code year} or by an old link whose {@code from}
   * and {@code to} name it.
   */
  @Test
  void onlyOneCompleteYearIsPublished() throws Exception {
    int current = Year.now(clock).getValue();
    String[][] refused = {
      {"year", "year", String.valueOf(current)},
      {"year", "year", String.valueOf(current + 1)},
      {"from", "from", String.valueOf(current), "to", String.valueOf(current)},
      {"to", "from", String.valueOf(current - 5), "to", String.valueOf(current - 1)},
      {"to", "from", String.valueOf(current - 4), "to", String.valueOf(current - 1)},
      {"to", "from", String.valueOf(current - 1)},
      {"from", "to", String.valueOf(current - 1)},
      {"from", "year", "2008", "from", "2007", "to", "2008"},
      {"year", "year", "2008-2009"}
    };
    for (String[] c : refused) {
      var request = get("/regional-mobility").param("lang", "en");
      for (int i = 1; i < c.length; i += 2) {
        request.param(c[i], c[i + 1]);
      }
      var result = mvc.perform(request).andReturn();
      String what = String.join(" ", c);
      assertThat(result.getResponse().getStatus()).as(what).isEqualTo(400);
      assertThat(result.getResolvedException())
          .as(what)
          .isInstanceOf(fi.osaava.platform.InvalidInputException.class)
          .hasMessageContaining(c[0]);
    }

    for (String[] link : new String[][] {{"year", "2008"}, {"from", "2008", "to", "2008"}}) {
      var request = get("/regional-mobility").param("lang", "en");
      for (int i = 0; i < link.length; i += 2) {
        request.param(link[i], link[i + 1]);
      }
      String page =
          mvc.perform(request)
              .andExpect(status().isOk())
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page)
          .contains("<option value=\"2008\" selected=\"selected\">2008</option>")
          .doesNotContain("<option value=\"" + current + "\"")
          .contains("id=\"method-period\"");
    }
  }

  @Test
  void theMobilityPageShowsPublishedFlowsAndHidesSmallOnes() throws Exception {
    LocalDate month = LocalDate.of(2004, 9, 1);
    for (int i = 0; i < 7; i++) {
      consent(mover(month, null), true);
    }
    String page =
        mvc.perform(
                get("/regional-mobility")
                    .param("area", "06")
                    .param("year", "2004")
                    .param("lang", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(page).contains("id=\"ri-flow-map\"").contains("id=\"ri-flow-diagram\"");
    assertThat(page).contains("flows-table").contains("Net migration, statistics year");
    // Nobody moved between Pirkanmaa's sub-regions in 2004: the section says nothing is published.
    assertThat(page).contains("Moves between the sub-regions of Pirkanmaa").contains("sub-nothing");
    assertThat(page).doesNotContain("sub-flows-table");

    // The same 7 people by sub-region, in the national system: they left the Helsinki sub-region
    // (011) for another region and arrived in the Tampere sub-region (064) from another region.
    ExpertMobility.Figures figures = mobility.figures(Year.of(2004));
    assertThat(figures.published().get("sout|011")).isEqualTo(7L);
    assertThat(figures.published().get("sin|064")).isEqualTo(7L);
    assertThat(figures.published().get("sgout|011|X")).isEqualTo(7L);
    String uusimaa =
        mvc.perform(
                get("/regional-mobility")
                    .param("area", "01")
                    .param("year", "2004")
                    .param("lang", "en"))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString();
    String across = uusimaa.substring(uusimaa.indexOf("id=\"across-heading\""));
    across = across.substring(0, across.indexOf("id=\"sub-flows-heading\""));
    assertThat(across).contains("id=\"ri-across-chart\"").contains("Left for other regions");
    // Helsinki's row: nobody arrived from another region, 7 left for one.
    assertThat(across)
        .containsPattern("Helsinki</th>\\s*<td[^>]*>0</td>\\s*<td[^>]*>7</td>\\s*<td[^>]*>-7</td>");
    // And by the region they went to: all 7 left the Helsinki sub-region for Pirkanmaa, a flow of
    // the same national system listed under the sub-region table.
    assertThat(figures.published().get("sflow|011|06")).isEqualTo(7L);
    assertThat(figures.published().get("sflowin|01|064")).isEqualTo(7L);
    String acrossFlows = uusimaa.substring(uusimaa.indexOf("id=\"across-flows-heading\""));
    acrossFlows = acrossFlows.substring(0, acrossFlows.indexOf("</table>"));
    assertThat(acrossFlows)
        .contains("Flows between the sub-regions of Uusimaa and other regions")
        .contains("id=\"across-flows-table\"")
        .containsPattern("Helsinki</td>\\s*<td[^>]*>Pirkanmaa</td>\\s*<td[^>]*>7</td>");
  }

  /** A person who worked in Valkeakoski and then, from {@code moved}, in Tampere (Pirkanmaa). */
  RequestPostProcessor withinPirkanmaa(LocalDate moved, String from, String to) throws Exception {
    RequestPostProcessor who = oidc.person("local-" + UUID.randomUUID());
    job(who, from, moved.minusYears(2), moved.minusDays(1), null);
    job(who, to, moved, null, null);
    return who;
  }

  @Test
  void movesBetweenARegionsSubRegionsAreItsOwnSystemAndInNoNationalFigure() throws Exception {
    LocalDate month = LocalDate.of(2005, 3, 1);
    // Valkeakoski (Etelä-Pirkanmaa, 063) to Tampere (064): 6; back the other way: 6.
    for (int i = 0; i < 6; i++) {
      consent(withinPirkanmaa(month, "908", "837"), true);
      consent(withinPirkanmaa(month, "837", "908"), true);
    }
    Year year = Year.of(2005);
    ExpertMobility.Figures within = mobility.withinRegion("06", year);
    assertThat(within.published().get("all")).isEqualTo(12L);
    assertThat(within.published().get("flow|063|064")).isEqualTo(6L);
    assertThat(within.published().get("flow|064|063")).isEqualTo(6L);
    assertThat(within.counted()).isEqualTo(12);
    // The same people are in no national figure, and in no other region's system.
    assertThat(mobility.figures(year).published().isEmpty()).isTrue();
    assertThat(mobility.withinRegion("01", year).published().isEmpty()).isTrue();

    String page = page("2005", null, "en");
    assertThat(page)
        .contains("Moves between the sub-regions of Pirkanmaa")
        .contains("id=\"sub-flows-table\"")
        .contains("id=\"ri-sub-flow-diagram\"")
        .contains("Etelä-Pirkanmaa")
        .contains("id=\"method-sub-regions\"")
        .doesNotContain("sub-nothing");
    assertThat(page).contains("id=\"no-movers\""); // nobody between regions in 2005

    // The occupation-group filter applies to the flows: nobody's in group 2.
    assertThat(page("2005", "2", "en"))
        .contains("id=\"no-sub-flows\"")
        .doesNotContain("sub-flows-table");
  }

  @Test
  void aSmallFlowBesideALargeOneIsHiddenAndThePageSaysSo() throws Exception {
    LocalDate month = LocalDate.of(2007, 6, 1);
    for (int i = 0; i < 6; i++) {
      consent(withinPirkanmaa(month, "908", "837"), true);
    }
    for (int i = 0; i < 2; i++) {
      consent(withinPirkanmaa(month, "837", "908"), true);
    }
    ExpertMobility.Figures within = mobility.withinRegion("06", Year.of(2007));
    // 2 back: hidden, and with two sub-regions and one group every figure of a sub-region would
    // give it away (6 beside the 8), so all of them are hidden; the 8 alone reveals nothing.
    MobilityFlows.Published p = within.published();
    assertThat(p.get("flow|063|064")).as("2 people").isNull();
    for (String key : List.of("flow|064|063", "out|063", "out|064", "in|063", "in|064")) {
      assertThat(p.get(key)).as(key).isNull();
    }
    assertThat(p.get("all")).isEqualTo(8L);
    assertThat(within.counted()).isEqualTo(8);
    String page = page("2007", null, "en");
    String section = page.substring(page.indexOf("id=\"sub-flows-heading\""));
    section = section.substring(0, section.indexOf("id=\"ads-heading\""));
    assertThat(section)
        .contains("Pirkanmaa: 8 (2007)")
        .contains("id=\"no-sub-flows\"")
        .doesNotContain("id=\"sub-flow-diagram-figure\"")
        .doesNotContain(">6<")
        .doesNotContain(">2<");
    // The table marks both flows as not published, never as 2 or 6.
    String flows = section.substring(section.indexOf("id=\"sub-flows-table\""));
    assertThat(flows)
        .contains("not published")
        .doesNotContainPattern("numeric\">\\s*[26]\\s*</td>");
  }

  String page(String year, String group, String language) throws Exception {
    var request =
        get("/regional-mobility").param("area", "06").param("year", year).param("lang", language);
    if (group != null) {
      request.param("group", group);
    }
    return mvc.perform(request)
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString();
  }

  @Test
  void fourPeopleBetweenSubRegionsPublishNothing() throws Exception {
    LocalDate month = LocalDate.of(2006, 4, 1);
    for (int i = 0; i < 4; i++) {
      consent(withinPirkanmaa(month, "908", "837"), true);
    }
    String page = page("2006", null, "fi");
    assertThat(page).contains("id=\"sub-nothing\"").doesNotContain("sub-moves-caption");
    assertThat(page).contains("Muutot maakunnan sisällä seutukuntien välillä: Pirkanmaa");
  }

  @Test
  void anUnknownMunicipalityIsRefusedNamingTheField() throws Exception {
    RequestPostProcessor who = oidc.person("typo-" + UUID.randomUUID());
    var result =
        mvc.perform(
                post("/api/v1/profile/experiences")
                    .with(who)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"kind\":\"WORK\",\"title\":\"Kokki\",\"municipality\":\"999\"}"))
            .andReturn();
    assertThat(result.getResponse().getStatus()).isEqualTo(400);
    assertThat(result.getResponse().getContentAsString()).contains("municipality");
  }

  @Test
  void thePageFormTakesTheNotGivenChoiceAndRefusesAMalformedCode() throws Exception {
    RequestPostProcessor who = oidc.person("form-" + UUID.randomUUID());
    // The select's "not given" option sends an empty value, which must save like no field at all.
    var saved =
        mvc.perform(
                post("/profile/experiences")
                    .with(who)
                    .param("kind", "WORK")
                    .param("title", "Kokki")
                    .param("municipality", ""))
            .andReturn()
            .getResponse();
    assertThat(saved.getStatus()).isBetween(300, 399);
    var refused =
        mvc.perform(
                post("/profile/experiences")
                    .with(who)
                    .param("kind", "WORK")
                    .param("title", "Kokki")
                    .param("municipality", "12"))
            .andReturn()
            .getResponse();
    assertThat(refused.getStatus()).isEqualTo(400);
    assertThat(refused.getContentAsString()).contains("id=\"municipality-error\"");
  }
}
