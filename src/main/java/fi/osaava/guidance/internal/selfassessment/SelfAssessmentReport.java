package fi.osaava.guidance.internal.selfassessment;

import fi.osaava.platform.Language;
import fi.osaava.platform.PdfDocuments;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The self-assessment as a PDF report, made as the guidance summary is: a Thymeleaf template
 * ({@code guidance/self-assessment/report-pdf.html}, well-formed XHTML) laid out by openhtmltopdf
 * with the guidance PDFs' style sheet. The chart is drawn with boxes there, one bar per area, since
 * openhtmltopdf draws SVG only with a further plugin.
 */
@Component
class SelfAssessmentReport {

  private final ITemplateEngine templates;
  private final java.time.Clock clock;

  SelfAssessmentReport(ITemplateEngine templates, java.time.Clock clock) {
    this.templates = templates;
    this.clock = clock;
  }

  byte[] pdf(ResultView result, Language language, String subject) {
    Map<String, Object> model =
        Map.of(
            "result",
            result,
            "language",
            language.code(),
            "css",
            PdfDocuments.stylesheet(),
            "today",
            LocalDate.now(clock),
            "subject",
            subject);
    return PdfDocuments.render(
        templates.process(
            "guidance/self-assessment/report-pdf", new Context(language.locale(), model)));
  }
}
