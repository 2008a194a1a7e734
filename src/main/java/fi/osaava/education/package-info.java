/**
 * The national catalogue of education and training at every level, its importers and providers'
 * push API, and the skill-aware education search.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Education",
    allowedDependencies = {"platform", "text", "regions", "taxonomy", "identification", "web"})
package fi.osaava.education;
