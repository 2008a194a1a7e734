/** Explainable matching of a person to occupations, job ads and education, with gaps and paths. */
@org.springframework.modulith.ApplicationModule(
    displayName = "Opportunities",
    allowedDependencies = {
      "platform",
      "regions",
      "taxonomy",
      "education",
      "labourmarket",
      "profile",
      "web"
    })
package fi.osaava.opportunities;
