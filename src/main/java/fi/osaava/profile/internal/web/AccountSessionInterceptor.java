package fi.osaava.profile.internal.web;

import fi.osaava.profile.PersonId;
import fi.osaava.profile.internal.PersonDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Ties a signed-in session to the account it started with (ADR 0005). The first request of a
 * session creates the person when new and binds the session to that person; every later request
 * checks that the person still exists. When the account was deleted, from this browser or any
 * other, the session is invalidated and the request refused with 401: a session never outlives its
 * account, and never silently starts a new one (only a new sign-in does).
 */
class AccountSessionInterceptor implements HandlerInterceptor {

  static final String SESSION_PERSON = AccountSessionInterceptor.class.getName() + ".person";

  /**
   * The person this request was checked against, for {@link SignedInPerson}: one identity lookup
   * per request instead of one here and another in the controller.
   */
  static final String REQUEST_PERSON = AccountSessionInterceptor.class.getName() + ".checked";

  private static final Logger log = LoggerFactory.getLogger(AccountSessionInterceptor.class);

  private final PersonDirectory directory;

  AccountSessionInterceptor(PersonDirectory directory) {
    this.directory = directory;
  }

  @Override
  public boolean preHandle(
      HttpServletRequest request, HttpServletResponse response, Object handler) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (!(authentication instanceof OAuth2AuthenticationToken)) {
      return true;
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SESSION_PERSON) instanceof UUID bound) {
      Optional<PersonId> current = directory.currentPerson(authentication);
      if (current.isPresent() && current.get().value().equals(bound)) {
        request.setAttribute(REQUEST_PERSON, current.get());
        return true;
      }
      session.invalidate();
      SecurityContextHolder.clearContext();
      log.info("Refused a request of a session whose account was deleted; the session is ended");
      throw new ResponseStatusException(
          HttpStatus.UNAUTHORIZED, "The account of this session was deleted; sign in again");
    }
    Optional<PersonId> person = directory.signedInPerson(authentication);
    person.ifPresent(p -> request.setAttribute(REQUEST_PERSON, p));
    if (session != null) {
      person.ifPresent(p -> session.setAttribute(SESSION_PERSON, p.value()));
    }
    return true;
  }
}
