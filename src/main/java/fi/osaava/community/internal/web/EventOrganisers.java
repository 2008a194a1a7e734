package fi.osaava.community.internal.web;

import fi.osaava.community.internal.Moderators;
import fi.osaava.web.PublishingEditors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * Who organises the groups' events: the community's moderators and organisations' editors (an
 * organisation administrator included), both recognised by their sign-in claims only, never by
 * anything a person types.
 */
@Component
class EventOrganisers {

  private final Moderators moderators;
  private final PublishingEditors editors;
  private final CommunityForms forms;

  EventOrganisers(Moderators moderators, PublishingEditors editors, CommunityForms forms) {
    this.moderators = moderators;
    this.editors = editors;
    this.forms = forms;
  }

  boolean is(@Nullable Authentication auth) {
    return moderators.isModerator(auth) || editors.editor(auth).isPresent();
  }

  /** Anyone not signed in is sent to sign in (401); anyone else but an organiser is refused. */
  void require(@Nullable Authentication auth) {
    forms.signedIn(auth);
    if (!is(auth)) {
      throw new ResponseStatusException(
          HttpStatus.FORBIDDEN, "Moderators and organisations' editors organise events");
    }
  }
}
