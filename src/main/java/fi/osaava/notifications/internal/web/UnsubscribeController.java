package fi.osaava.notifications.internal.web;

import fi.osaava.notifications.internal.NotificationsPages;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The mails' unsubscribe link, without sign-in: GET shows a page that asks to confirm (a link
 * checker following it unsubscribes nobody), POST unsubscribes, from that page or from the mail
 * program's one-click request (RFC 8058, {@code List-Unsubscribe=One-Click}).
 */
@Controller
class UnsubscribeController {

  static final String PATH = "/notifications/unsubscribe";

  private final NotificationsPages pages;

  UnsubscribeController(NotificationsPages pages) {
    this.pages = pages;
  }

  @GetMapping(PATH)
  String confirm(@RequestParam(required = false) @Nullable String token, Model model) {
    String known = known(token);
    model.addAttribute("token", known);
    return "notifications/unsubscribe";
  }

  @PostMapping(PATH)
  String unsubscribe(@RequestParam(required = false) @Nullable String token, Model model) {
    String known = known(token);
    pages.unsubscribe(known);
    model.addAttribute("done", true);
    return "notifications/unsubscribed";
  }

  private String known(@Nullable String token) {
    if (token == null || !pages.knownToken(token)) {
      throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Unknown unsubscribe link");
    }
    return token;
  }
}
