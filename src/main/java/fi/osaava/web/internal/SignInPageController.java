package fi.osaava.web.internal;

import fi.osaava.web.SignInProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /sign-in}: one button that starts the OpenID Connect sign-in. When the development
 * provider runs, the page says plainly that this is a development login where anyone can be anyone;
 * when no provider is configured at all, it says that sign-in is not available.
 */
// Only a servlet application signs people in; the command-line tools have no sign-in settings.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Controller
class SignInPageController {

  static final String PATH = "/sign-in";
  static final String SIGN_OUT = "/sign-out";

  private final ObjectProvider<ClientRegistrationRepository> registrations;
  private final ObjectProvider<DevelopmentSignIn> developmentProvider;
  private final SignInProperties signIn;

  SignInPageController(
      ObjectProvider<ClientRegistrationRepository> registrations,
      ObjectProvider<DevelopmentSignIn> developmentProvider,
      SignInProperties signIn) {
    this.registrations = registrations;
    this.developmentProvider = developmentProvider;
    this.signIn = signIn;
  }

  @GetMapping(PATH)
  String signIn(@RequestParam(required = false) String failed, Model model) {
    boolean available = registrations.getIfAvailable() != null;
    model.addAttribute("available", available);
    model.addAttribute("development", developmentProvider.getIfAvailable() != null);
    model.addAttribute("failed", failed != null);
    model.addAttribute("startUrl", "/oauth2/authorization/" + signIn.registration());
    return "web/sign-in";
  }
}
