/**
 * Notifications: a person's saved searches (education and service searches, opportunity filters and
 * goals), the in-app inbox, and e-mail (immediately or as a daily or weekly digest, with a
 * one-click unsubscribe). Fed by the other modules' events through the event publication registry;
 * new items are evaluated against the saved searches through an inverted index of the searches'
 * words and facets. Other modules send a person a message through {@link
 * fi.osaava.notifications.Notifications}.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Notifications",
    allowedDependencies = {
      "platform",
      "web",
      "profile",
      "education",
      "servicenetwork",
      "labourmarket",
      "taxonomy"
    })
package fi.osaava.notifications;
