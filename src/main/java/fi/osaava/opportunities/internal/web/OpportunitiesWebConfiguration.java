package fi.osaava.opportunities.internal.web;

import fi.osaava.web.SignedInArea;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The saved plans are the person's own: their pages need a signed-in user even for GET. */
@Configuration
class OpportunitiesWebConfiguration {

  @Bean
  SignedInArea opportunityPlans() {
    return new SignedInArea(OpportunitiesPageController.PLANS + "/**");
  }

  @Bean
  SignedInArea opportunityPlanList() {
    return new SignedInArea(OpportunitiesPageController.PLANS);
  }
}
