package fi.osaava.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The two machine push APIs over HTTP with real tokens from the development provider: providers'
 * offerings need {@code education.publish}, job ads need {@code job-ads.publish}, and neither scope
 * opens the other's door.
 */
class MachinePushApiTest extends WebTestBase {

  private static final String OFFERING =
      """
      {"@context": "https://schema.org", "@type": "Course",
       "@id": "https://courses.example.fi/push-test-sql",
       "name": {"@language": "fi", "@value": "SQL-tietokantojen perusteet (push-testi)"},
       "description": {"@language": "fi", "@value": "Opit kirjoittamaan SQL-kyselyjä."},
       "educationalLevel": "SHORT_COURSE", "numberOfCredits": 3,
       "provider": {"@type": "Organization", "name": "Testiopisto"},
       "hasCourseInstance": [{"@type": "CourseInstance", "courseMode": "online",
         "inLanguage": "fi", "startDate": "2027-02-01",
         "offers": {"price": 0, "priceCurrency": "EUR"}}]}
      """;

  private static final String JOB_AD =
      """
      {"@context": "https://schema.org", "@type": "JobPosting",
       "identifier": "push-test-ad-1", "title": "Ohjelmistokehittäjä",
       "description": "Haemme kehittäjää, joka osaa Java-ohjelmoinnin ja SQL-tietokannat.",
       "inLanguage": "fi", "datePosted": "2026-10-01", "validThrough": "2026-12-31",
       "hiringOrganization": {"@type": "Organization", "name": "Esimerkki Oy"},
       "jobLocation": {"@type": "Place", "address": {"@type": "PostalAddress",
         "addressLocality": "Tampere"}},
       "occupationalCategory": "2512"}
      """;

  private MockHttpServletRequestBuilder offering() {
    return post("/api/v1/education/offerings")
        .contentType(MediaType.valueOf("application/ld+json"))
        .content(OFFERING);
  }

  private MockHttpServletRequestBuilder jobAd() {
    return post("/api/v1/job-ads").contentType(MediaType.APPLICATION_JSON).content(JOB_AD);
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  @Test
  void providersPublishOfferingsOnlyWithTheEducationScope() throws Exception {
    mvc.perform(offering()).andExpect(status().is4xxClientError());
    mvc.perform(
            offering()
                .header(HttpHeaders.AUTHORIZATION, bearer(oidc.bearerToken("job-ads.publish"))))
        .andExpect(status().isForbidden());
    mvc.perform(
            offering()
                .header(HttpHeaders.AUTHORIZATION, bearer(oidc.bearerToken("education.publish"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.records").value(1));
  }

  @Test
  void jobAdsArriveOnlyWithTheJobAdScope() throws Exception {
    mvc.perform(jobAd()).andExpect(status().is4xxClientError());
    mvc.perform(
            jobAd()
                .header(HttpHeaders.AUTHORIZATION, bearer(oidc.bearerToken("education.publish"))))
        .andExpect(status().isForbidden());
    mvc.perform(
            jobAd().header(HttpHeaders.AUTHORIZATION, bearer(oidc.bearerToken("job-ads.publish"))))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.read").value(1));
  }

  @Test
  void aForgedTokenIsRefused() throws Exception {
    String token = oidc.bearerToken("job-ads.publish");
    String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA";
    mvc.perform(jobAd().header(HttpHeaders.AUTHORIZATION, bearer(forged)))
        .andExpect(status().isUnauthorized());
  }
}
