package fi.osaava.programmes;

/**
 * Markdown written by people (modules, articles, posts) turned into HTML that is safe to put into a
 * page as it is: raw HTML escaped, links limited to http, https and mailto (docs/programmes.md,
 * "Markdown is rendered safely"). Offered to other modules so that every text people write is
 * rendered by the one renderer that the XSS corpus test checks.
 */
public interface SafeMarkdown {

  /** HTML for {@code markdown}; an empty string for null or blank. */
  String toHtml(String markdown);
}
