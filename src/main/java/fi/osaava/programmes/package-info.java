/**
 * Learning programmes: open training packages by level and target group, written by the owning
 * organisation's editors in immutable published versions, studied module by module (Markdown text,
 * video with transcript, quizzes, reflections), completed with an Open Badges 3.0 credential into
 * the learner's profile, and listed in the education catalogue as short online offerings.
 */
@org.springframework.modulith.ApplicationModule(
    displayName = "Programmes",
    allowedDependencies = {"platform", "taxonomy", "education", "profile", "web", "notifications"})
package fi.osaava.programmes;
