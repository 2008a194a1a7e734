/**
 * Labour-market information: statistics series, occupation indicators, job-ad ingestion with
 * skills, demand aggregates by skill, occupation, region and month, trends and forecasts.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Labour market",
    allowedDependencies = {"platform", "regions", "taxonomy", "identification", "web"})
package fi.osaava.labourmarket;
