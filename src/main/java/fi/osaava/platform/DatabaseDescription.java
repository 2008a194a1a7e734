package fi.osaava.platform;

/**
 * Which database the service runs on, for status output.
 *
 * @param mode {@code embedded} (PostgreSQL run by Osaava under its home) or {@code external}
 * @param url the JDBC URL, without credentials
 */
public record DatabaseDescription(String mode, String url) {}
