/**
 * Thematic groups and the knowledge platform: open groups around a theme with discussion threads
 * and members' suggestions, articles and experience stories by organisations (searched with the
 * education search's fi/sv/en analysis) with comments, reports and moderation, and links between
 * articles and the programmes' training packages.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Community",
    allowedDependencies = {"platform", "taxonomy", "profile", "programmes", "web"})
package fi.osaava.community;
