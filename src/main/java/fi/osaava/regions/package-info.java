/**
 * Finland's regional classification: municipalities, their regions (maakunta) and sub-regions
 * (seutukunta), with names in Finnish, Swedish and English and name-to-code matching.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Regions")
package fi.osaava.regions;
