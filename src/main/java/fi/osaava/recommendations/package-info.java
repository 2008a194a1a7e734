/**
 * A signed-in person's recommendations from their profile: services for their life situation and
 * municipality, education offerings for the gap to their goal and occupations their skills match,
 * on one page and ranked by one documented rule; and the consented hand-over summary (goal,
 * confirmed skills, gap) as an HMAC-signed, expiring, revocable link a service opens without
 * signing in. It composes the APIs of {@code servicenetwork}, {@code opportunities} and {@code
 * profile}, which is why it is a module above all three (docs/architecture.md).
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Recommendations",
    allowedDependencies = {
      "platform",
      "web",
      "regions",
      "taxonomy",
      "profile",
      "opportunities",
      "servicenetwork"
    })
package fi.osaava.recommendations;
