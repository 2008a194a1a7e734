package fi.osaava.web;

import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;

/**
 * Derives a signed-in person's next steps from their own data, for the front door. The web module
 * only shows them: a feature module that holds the person's state (their profile, goals and plans)
 * provides this bean, so the front door depends on no feature module and no feature module's data
 * is read from a template.
 */
public interface NextSteps {

  /**
   * The steps, most pressing first; empty when nobody is signed in.
   *
   * @param locale the reader's language, for names, figures and dates
   */
  List<NextStep> forPerson(Authentication authentication, Locale locale);
}
