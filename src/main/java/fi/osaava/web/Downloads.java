package fi.osaava.web;

import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A document a person downloads from a page (a guidance summary, a self-assessment report, a
 * hand-over summary): saved as a file under its name, and never kept by a cache, since such a
 * document is personal.
 */
public final class Downloads {

  private Downloads() {}

  /** A PDF to save as {@code filename}. */
  public static ResponseEntity<byte[]> pdf(byte[] pdf, String filename) {
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment().filename(filename).build().toString())
        .cacheControl(CacheControl.noStore())
        .body(pdf);
  }
}
