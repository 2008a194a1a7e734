package fi.osaava.opendata.internal.web;

import fi.osaava.opendata.internal.ApiQuotas;
import fi.osaava.opendata.internal.ApiUsage;
import fi.osaava.web.SignedInArea;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The quota filter on {@code /api/**} and the administrators' pages. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class OpenDataWebConfiguration {

  /** Right after Spring Security, which has then read the bearer token. */
  @Bean
  FilterRegistrationBean<ApiQuotaFilter> apiQuotaFilter(ApiQuotas quotas, ApiUsage usage) {
    FilterRegistrationBean<ApiQuotaFilter> registration =
        new FilterRegistrationBean<>(new ApiQuotaFilter(quotas, usage));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER + 1);
    return registration;
  }

  /**
   * Right before Spring Security, to take the requests it refuses from their budgets too (with a
   * quota filter of its own: the filter keeps no state, the budgets are {@link ApiQuotas}').
   */
  @Bean
  FilterRegistrationBean<ApiRefusalFilter> apiRefusalFilter(ApiQuotas quotas, ApiUsage usage) {
    FilterRegistrationBean<ApiRefusalFilter> registration =
        new FilterRegistrationBean<>(new ApiRefusalFilter(new ApiQuotaFilter(quotas, usage)));
    registration.addUrlPatterns("/api/*");
    registration.setOrder(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1);
    return registration;
  }

  @Bean
  SignedInArea apiClientAdministration() {
    return new SignedInArea("/admin/api-clients/**");
  }
}
