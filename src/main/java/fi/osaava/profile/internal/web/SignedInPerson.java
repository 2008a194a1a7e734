package fi.osaava.profile.internal.web;

import fi.osaava.profile.PersonId;
import fi.osaava.profile.internal.PersonDirectory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.server.ResponseStatusException;

/**
 * The person behind the request. Controllers take the owner of every row they touch from here and
 * never from the request, so no parameter can point them at another person's profile.
 */
@Component
class SignedInPerson {

  private final PersonDirectory directory;

  SignedInPerson(PersonDirectory directory) {
    this.directory = directory;
  }

  PersonId require(Authentication authentication) {
    // Checked by AccountSessionInterceptor at the start of this request, for this authentication.
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request
        && request.getAttribute(AccountSessionInterceptor.REQUEST_PERSON, 0) instanceof PersonId p
        && SecurityContextHolder.getContext().getAuthentication() == authentication) {
      return p;
    }
    return directory
        .currentPerson(authentication)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.UNAUTHORIZED, "Sign in first"));
  }
}
