/**
 * Regional competence intelligence (issue 18): regional developers' competence-needs surveys of
 * companies, answered through unguessable links without signing in, and their results published
 * openly with small cells suppressed (k-anonymity with complementary suppression); the regional
 * overview, actors and projects, expert mobility, and the region's network forums (events with
 * calendar files through the community's {@code CalendarFile}, texts rendered by the programmes'
 * {@code SafeMarkdown}, waiting-list places told through the notifications module, which also mails
 * the surveys' invitations and reminders). The root package is the module's API; {@code internal}
 * is private.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Regional intelligence",
    allowedDependencies = {
      "platform",
      "regions",
      "taxonomy",
      "identification",
      "labourmarket",
      "education",
      "profile",
      "community",
      "programmes",
      "notifications",
      "web"
    })
package fi.osaava.regionalintelligence;
