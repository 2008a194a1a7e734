package fi.osaava.programmes;

import static org.assertj.core.api.Assertions.assertThat;

import fi.osaava.programmes.internal.MarkdownRenderer;
import java.util.List;
import java.util.Locale;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Module texts are Markdown from editors; whatever they write, the HTML that reaches a page has no
 * script, no event handler, no frame or object, and no link or image address outside http, https
 * and mailto. The corpus holds the usual XSS payloads (OWASP's filter-evasion cheat sheet and
 * Markdown-specific ones); the rendered HTML is parsed as a browser would and inspected.
 */
class MarkdownRendererTest {

  private final MarkdownRenderer renderer = new MarkdownRenderer();

  static List<String> payloads() {
    return List.of(
        "<script>alert(1)</script>",
        "<SCRIPT SRC=http://xss.example/xss.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<svg/onload=alert(1)>",
        "<body onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<details open ontoggle=alert(1)>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "[click](javascript:alert(1))",
        "[click](JaVaScRiPt:alert(1))",
        "[click](javascript&#58;alert(1))",
        "[click](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))",
        "[click]( javascript:alert(1) )",
        "[click](<javascript:alert(1)>)",
        "[click](vbscript:msgbox(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "![x](javascript:alert(1))",
        "![x\" onerror=\"alert(1)](https://example.org/a.png)",
        "[x](https://example.org \"title\\\" onmouseover=\\\"alert(1)\")",
        "<javascript:alert(1)>",
        "[ref]\n\n[ref]: javascript:alert(1)",
        "```html\n<script>alert(1)</script>\n```",
        "`<script>alert(1)</script>`",
        "<<script>script>alert(1)<</script>/script>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<!--<script>alert(1)</script>-->",
        "<![CDATA[<script>alert(1)</script>]]>",
        "<form action=javascript:alert(1)><button>x</button></form>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<link rel=stylesheet href=https://evil.example/x.css>",
        "<base href=\"javascript:alert(1)//\">",
        "> <script>alert(1)</script>",
        "* <img src=x onerror=alert(1)>\n* [a](javascript:alert(1))",
        "# <iframe srcdoc=\"<script>alert(1)</script>\">");
  }

  @ParameterizedTest
  @MethodSource("payloads")
  void payloadsRenderInert(String payload) {
    String html = renderer.render("Intro text.\n\n" + payload + "\n\nOutro text.");
    Document page = Jsoup.parseBodyFragment(html);
    for (Element element : page.body().getAllElements()) {
      String tag = element.tagName().toLowerCase(Locale.ROOT);
      assertThat(tag)
          .as("element in %s", html)
          .isNotIn(
              "script", "iframe", "object", "embed", "svg", "math", "style", "form", "meta", "link",
              "base", "details", "img");
      element
          .attributes()
          .forEach(
              attribute -> {
                String name = attribute.getKey().toLowerCase(Locale.ROOT);
                assertThat(name).as("attribute in %s", html).doesNotStartWith("on");
                assertThat(name).as("attribute in %s", html).isNotEqualTo("style");
                if (name.equals("href") || name.equals("src")) {
                  String value = attribute.getValue().strip().toLowerCase(Locale.ROOT);
                  assertThat(
                          value.isEmpty()
                              || value.startsWith("https://")
                              || value.startsWith("http://")
                              || value.startsWith("mailto:")
                              || !value.contains(":"))
                      .as("address %s in %s", value, html)
                      .isTrue();
                }
              });
    }
    // The text around the payload is still there: escaping, not swallowing the page.
    assertThat(page.text()).contains("Intro text.").contains("Outro text.");
  }

  @Test
  void rawHtmlIsShownAsTextNotDropped() {
    String html = renderer.render("<script>alert(1)</script>");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script");
  }

  @Test
  void ordinaryMarkdownBecomesTheDesignSystemsMarkup() {
    String html =
        renderer.render(
            "# Heading\n\nA *paragraph* with a [link](https://example.org).\n\n- one\n- two\n\n>"
                + " quote");
    Document page = Jsoup.parseBodyFragment(html);
    assertThat(page.select("h2.govuk-heading-m").text()).isEqualTo("Heading");
    assertThat(page.select("p.govuk-body em").text()).isEqualTo("paragraph");
    assertThat(page.select("a.govuk-link").attr("href")).isEqualTo("https://example.org");
    assertThat(page.select("a.govuk-link").attr("rel")).isEqualTo("noopener noreferrer");
    assertThat(page.select("ul.govuk-list--bullet li")).hasSize(2);
    assertThat(page.select("blockquote.govuk-inset-text").text()).isEqualTo("quote");
  }

  @Test
  void theTextsTopHeadingLevelBecomesTwoWithTheOrderKept() {
    Document page =
        Jsoup.parseBodyFragment(renderer.render("## Section\n\ntext\n\n### Part\n\nmore"));
    assertThat(page.select("h2").text()).isEqualTo("Section");
    assertThat(page.select("h3").text()).isEqualTo("Part");
    assertThat(page.select("h1")).isEmpty();
  }

  @Test
  void imagesBecomeLinksBecauseThePagesLoadNothingFromElsewhere() {
    Document page =
        Jsoup.parseBodyFragment(renderer.render("![A chart](https://example.org/chart.png)"));
    assertThat(page.select("img")).isEmpty();
    assertThat(page.select("a").attr("href")).isEqualTo("https://example.org/chart.png");
    assertThat(page.select("a").text()).isEqualTo("A chart");
  }
}
