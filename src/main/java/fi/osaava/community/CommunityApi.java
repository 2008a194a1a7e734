package fi.osaava.community;

/** The community's groups and articles as the rest of the service and the command line see them. */
public interface CommunityApi {

  /**
   * Loads the team's own sample content (one thematic group and two articles in Finnish, Swedish
   * and English). Does nothing when it is already loaded.
   *
   * @return how many groups and articles were added now (0 when already loaded)
   */
  int loadSampleContent();
}
