/**
 * Finland's regional classification: municipalities, their regions (maakunta) and sub-regions
 * (seutukunta), with names in Finnish, Swedish and English and name-to-code matching.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Regions",
    allowedDependencies = {"platform"})
package fi.osaava.regions;
