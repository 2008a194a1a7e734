package fi.osaava.opendata.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * The module's settings (the usage counts are written by a scheduled job, platform's
 * BackgroundWorkConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class OpenDataConfiguration {}
