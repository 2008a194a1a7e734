package fi.osaava.opportunities;

import fi.osaava.EscoFiles;
import fi.osaava.education.EducationApi;
import fi.osaava.identification.IdentificationApi;
import fi.osaava.labourmarket.LabourMarketApi;
import fi.osaava.profile.ProfileApi;
import fi.osaava.regions.RegionsApi;
import fi.osaava.taxonomy.TaxonomyApi;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * The opportunities module alone, for its engine tests: a Spring Modulith slice of the module's own
 * beans on the platform's real database, with the other modules' APIs mocked. The taxonomy's bulk
 * reads are answered with the whole ESCO 1.1.1 graph (English labels, every relation) read straight
 * from the published files, a few seconds instead of the shared context's full import; education
 * and the labour market answer with no offerings and no ads, so that a test brings its own. Test
 * classes extend this without adding configuration, so that they share one context.
 */
@ApplicationModuleTest(
    mode = ApplicationModuleTest.BootstrapMode.STANDALONE,
    extraIncludes = "platform")
public abstract class OpportunitiesSlice {

  private static EscoFiles esco;

  @MockitoBean protected TaxonomyApi taxonomy;
  @MockitoBean protected EducationApi education;
  @MockitoBean protected LabourMarketApi labourMarket;
  @MockitoBean protected ProfileApi profile;
  @MockitoBean protected RegionsApi regions;
  @MockitoBean protected IdentificationApi identification;

  /** Mocks are reset after each test, so the answers are set again before each. */
  @BeforeEach
  void answerWithTheWholeEscoGraph() {
    if (esco == null) {
      esco = EscoFiles.read(uri -> true, false);
    }
    esco.answerFor(taxonomy);
  }
}
