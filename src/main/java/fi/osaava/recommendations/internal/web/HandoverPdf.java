package fi.osaava.recommendations.internal.web;

import fi.osaava.platform.Language;
import fi.osaava.platform.PdfDocuments;
import fi.osaava.recommendations.internal.Handovers;
import fi.osaava.servicenetwork.ServiceRecommendations.RecommendedService;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The hand-over summary as a document the person downloads and takes to the service: the same rows
 * as the page the link opens (goal, skills, gap; {@code recommendations/fragments}'s wording for
 * the service), the date of consent, the expiry and the link itself, in the language the person saw
 * the summary in. Laid out as the other PDFs are ({@link PdfDocuments}).
 */
@Component
class HandoverPdf {

  private final ITemplateEngine templates;

  HandoverPdf(ITemplateEngine templates) {
    this.templates = templates;
  }

  /**
   * @param service the service in the summary's language, or null once it left the directory
   * @param link the whole link to the summary
   */
  byte[] render(Handovers.Held held, @Nullable RecommendedService service, String link) {
    Language language = Language.fromCode(held.summary().language()).orElse(Language.FALLBACK);
    Locale locale = language.locale();
    Map<String, Object> model = new HashMap<>();
    model.put("summary", held.summary());
    model.put("service", service);
    model.put("language", language.code());
    model.put("consented", RecommendationsPageController.dates(locale).format(held.consentedAt()));
    model.put("expires", RecommendationsPageController.dates(locale).format(held.expires()));
    model.put("link", link);
    model.put("css", PdfDocuments.stylesheet());
    return PdfDocuments.render(
        templates.process("recommendations/summary-pdf", new Context(locale, model)));
  }
}
