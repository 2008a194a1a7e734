package fi.osaava.recommendations.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.recommendations.internal.Handovers;
import fi.osaava.servicenetwork.ServiceRecommendations;
import jakarta.servlet.http.HttpServletResponse;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;

/**
 * The hand-over link as the service opens it, without signing in: read-only, never cached or
 * indexed, and never followed by a referrer. A link that is not signed by Osaava or names no
 * hand-over is not found (404); a withdrawn or expired one is gone (410), each with a page that
 * says so. Every opening of a well-signed link is logged for the person.
 */
@Controller
class HandoverSummaryController {

  static final String PATH = "/handover/{token}";

  private final Handovers handovers;
  private final ServiceRecommendations services;

  HandoverSummaryController(Handovers handovers, ServiceRecommendations services) {
    this.handovers = handovers;
    this.services = services;
  }

  @GetMapping(PATH)
  ModelAndView open(@PathVariable String token, Locale locale, HttpServletResponse response) {
    response.setHeader("Cache-Control", "no-store");
    response.setHeader("X-Robots-Tag", "noindex, nofollow");
    response.setHeader("Referrer-Policy", "no-referrer");
    Handovers.Opened opened = handovers.open(token);
    Map<String, Object> model = new HashMap<>();
    model.put("outcome", opened.outcome().name());
    return switch (opened.outcome()) {
      case SHOWN -> {
        model.put("summary", opened.summary());
        model.put(
            "expires",
            RecommendationsPageController.dates(locale)
                .format(Objects.requireNonNull(opened.expires())));
        model.put(
            "service",
            services
                .find(Objects.requireNonNull(opened.service()), Language.of(locale))
                .orElse(null));
        yield new ModelAndView("recommendations/summary", model, HttpStatus.OK);
      }
      case EXPIRED, REVOKED ->
          new ModelAndView("recommendations/summary-gone", model, HttpStatus.GONE);
      case UNKNOWN -> new ModelAndView("recommendations/summary-gone", model, HttpStatus.NOT_FOUND);
    };
  }
}
