package fi.osaava.platform;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Osaava's PDF documents (the guidance summary, the self-assessment report, the hand-over summary):
 * each module lays its document out as a Thymeleaf template of well-formed XHTML with this one
 * style sheet, and openhtmltopdf turns it into a PDF here, so that every document looks alike.
 */
public final class PdfDocuments {

  private static final String STYLESHEET = read("/fi/osaava/platform/document-pdf.css");

  private PdfDocuments() {}

  /**
   * The documents' style sheet, {@code fi/osaava/platform/document-pdf.css}, for a style element.
   */
  public static String stylesheet() {
    return STYLESHEET;
  }

  /** Lays out well-formed XHTML as a PDF. */
  public static byte[] render(String xhtml) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      new PdfRendererBuilder().useFastMode().withHtmlContent(xhtml, null).toStream(out).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String read(String resource) {
    try (InputStream in = PdfDocuments.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " missing from the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
