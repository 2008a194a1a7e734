/**
 * Language analysis shared by the modules that search or read free text: Finnish morphology (lemmas
 * and compound parts, through Voikko) and the Lucene token filters built on it.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Text",
    allowedDependencies = {})
package fi.osaava.text;
