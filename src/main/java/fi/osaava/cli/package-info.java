/** The {@code ./osaava} command line: starts the service, imports datasets and reports status. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Command line",
    allowedDependencies = {
      "platform",
      "regions",
      "taxonomy",
      "identification",
      "education",
      "labourmarket",
      "profile",
      "regionalintelligence",
      "servicenetwork"
    })
package fi.osaava.cli;
