/**
 * The career-planning self-assessment (issue 16): six areas of career-management skills, answered
 * without signing in (kept in the HTTP session, downloadable), saved to the person's history after
 * sign-in, and read by a counsellor only through the client's consent to {@link
 * fi.osaava.profile.SharedPart#SELF_ASSESSMENTS}. The statements, exercises and feedback are data
 * ({@code fi/osaava/guidance/self-assessment.json}), not code.
 */
package fi.osaava.guidance.internal.selfassessment;
