/**
 * Open APIs and open data (issue 17): API clients of organisations registered by an administrator,
 * per-client quotas on {@code /api/**} with the standard rate-limit headers, usage statistics per
 * client and day; anonymised aggregates and the service directory as open data under CC BY 4.0 with
 * a DCAT-AP style catalogue, and a change feed. It reads the other modules through their APIs only.
 * The root package is the module's API; {@code internal} is private.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Open APIs and open data",
    allowedDependencies = {
      "platform",
      "web",
      "regions",
      "taxonomy",
      "labourmarket",
      "education",
      "servicenetwork",
      "regionalintelligence",
      "notifications"
    })
package fi.osaava.opendata;
