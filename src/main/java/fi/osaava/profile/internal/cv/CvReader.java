package fi.osaava.profile.internal.cv;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.tika.detect.DefaultDetector;
import org.apache.tika.detect.Detector;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.exception.WriteLimitReachedException;
import org.apache.tika.exception.ZeroByteFileException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.parser.odf.OpenDocumentParser;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.apache.tika.sax.SecureContentHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads the text of an uploaded CV with Apache Tika: PDF, DOCX (Office Open XML) and ODT
 * (OpenDocument) only, recognised by their content rather than their name. Tika's own guards are
 * on: a limit on the text read, a limit on how much text a few compressed bytes may expand to (zip
 * and XML bombs), no embedded documents, no OCR. Parsing runs on a bounded pool with a time limit,
 * so a hostile file costs at most that much and never takes the page down; every failure becomes a
 * {@link CvFileException} naming the file and the reason.
 */
@Component
public class CvReader implements DisposableBean {

  /** The largest file accepted; CVs are a few hundred kilobytes, with photos a few megabytes. */
  public static final int MAX_BYTES = 5 * 1024 * 1024;

  /**
   * The most a DOCX or ODT may inflate to, all parts together; a CV's text is well under a
   * megabyte, and its pictures are stored compressed already.
   */
  static final long MAX_INFLATED_BYTES = 20L * 1024 * 1024;

  /** The most text read from one CV; a long CV has some 20,000 characters. */
  static final int MAX_CHARS = 100_000;

  /** Parsing longer than this is given up: a real CV takes well under a second. */
  static final Duration TIME_LIMIT = Duration.ofSeconds(20);

  /** CVs parsed at once; more wait briefly, then get "try again". */
  private static final int PARALLEL = 2;

  static final MediaType PDF = MediaType.application("pdf");
  static final MediaType DOCX =
      MediaType.application("vnd.openxmlformats-officedocument.wordprocessingml.document");
  static final MediaType ODT = MediaType.application("vnd.oasis.opendocument.text");

  private static final Logger log = LoggerFactory.getLogger(CvReader.class);

  private final Detector detector = new DefaultDetector();
  private final Map<MediaType, Parser> parsers;
  private final Semaphore slots = new Semaphore(PARALLEL);
  private final ExecutorService pool =
      Executors.newFixedThreadPool(
          PARALLEL, Thread.ofPlatform().name("cv-reader-", 0).daemon(true).factory());

  /** A CV's text and what it was read as. */
  public record CvText(String text, MediaType type, boolean truncated) {}

  public CvReader() {
    // POI reads a DOCX's parts whole before Tika sees any text, so its own zip guards must stop a
    // bomb: no part may inflate past a size no CV reaches, nor at a ratio no real document has.
    org.apache.poi.openxml4j.util.ZipSecureFile.setMaxEntrySize(MAX_INFLATED_BYTES);
    org.apache.poi.openxml4j.util.ZipSecureFile.setMinInflateRatio(0.01);
    parsers = Map.of(PDF, new PDFParser(), DOCX, new OOXMLParser(), ODT, new OpenDocumentParser());
  }

  /**
   * The text of a CV file.
   *
   * @param fileName as uploaded, for messages only: the type comes from the content
   * @throws CvFileException when the file is empty, too large, of another type, encrypted, damaged,
   *     a decompression bomb, too slow to read, or has no text
   */
  public CvText read(String fileName, byte[] content) {
    if (content.length == 0) {
      throw new CvFileException("empty", fileName, "the file is empty");
    }
    if (content.length > MAX_BYTES) {
      throw new CvFileException(
          "tooLarge", fileName, "larger than " + MAX_BYTES / (1024 * 1024) + " MB");
    }
    MediaType type = detect(fileName, content);
    Parser parser = parsers.get(type);
    if (parser == null) {
      if (type.getSubtype().contains("protected") || type.getSubtype().contains("encrypted")) {
        throw new CvFileException("encrypted", fileName, "the file is password-protected");
      }
      throw new CvFileException(
          "type", fileName, "a " + type + " file; upload a PDF, DOCX or ODT file", type.toString());
    }
    boolean acquired;
    try {
      acquired = slots.tryAcquire(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CvFileException("busy", fileName, "interrupted while waiting to be read");
    }
    if (!acquired) {
      throw new CvFileException("busy", fileName, "too many CVs are being read; try again");
    }
    try {
      Future<CvText> parsing = pool.submit(() -> parse(fileName, content, type, parser));
      try {
        return parsing.get(TIME_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        parsing.cancel(true);
        throw new CvFileException(
            "slow", fileName, "reading took longer than " + TIME_LIMIT.toSeconds() + " s");
      } catch (ExecutionException e) {
        if (e.getCause() instanceof CvFileException refused) {
          throw refused;
        }
        // Parsers can fail on hostile input in ways no checked exception covers (a runaway
        // recursion, a parser bug): still the file's fault, still a clear refusal.
        log.info("CV {} could not be read: {}", fileName, String.valueOf(e.getCause()));
        throw new CvFileException("damaged", fileName, "the file is damaged or not a real CV file");
      } catch (InterruptedException e) {
        parsing.cancel(true);
        Thread.currentThread().interrupt();
        throw new CvFileException("busy", fileName, "interrupted while being read");
      }
    } finally {
      slots.release();
    }
  }

  private MediaType detect(String fileName, byte[] content) {
    Metadata metadata = new Metadata();
    try (TikaInputStream in = TikaInputStream.get(content)) {
      return detector.detect(in, metadata);
    } catch (IOException | RuntimeException e) {
      log.info("CV {} could not be recognised: {}", fileName, e.toString());
      throw new CvFileException("damaged", fileName, "the file is damaged or not a real CV file");
    }
  }

  private static CvText parse(String fileName, byte[] content, MediaType type, Parser parser) {
    BodyContentHandler body = new BodyContentHandler(MAX_CHARS);
    Metadata metadata = new Metadata();
    metadata.set(TikaCoreProperties.RESOURCE_NAME_KEY, fileName);
    metadata.set(Metadata.CONTENT_TYPE, type.toString());
    ParseContext context = new ParseContext();
    // Pictures, attached files and other embedded objects are not part of the CV's text.
    context.set(EmbeddedDocumentExtractor.class, new SkipEmbedded());
    PDFParserConfig pdf = new PDFParserConfig();
    pdf.setExtractInlineImages(false);
    pdf.setExtractAnnotationText(false);
    pdf.setOcrStrategy(PDFParserConfig.OCR_STRATEGY.NO_OCR);
    // Two-column CV layouts read in reading order rather than in drawing order.
    pdf.setSortByPosition(true);
    context.set(PDFParserConfig.class, pdf);
    if (!type.equals(PDF)) {
      checkInflatedSize(fileName, content);
    }
    boolean truncated = false;
    try (TikaInputStream in = TikaInputStream.get(content)) {
      SecureContentHandler secure = new SecureContentHandler(body, in);
      // A CV's text is a fraction of its compressed size; far more text than bytes is a bomb.
      secure.setMaximumCompressionRatio(100);
      secure.setOutputThreshold(200_000);
      secure.setMaximumDepth(200);
      try {
        parser.parse(in, secure, metadata, context);
      } catch (SAXException e) {
        secure.throwIfCauseOf(e);
        if (!WriteLimitReachedException.isWriteLimitReached(e)) {
          throw e;
        }
        truncated = true;
      }
    } catch (EncryptedDocumentException e) {
      throw new CvFileException("encrypted", fileName, "the file is password-protected");
    } catch (ZeroByteFileException e) {
      throw new CvFileException("empty", fileName, "the file is empty");
    } catch (TikaException | SAXException | IOException e) {
      throw refusal(fileName, e);
    }
    String text = body.toString().replace('\u00a0', ' ').replace("\r", "");
    if (text.isBlank()) {
      throw new CvFileException(
          "noText", fileName, "no text in the file (a scanned image cannot be read)");
    }
    return new CvText(text, type, truncated);
  }

  /**
   * Refuses a DOCX or ODT that inflates past {@link #MAX_INFLATED_BYTES} before any parser builds
   * it: POI reads a part whole before Tika's handlers see text, so their guards come too late for a
   * zip bomb. Counting costs one pass of inflating, stopped at the limit.
   */
  private static void checkInflatedSize(String fileName, byte[] content) {
    long total = 0;
    byte[] buffer = new byte[64 * 1024];
    try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(content))) {
      while (zip.getNextEntry() != null) {
        for (int n = zip.read(buffer); n > 0; n = zip.read(buffer)) {
          total += n;
          if (total > MAX_INFLATED_BYTES) {
            throw new CvFileException("bomb", fileName, "the file expands to far more than a CV");
          }
        }
      }
    } catch (IOException | IllegalArgumentException e) {
      // Not a readable zip: the parser says what is wrong with it.
    }
  }

  /** What went wrong, from the exception and its causes: Tika and POI say it in their messages. */
  private static CvFileException refusal(String fileName, Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage()).toLowerCase(java.util.Locale.ROOT);
      if (t instanceof EncryptedDocumentException
          || t.getClass().getSimpleName().contains("Encrypted")
          || message.contains("password")
          || message.contains("encrypt")) {
        return new CvFileException("encrypted", fileName, "the file is password-protected");
      }
      if (message.contains("bomb")) {
        return new CvFileException("bomb", fileName, "the file expands to far more than a CV");
      }
    }
    log.info("CV {} could not be read: {}", fileName, e.toString());
    return new CvFileException("damaged", fileName, "the file is damaged or not a real CV file");
  }

  @Override
  public void destroy() {
    pool.shutdownNow();
  }

  /** Leaves embedded documents unread. */
  private static final class SkipEmbedded implements EmbeddedDocumentExtractor {

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
      return false;
    }

    @Override
    public void parseEmbedded(
        InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml) {
      // Not reached: shouldParseEmbedded says no.
    }
  }
}
