package fi.osaava.profile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * CV files made in the test, one paragraph per line: DOCX with Apache POI, PDF with PDFBox (the
 * libraries Tika reads them with, so these are what real word processors write), ODT as the
 * OpenDocument zip written by hand (no ODF library is on the class path).
 */
public final class CvFixtures {

  private CvFixtures() {}

  public static final String FINNISH =
      """
      Maija Meikäläinen
      maija.meikalainen@example.org, 040 123 4567
      Työkokemus
      03/2018 – nyt Lähihoitaja, Hoivakoti Aurinko
      Avustin ikääntyneitä asukkaita päivittäisissä toimissa, annoin lääkkeitä ja mittasin verenpainetta.
      Kirjasin hoitotiedot potilastietojärjestelmään.
      2014–2018 Kokki, Ravintola Testi
      Valmistin ruokia, leivoin leipää ja suunnittelin ruokalistoja.
      Koulutus
      2015–2018 Sosiaali- ja terveysalan perustutkinto, Tampereen ammattiopisto
      2011 Ylioppilas, Tampereen lyseon lukio
      Kielitaito
      suomi äidinkieli, ruotsi tyydyttävä
      """;

  public static final String SWEDISH =
      """
      Anna Andersson
      Arbetslivserfarenhet
      Sjukskötare, Vasa centralsjukhus
      2019–pågående
      Vård av patienter på kirurgisk avdelning, läkemedelshantering och sårvård.
      Lagerarbetare
      Lager Ab
      augusti 2015 – juni 2019
      Plockade varor, körde truck och skötte inventeringen.
      Utbildning
      Sjukskötare YH, Yrkeshögskolan Novia
      2015–2019
      Språkkunskaper
      svenska modersmål
      """;

  public static byte[] docx(String text) {
    try (XWPFDocument doc = new XWPFDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      for (String line : lines(text)) {
        doc.createParagraph().createRun().setText(line);
      }
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] pdf(String text) {
    return pdf(text, null);
  }

  /** A PDF, encrypted with {@code password} as its user password when that is not null. */
  public static byte[] pdf(String text, String password) {
    try (PDDocument doc = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDPage page = new PDPage();
      doc.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 10);
        content.setLeading(14);
        content.newLineAtOffset(50, 740);
        for (String line : lines(text)) {
          content.showText(line);
          content.newLine();
        }
        content.endText();
      }
      if (password != null) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner-" + password, password, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        doc.protect(policy);
      }
      doc.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static byte[] odt(String text) {
    StringBuilder body = new StringBuilder();
    for (String line : lines(text)) {
      body.append("<text:p>").append(escape(line)).append("</text:p>");
    }
    String content =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<office:document-content"
            + " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\""
            + " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.3\">"
            + "<office:body><office:text>"
            + body
            + "</office:text></office:body></office:document-content>";
    String manifest =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
            + "<manifest:manifest"
            + " xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\""
            + " manifest:version=\"1.3\">"
            + "<manifest:file-entry manifest:full-path=\"/\""
            + " manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>"
            + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>"
            + "</manifest:manifest>";
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(out)) {
      // The mimetype comes first and uncompressed, as OpenDocument requires.
      byte[] mimetype =
          "application/vnd.oasis.opendocument.text".getBytes(StandardCharsets.US_ASCII);
      ZipEntry entry = new ZipEntry("mimetype");
      entry.setMethod(ZipEntry.STORED);
      entry.setSize(mimetype.length);
      CRC32 crc = new CRC32();
      crc.update(mimetype);
      entry.setCrc(crc.getValue());
      zip.putNextEntry(entry);
      zip.write(mimetype);
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("content.xml"));
      zip.write(content.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.putNextEntry(new ZipEntry("META-INF/manifest.xml"));
      zip.write(manifest.getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A DOCX whose one part inflates from a few kilobytes to hundreds of megabytes: a zip bomb with
   * the shape of a real document.
   */
  public static byte[] docxBomb() {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream();
        ZipOutputStream zip = new ZipOutputStream(out)) {
      byte[] real = docx("Työkokemus\n2015–2019 Kokki");
      try (var in = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(real))) {
        for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
          zip.putNextEntry(new ZipEntry(e.getName()));
          if (e.getName().equals("word/document.xml")) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int at = xml.indexOf("Kokki") + "Kokki".length();
            zip.write(xml.substring(0, at).getBytes(StandardCharsets.UTF_8));
            byte[] filler = new byte[1024 * 1024];
            java.util.Arrays.fill(filler, (byte) 'a');
            for (int i = 0; i < 300; i++) {
              zip.write(filler);
            }
            zip.write(xml.substring(at).getBytes(StandardCharsets.UTF_8));
          } else {
            zip.write(in.readAllBytes());
          }
          zip.closeEntry();
        }
      }
      zip.finish();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> lines(String text) {
    return text.strip().lines().map(String::strip).toList();
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
