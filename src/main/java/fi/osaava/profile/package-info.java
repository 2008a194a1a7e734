/**
 * A person's own competence profile: sign-in identity, skills with evidence, interests, learner
 * records, consents enforced in code, and the rights to export and delete everything.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Profile",
    allowedDependencies = {"platform", "taxonomy", "identification", "regions", "web"})
package fi.osaava.profile;
