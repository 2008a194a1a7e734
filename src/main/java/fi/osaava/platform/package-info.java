/**
 * Shared kernel used by every module: languages, localized text, paging, input errors, the
 * service's directories and the first-start bootstrap that runs each module's dataset importer.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Platform",
    allowedDependencies = {})
package fi.osaava.platform;
