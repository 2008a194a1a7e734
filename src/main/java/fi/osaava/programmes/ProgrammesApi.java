package fi.osaava.programmes;

/** Learning programmes as the rest of the service and the command line see them. */
public interface ProgrammesApi {

  /**
   * Loads the team's own sample programme (an AI and human-centred services programme with a basic
   * and an advanced package in Finnish, Swedish and English), publishes its packages and lists them
   * in the education catalogue. Does nothing when it is already loaded.
   *
   * @return how many packages were published now (0 when already loaded)
   */
  int loadSampleContent();
}
