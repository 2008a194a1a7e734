package fi.osaava.programmes.internal;

import fi.osaava.programmes.SafeMarkdown;
import java.util.List;
import java.util.Map;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Document;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.DefaultUrlSanitizer;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Component;

/**
 * Turns a module's Markdown into HTML that is safe to put into a page as it is: CommonMark with
 * every raw HTML block and inline tag escaped (so {@code <script>}, {@code <iframe>} and event
 * handlers arrive as visible text), and link and image addresses limited to http, https and mailto
 * ({@code javascript:} and {@code data:} links lose their address). Images become links to them,
 * since the pages' content security policy loads nothing from elsewhere. Headings start at level 2,
 * below the page's own heading, and elements get the design system's classes.
 */
@Component
public class MarkdownRenderer implements SafeMarkdown {

  private static final int MAX_LENGTH = 50_000;

  private final Parser parser = Parser.builder().build();
  private final HtmlRenderer renderer =
      HtmlRenderer.builder()
          .escapeHtml(true)
          .sanitizeUrls(true)
          .urlSanitizer(new DefaultUrlSanitizer(List.of("http", "https", "mailto")))
          .attributeProviderFactory(context -> MarkdownRenderer::classes)
          .build();

  @Override
  public String toHtml(String markdown) {
    return render(markdown);
  }

  /** HTML for {@code markdown}; an empty string for null. */
  public String render(String markdown) {
    if (markdown == null || markdown.isBlank()) {
      return "";
    }
    String text = markdown.length() > MAX_LENGTH ? markdown.substring(0, MAX_LENGTH) : markdown;
    Node document = parser.parse(text);
    document.accept(new PageStructure());
    return renderer.render(document);
  }

  private static void classes(Node node, String tag, Map<String, String> attributes) {
    switch (node) {
      case Paragraph p -> attributes.put("class", "govuk-body");
      case Link l -> {
        attributes.put("class", "govuk-link");
        attributes.put("rel", "noopener noreferrer");
      }
      case BulletList l -> attributes.put("class", "govuk-list govuk-list--bullet");
      case OrderedList l -> attributes.put("class", "govuk-list govuk-list--number");
      case BlockQuote q -> attributes.put("class", "govuk-inset-text");
      case Heading h ->
          attributes.put("class", h.getLevel() <= 2 ? "govuk-heading-m" : "govuk-heading-s");
      default -> {}
    }
  }

  /**
   * Headings moved so that the text's top level is 2, below the page's own heading, keeping their
   * order (an author may start at {@code #} or {@code ##}); images as links to them.
   */
  private static final class PageStructure extends AbstractVisitor {

    private int top = Integer.MAX_VALUE;
    private boolean measuring = true;

    @Override
    public void visit(Document document) {
      visitChildren(document);
      measuring = false;
      visitChildren(document);
    }

    @Override
    public void visit(Heading heading) {
      if (measuring) {
        top = Math.min(top, heading.getLevel());
      } else {
        heading.setLevel(Math.min(6, heading.getLevel() - top + 2));
      }
      visitChildren(heading);
    }

    @Override
    public void visit(Image image) {
      if (measuring) {
        return;
      }
      Link link = new Link(image.getDestination(), image.getTitle());
      Node child = image.getFirstChild();
      while (child != null) {
        Node next = child.getNext();
        link.appendChild(child);
        child = next;
      }
      image.insertBefore(link);
      image.unlink();
    }
  }
}
