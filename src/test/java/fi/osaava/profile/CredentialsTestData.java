package fi.osaava.profile;

/** Credentials for tests in other packages, such as the browser journey. */
public final class CredentialsTestData {

  private CredentialsTestData() {}

  /** An unsigned Open Badges 3.0 credential aligned with the ESCO skill Apache Tomcat. */
  public static String openBadge() {
    return CredentialsTest.openBadge("http://data.europa.eu/esco/skill/" + CredentialsTest.TOMCAT);
  }
}
