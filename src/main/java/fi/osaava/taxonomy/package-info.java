/**
 * The ESCO classification (skills, skill groups, occupations, ISCO groups and their relations) in
 * every imported language, with its importer, browsing API and label autocomplete.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Taxonomy",
    allowedDependencies = {"platform", "text", "web"})
package fi.osaava.taxonomy;
