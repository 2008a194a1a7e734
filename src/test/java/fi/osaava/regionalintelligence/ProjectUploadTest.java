package fi.osaava.regionalintelligence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import fi.osaava.regionalintelligence.internal.projects.ProjectRegistry;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore;
import fi.osaava.regionalintelligence.internal.projects.ProjectStore.StoredProject;
import fi.osaava.web.WebTestBase;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The web upload of actor and project files: the command line's importer stores all of a file under
 * the signed-in developer's organisation, or nothing with every bad record named by line and field;
 * a file never writes into another organisation's rows; hostile files are refused with a message,
 * never a 500; only the organisation's regional developers may upload, with a CSRF token.
 */
class ProjectUploadTest extends WebTestBase {

  static final String HEADER =
      "project_id,project_name,start,end,funding_eur,funding_source,region,themes,"
          + "actor_id,actor_name,actor_kind,business_id,role\n";

  @Autowired ProjectStore store;
  @Autowired ProjectRegistry registry;

  final String organisationA = "https://upload-a-" + UUID.randomUUID() + ".example.fi";
  final String organisationB = "https://upload-b-" + UUID.randomUUID() + ".example.fi";

  RequestPostProcessor developerOf(String organisation) {
    return oidc.person(
        "developer-" + UUID.randomUUID(),
        Map.of("osaava_roles", List.of("regional-developer"), "osaava_organisation", organisation));
  }

  MockHttpServletResponse upload(RequestPostProcessor who, MockMultipartFile file)
      throws Exception {
    return mvc.perform(
            multipart("/regional-projects/manage/import").file(file).param("lang", "en").with(who))
        .andReturn()
        .getResponse();
  }

  static MockMultipartFile csv(String name, String text) {
    return new MockMultipartFile("file", name, "text/csv", text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aFileIsStoredUnderTheSignedInOrganisationWithLinksToItsProjects() throws Exception {
    MockHttpServletResponse done =
        upload(
            developerOf(organisationA),
            csv(
                "C:\\fakepath\\hankkeet.csv",
                HEADER
                    + "p1,Digiloikka,2025-01-01,2026-12-31,250000,ESR+,01,isco:25|digitalisation,"
                    + "koulu,Esimerkkiopisto,education,1234567-1,coordinator\n"
                    + "p1,,,,,,,,konepaja,Konepaja Oy,company,1572861-9,partner\n"
                    + "p2,Kiertotalous,2026-03-01,2027-12-31,120000,JTF,01,circular economy,"
                    + "konepaja,,,,coordinator\n"));
    assertThat(done.getStatus()).isEqualTo(200);
    String page = done.getContentAsString();
    assertThat(page)
        .contains("govuk-notification-banner--success")
        .contains("hankkeet.csv: 2 actors and 2 projects imported.")
        .doesNotContain("fakepath");
    List<StoredProject> stored = store.projects(organisationA);
    assertThat(stored)
        .extracting(StoredProject::name)
        .containsExactly("Digiloikka", "Kiertotalous");
    for (StoredProject p : stored) {
      assertThat(page).contains("/regional-projects/manage/projects/" + p.id());
      assertThat(p.synthetic()).isFalse();
    }
    assertThat(store.actors(organisationA)).hasSize(2);
    // JSON, the same importer: a later upload with the same id updates the project.
    String json =
        """
        {"actors": [{"id": "yhdistys", "name": "Yhdistys ry", "kind": "association"}],
         "projects": [{"id": "p2", "name": "Kiertotalous 2", "start": "2026-03-01",
           "end": "2027-12-31", "fundingEur": "1", "fundingSource": "JTF", "region": "01",
           "themes": ["green"], "partners": [{"actor": "yhdistys", "role": "partner"},
           {"actor": "konepaja", "role": "coordinator"}]}]}
        """;
    MockHttpServletResponse again =
        upload(
            developerOf(organisationA),
            new MockMultipartFile(
                "file",
                "hankkeet.json",
                "application/json",
                json.getBytes(StandardCharsets.UTF_8)));
    assertThat(again.getStatus()).isEqualTo(200);
    assertThat(again.getContentAsString()).contains("1 actors and 1 projects imported.");
    assertThat(store.projects(organisationA))
        .extracting(StoredProject::name)
        .containsExactly("Digiloikka", "Kiertotalous 2");
    // The organisation's own page links to the upload.
    String manage =
        mvc.perform(
                get("/regional-projects/manage")
                    .param("lang", "en")
                    .with(developerOf(organisationA)))
            .andReturn()
            .getResponse()
            .getContentAsString();
    assertThat(manage).contains("href=\"/regional-projects/manage/import\"");
  }

  @Test
  void aFileWithBadRecordsStoresNothingAndNamesEachLineAndField() throws Exception {
    MockHttpServletResponse refused =
        upload(
            developerOf(organisationA),
            csv(
                "huono.csv",
                HEADER
                    + "p1,Hyvä,2025-01-01,2026-12-31,1000,ESR+,01,green,a,A Oy,company,0201256-6,x\n"
                    + "p2,Huono,2025-01-01,2026-12-31,1000,ESR+,01,green,b,B Oy,company,0201256-5,x\n"
                    + "p3,Väärin,2025-01-01,2024-12-31,1000,ESR+,01,green,a,,,,partner\n"));
    assertThat(refused.getStatus()).isEqualTo(400);
    String page = refused.getContentAsString();
    assertThat(page)
        .contains("govuk-error-summary")
        .contains("Nothing was imported. Problems found: 2.")
        .contains("<a href=\"#file\">Line 3, business_id: Enter a valid business ID")
        .contains("<a href=\"#file\">Line 4, end: The end must not be before the start")
        .contains("id=\"file-error\"")
        .doesNotContain("govuk-notification-banner--success");
    assertThat(store.projects(organisationA)).isEmpty();
    assertThat(store.actors(organisationA)).isEmpty();
    // In Finnish too.
    MockHttpServletResponse fi =
        mvc.perform(
                multipart("/regional-projects/manage/import")
                    .file(
                        csv(
                            "huono.csv",
                            HEADER
                                + "p2,Huono,2025-01-01,2026-12-31,1000,ESR+,01,green,b,B Oy,"
                                + "company,0201256-5,x\n"))
                    .param("lang", "fi")
                    .with(developerOf(organisationA)))
            .andReturn()
            .getResponse();
    assertThat(fi.getContentAsString())
        .contains("Rivi 2, business_id:")
        .contains("Mitään ei tuotu");
  }

  @Test
  void aFileNeverReachesAnotherOrganisationsRows() throws Exception {
    registry.importBytes(
        (HEADER + "p1,B:n hanke,2025-01-01,2026-12-31,1000,ESR+,01,green,bactor,B Oy,company,,x\n")
            .getBytes(StandardCharsets.UTF_8),
        "b.csv",
        organisationB);
    StoredProject before = store.projects(organisationB).getFirst();
    // A column claiming B is no column of the format: the rows are A's, under A's organisation.
    String claimingB =
        "organisation,"
            + HEADER
            + organisationB
            + ",p1,A:n hanke,2025-01-01,2026-12-31,5,ESR+,01,green,aactor,A Oy,company,,x\n";
    MockHttpServletResponse done = upload(developerOf(organisationA), csv("b.csv", claimingB));
    assertThat(done.getStatus()).isEqualTo(200);
    assertThat(store.projects(organisationA))
        .extracting(StoredProject::name)
        .containsExactly("A:n hanke");
    // Naming B's actor by its id alone finds no actor of A: refused, nothing stored.
    MockHttpServletResponse partnerOfB =
        upload(
            developerOf(organisationA),
            csv(
                "b2.csv",
                HEADER + "p9,Kaappaus,2025-01-01,2026-12-31,5,ESR+,01,green,bactor,,,,x\n"));
    assertThat(partnerOfB.getStatus()).isEqualTo(400);
    assertThat(partnerOfB.getContentAsString()).contains("Line 2, actor_name: Fill in this field");
    // A JSON document naming an owner is refused as a whole.
    MockHttpServletResponse jsonOwner =
        upload(
            developerOf(organisationA),
            new MockMultipartFile(
                "file",
                "b.json",
                "application/json",
                ("{\"organisation\": \"" + organisationB + "\", \"projects\": []}")
                    .getBytes(StandardCharsets.UTF_8)));
    assertThat(jsonOwner.getStatus()).isEqualTo(400);
    assertThat(jsonOwner.getContentAsString()).contains("unknown property");
    assertThat(store.projects(organisationB)).containsExactly(before);
    assertThat(store.actors(organisationB)).hasSize(1);
    assertThat(store.projects(organisationA)).hasSize(1);
  }

  @Test
  void hostileFilesAreRefusedWithAMessageNeverA500() throws Exception {
    byte[] binary = new byte[4096];
    new Random(18).nextBytes(binary);
    byte[] brokenUtf8 =
        (HEADER + "p1,Rikki X,2025-01-01,2026-12-31,1,ESR+,01,green,a,A Oy,company,,x\n")
            .getBytes(StandardCharsets.UTF_8);
    brokenUtf8[brokenUtf8.length - 40] = (byte) 0xC3;
    brokenUtf8[brokenUtf8.length - 39] = (byte) 0x28;
    byte[] huge = new byte[(2 << 20) + 1];
    Arrays.fill(huge, (byte) 'a');
    String deepJson = "{\"actors\": " + "[".repeat(5000) + "]".repeat(5000) + "}";
    List<MockMultipartFile> hostile =
        List.of(
            new MockMultipartFile("file", "tyhja.csv", "text/csv", new byte[0]),
            new MockMultipartFile("file", "kuva.csv", "image/png", binary),
            new MockMultipartFile("file", "satunnainen.csv", "text/csv", binary),
            new MockMultipartFile("file", "satunnainen.json", "application/json", binary),
            new MockMultipartFile("file", "rikki.csv", "text/csv", brokenUtf8),
            new MockMultipartFile("file", "iso.csv", "text/csv", huge),
            new MockMultipartFile("file", "ohjelma.exe", "application/octet-stream", binary),
            new MockMultipartFile("file", "", "text/csv", binary),
            new MockMultipartFile("file", "x".repeat(300) + ".csv", "text/csv", binary),
            new MockMultipartFile("file", "syva.json", "application/json", deepJson.getBytes()),
            csv("vaara.json", HEADER),
            csv("otsikoton.csv", "a,b\n1,2\n"),
            csv("lainaus.csv", HEADER + "\"p1,rikki\n"),
            csv("nul.csv", HEADER + "p1,Nul\0,2025-01-01,2026-12-31,1,ESR+,01,x,a,A,company,,x\n"),
            csv("pitka.csv", HEADER + "p1," + "x".repeat(100_000) + ",,,,,,,,,,,\n"));
    List<String> problems = new ArrayList<>();
    for (MockMultipartFile file : hostile) {
      MockHttpServletResponse response = upload(developerOf(organisationA), file);
      if (response.getStatus() != 400
          || !response.getContentAsString().contains("govuk-error-summary")) {
        problems.add(file.getOriginalFilename() + " answered " + response.getStatus());
      }
    }
    assertThat(problems).isEmpty();
    assertThat(store.projects(organisationA)).isEmpty();
    assertThat(store.actors(organisationA)).isEmpty();
    // Cells a spreadsheet would run as formulas are text: stored as written, shown escaped.
    String formula = "=cmd|' /C calc'!A0";
    MockHttpServletResponse injection =
        upload(
            developerOf(organisationA),
            csv(
                "kaava.csv",
                HEADER
                    + "p1,\""
                    + formula
                    + "\",2025-01-01,2026-12-31,1,ESR+,01,\"@SUM(1+1)\",a,+A Oy,company,,-x\n"));
    assertThat(injection.getStatus()).isEqualTo(200);
    assertThat(store.projects(organisationA).getFirst().name()).isEqualTo(formula);
    assertThat(injection.getContentAsString()).contains("=cmd|&#39; /C calc&#39;!A0");
  }

  @Test
  void onlyTheOrganisationsDevelopersUploadAndOnlyWithACsrfToken() throws Exception {
    MockMultipartFile file =
        csv("a.csv", HEADER + "p1,Hanke,2025-01-01,2026-12-31,1,ESR+,01,x,a,A Oy,company,,x\n");
    // Without a valid CSRF token the upload is refused before it is read.
    MockHttpServletResponse forged =
        mvc.perform(
                multipart("/regional-projects/manage/import")
                    .file(file)
                    .with(developerOf(organisationA))
                    .with(SecurityMockMvcRequestPostProcessors.csrf().useInvalidToken()))
            .andReturn()
            .getResponse();
    assertThat(forged.getStatus()).isEqualTo(403);
    RequestPostProcessor citizen = oidc.person("citizen-" + UUID.randomUUID());
    RequestPostProcessor editor =
        oidc.person(
            "editor-" + UUID.randomUUID(),
            Map.of("osaava_roles", List.of("editor"), "osaava_organisation", organisationA));
    for (RequestPostProcessor who : List.of(citizen, editor)) {
      assertThat(upload(who, file).getStatus()).isEqualTo(403);
      assertThat(
              mvc.perform(get("/regional-projects/manage/import").with(who))
                  .andReturn()
                  .getResponse()
                  .getStatus())
          .isEqualTo(403);
    }
    MockHttpServletResponse anonymous =
        mvc.perform(
                multipart("/regional-projects/manage/import")
                    .file(file)
                    .with(SecurityMockMvcRequestPostProcessors.csrf()))
            .andReturn()
            .getResponse();
    assertThat(anonymous.getStatus()).isEqualTo(302);
    assertThat(anonymous.getRedirectedUrl()).endsWith("/sign-in");
    assertThat(store.projects(organisationA)).isEmpty();
    // The page in each language.
    for (var language :
        Map.of(
                "fi", "Tuo toimijat ja hankkeet tiedostosta",
                "sv", "Importera aktörer och projekt från en fil",
                "en", "Import actors and projects from a file")
            .entrySet()) {
      String page =
          mvc.perform(
                  get("/regional-projects/manage/import")
                      .param("lang", language.getKey())
                      .with(developerOf(organisationA)))
              .andReturn()
              .getResponse()
              .getContentAsString();
      assertThat(page).contains(language.getValue()).contains("enctype=\"multipart/form-data\"");
      Matcher csrf = Pattern.compile("name=\"_csrf\"").matcher(page);
      assertThat(csrf.find()).as("the form carries its CSRF token").isTrue();
    }
  }
}
