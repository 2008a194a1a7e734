/**
 * The service network's directory: continuous-learning services of public and private providers
 * (guidance, employment services, training, funding, recognition of prior learning, career
 * counselling, online tools), modelled on the national service catalogue's concepts (service,
 * service channel, area, organisation). Seeded with the catalogue's general service descriptions;
 * providers add their own services by file import, by the push API and on their editor pages.
 * Searched with the same fi/sv/en analysis as the education search, and recommended by a person's
 * life situation.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Service network",
    allowedDependencies = {"platform", "regions", "web"})
package fi.osaava.servicenetwork;
