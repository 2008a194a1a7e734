/**
 * Guidance: organisations and their counsellors, a client's consented sharing of chosen parts of
 * their profile with one counsellor, and the counsellor's caseload and client view. Every read of a
 * client's data goes through the profile's {@link fi.osaava.profile.CounsellorConsents}, which
 * checks the consent and logs the access for the client; the client's goal gap and opportunities
 * come from {@link fi.osaava.opportunities.ClientOutlook}; reminders of due tasks are sent through
 * {@link fi.osaava.notifications.Notifications}. The module offers no API to others.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Guidance",
    allowedDependencies = {
      "platform",
      "taxonomy",
      "profile",
      "opportunities",
      "notifications",
      "servicenetwork",
      "web"
    })
package fi.osaava.guidance;
