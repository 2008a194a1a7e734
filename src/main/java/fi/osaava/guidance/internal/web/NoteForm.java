package fi.osaava.guidance.internal.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A meeting note; {@code shared} when the client may read it, else private to the organisation. */
record NoteForm(@NotBlank @Size(max = 5000) String body, Boolean shared) {

  static NoteForm empty() {
    return new NoteForm("", false);
  }

  public boolean isShared() {
    return Boolean.TRUE.equals(shared);
  }
}
