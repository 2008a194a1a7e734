package fi.osaava.labourmarket.internal.web;

import fi.osaava.web.ApiWriteAccess;
import fi.osaava.web.SignedInArea;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Declares the job-ad push API as a machine-to-machine write endpoint with its own scope, and the
 * employers' editor pages as a signed-in area.
 */
@Configuration(proxyBeanMethods = false)
class LabourMarketWebConfiguration {

  @Bean
  ApiWriteAccess jobAdsWriteAccess() {
    return new ApiWriteAccess(HttpMethod.POST, "/api/v1/job-ads", "job-ads.publish");
  }

  @Bean
  SignedInArea jobAdPublishing() {
    return new SignedInArea("/publish/job-ads/**");
  }
}
