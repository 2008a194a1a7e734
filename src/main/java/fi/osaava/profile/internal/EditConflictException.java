package fi.osaava.profile.internal;

/**
 * An edit started from a version that is no longer current: someone (another tab, another device)
 * saved in between. Nothing was written; the person sees the current state and decides again.
 */
public class EditConflictException extends RuntimeException {

  public EditConflictException(String what) {
    super(what + " was changed elsewhere after you opened it; nothing was saved");
  }
}
