package fi.osaava.web;

import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/**
 * The accessible opening of a chart or map drawn as inline SVG on the server (the CSP allows no
 * script to draw one): {@code role="img"} labelled by its own title and description, which screen
 * readers read instead of the shapes. Every such figure on the pages starts this way; the page
 * shows the same figures as a table beside it.
 */
public final class SvgFigure {

  private SvgFigure() {}

  /**
   * A builder holding the figure's {@code <svg>} start tag, title and description; the caller
   * appends the shapes and {@code </svg>}.
   *
   * @param cssClass the style sheet's class of the figure (colours come from classes, since the CSP
   *     forbids style attributes)
   */
  public static StringBuilder start(
      String cssClass, String id, int width, int height, String title, String description) {
    return new StringBuilder(
        String.format(
            Locale.ROOT,
            "<svg class=\"%s\" id=\"%s\" viewBox=\"0 0 %d %d\" role=\"img\""
                + " aria-labelledby=\"%s-title %s-desc\"><title id=\"%s-title\">%s</title>"
                + "<desc id=\"%s-desc\">%s</desc>",
            cssClass,
            id,
            width,
            height,
            id,
            id,
            id,
            escape(title),
            id,
            escape(description)));
  }

  /** Text for the figure's markup, escaped; null as empty. */
  public static String escape(String text) {
    return HtmlUtils.htmlEscape(text == null ? "" : text);
  }
}
