package fi.osaava.web.internal;

/**
 * A bean present while the development sign-in provider runs, so that the sign-in page can say so
 * without knowing the provider's classes: those live in {@code src/dev/java} and are left out of a
 * production build (see the "development" Maven profile).
 *
 * @param issuer the provider's issuer URL
 */
record DevelopmentSignIn(String issuer) {}
