/**
 * The web shell that every module's pages and APIs share: layout, language choice, security headers
 * and error responses.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Web",
    allowedDependencies = {"platform"})
package fi.osaava.web;
