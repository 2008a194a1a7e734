/**
 * Finland's regional classification: municipalities, their regions (maakunta) and sub-regions
 * (seutukunta), with names in Finnish, Swedish and English and name-to-code matching. Its REST API
 * takes the shared {@code lang} parameter object of the web shell.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Regions",
    allowedDependencies = {"platform", "web"})
package fi.osaava.regions;
