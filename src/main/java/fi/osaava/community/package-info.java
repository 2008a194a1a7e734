/**
 * Thematic groups and the knowledge platform: open groups around a theme with discussion threads,
 * members' suggestions and events (registration with a waiting list, iCalendar files through {@link
 * fi.osaava.community.CalendarFile}, reminders through the notifications module), articles and
 * experience stories by organisations (searched with the education search's fi/sv/en analysis) with
 * comments, reports and moderation, and links between articles and the programmes' training
 * packages.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Community",
    allowedDependencies = {"platform", "taxonomy", "profile", "programmes", "web", "notifications"})
package fi.osaava.community;
