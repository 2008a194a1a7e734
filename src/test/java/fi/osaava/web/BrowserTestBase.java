package fi.osaava.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.LoadState;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Timeout;
import org.webjars.WebJarVersionLocator;

/**
 * Browser tests in Debian's headless Chromium, driven by Playwright, against the shared test
 * context. Every page a test looks at goes through {@link #check(Page)}: axe-core must find no
 * serious or critical accessibility violation, and the browser must have reported no Content
 * Security Policy violation or script error.
 *
 * <p>Without {@code /usr/bin/chromium} the tests are skipped, except under CI ({@code CI=true}),
 * where a missing browser is a failure: a CI run that silently skipped them would prove nothing.
 *
 * <p>Set {@code -Dosaava.screenshots=DIR} to save a full-page screenshot of every checked page, at
 * 1280 and at 390 px wide.
 */
@Tag("browser")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
public abstract class BrowserTestBase extends WebTestBase {

  static final Path CHROMIUM = Paths.get("/usr/bin/chromium");
  private static final String AXE = readAxe();

  private static Playwright playwright;
  private static Browser browser;

  private final List<BrowserContext> contexts = new ArrayList<>();
  private final List<String> browserErrors = new ArrayList<>();
  private final Map<Page, String> noScriptPages = new HashMap<>();
  private static final AtomicInteger screenshots = new AtomicInteger();

  @BeforeAll
  static void launchChromium() {
    if (!Files.isExecutable(CHROMIUM)) {
      if ("true".equalsIgnoreCase(System.getenv("CI"))) {
        fail(
            "Browser tests need Chromium at "
                + CHROMIUM
                + " under CI; install the Debian package 'chromium'");
      }
      assumeTrue(false, "Chromium not found at " + CHROMIUM + "; browser tests skipped");
    }
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(CHROMIUM)
                    .setHeadless(true)
                    .setArgs(
                        List.of(
                            "--no-sandbox",
                            "--disable-gpu",
                            "--disable-background-networking",
                            "--disable-component-update",
                            "--disable-sync",
                            "--no-first-run")));
  }

  @AfterAll
  static void closeChromium() {
    if (browser != null) {
      browser.close();
      browser = null;
    }
    if (playwright != null) {
      playwright.close();
      playwright = null;
    }
  }

  @AfterEach
  void closeContexts() {
    contexts.forEach(BrowserContext::close);
    contexts.clear();
    noScriptPages.clear();
    assertThat(browserErrors)
        .as("CSP violations, script errors and font requests in the browser")
        .isEmpty();
  }

  /**
   * Clicks a link or submit button and waits until the page it leads to has loaded. An assertion
   * polled while the next page is still arriving makes the browser lay it out before our style
   * sheet applies, and so reach for GOV.UK's own font, which the font guard rightly reports.
   */
  @SuppressWarnings("deprecation") // waitForNavigation: the one wait that spans a POST's redirect
  protected static void clickAndWait(Page page, Locator target) {
    page.waitForNavigation(target::click);
  }

  /** A fresh browser profile (no cookies) whose browser asks for {@code acceptLanguage}. */
  protected Page newPage(String acceptLanguage, boolean javaScript) {
    BrowserContext context =
        browser.newContext(
            new Browser.NewContextOptions()
                .setBaseURL(url(""))
                .setLocale(acceptLanguage)
                .setJavaScriptEnabled(javaScript)
                .setViewportSize(1280, 900));
    contexts.add(context);
    Page page = context.newPage();
    page.onConsoleMessage(
        message -> {
          // An error page's own status is reported as a failed load of the document; that is
          // what such a test asks for, unlike a failed style sheet or script.
          boolean documentStatus =
              message.text().startsWith("Failed to load resource")
                  && (message.location().equals(page.url())
                      || message.location().startsWith(page.url() + ":"));
          if ("error".equals(message.type()) && !documentStatus) {
            browserErrors.add(page.url() + ": " + message.text());
          }
        });
    page.onPageError(error -> browserErrors.add(page.url() + ": " + error));
    // GOV.UK Frontend's CSS declares its GDS Transport font, which only GOV.UK may use; our theme
    // sets a system font everywhere, so no page may ever ask for it.
    page.onRequest(
        request -> {
          if (request.url().contains("/assets/fonts/")) {
            browserErrors.add(page.url() + ": requested the GOV.UK font " + request.url());
          }
        });
    if (!javaScript) {
      noScriptPages.put(page, acceptLanguage);
    }
    return page;
  }

  /**
   * Runs axe-core on the page as it is now and fails on any serious or critical violation, listing
   * each with the elements it concerns. axe is evaluated through the DevTools protocol, which the
   * page's CSP does not govern, so the CSP stays on while testing.
   */
  protected void check(Page page) {
    page.waitForLoadState(LoadState.LOAD);
    saveScreenshot(page);
    String noScriptLanguage = noScriptPages.get(page);
    if (noScriptLanguage != null) {
      // axe is JavaScript and cannot run where scripts are off; a scripted twin with the same
      // cookies loads the same server-rendered page (every page here is a GET) for it instead.
      Page twin = newPage(noScriptLanguage, true);
      twin.context().addCookies(page.context().cookies());
      twin.navigate(page.url());
      runAxe(twin);
      return;
    }
    runAxe(page);
  }

  private void runAxe(Page page) {
    // A click that submits a form returns once the next page's navigation commits, before its
    // stylesheets have loaded; colour contrast measured then is the browser's unstyled default.
    page.waitForLoadState(LoadState.LOAD);
    Object loaded = page.evaluate("() => typeof window.axe !== 'undefined'");
    if (!Boolean.TRUE.equals(loaded)) {
      page.evaluate(AXE);
    }
    String violations =
        (String)
            page.evaluate(
                """
                async () => {
                  const results = await axe.run(document, { resultTypes: ['violations'] });
                  const bad = results.violations.filter(
                      v => v.impact === 'serious' || v.impact === 'critical');
                  return bad.map(v => v.impact + ' ' + v.id + ': ' + v.help + '\\n'
                      + v.nodes.map(n => '    ' + n.target.join(' ') + '\\n      '
                          + (n.failureSummary || '').replaceAll('\\n', '\\n      ')).join('\\n'))
                    .join('\\n');
                }""");
    assertThat(violations).as("axe-core serious/critical violations on " + page.url()).isEmpty();
  }

  private void saveScreenshot(Page page) {
    String directory = System.getProperty("osaava.screenshots");
    if (directory == null || directory.isBlank()) {
      return;
    }
    // Each page at the desktop width the tests run at and at a phone's width, where the layout
    // changes (navigation menu, folded filters, stacked tables).
    String name = "%s-%02d".formatted(getClass().getSimpleName(), screenshots.incrementAndGet());
    var size = page.viewportSize();
    page.screenshot(
        new Page.ScreenshotOptions()
            .setFullPage(true)
            .setPath(Path.of(directory, name + "-" + size.width + ".png")));
    page.setViewportSize(390, 844);
    page.screenshot(
        new Page.ScreenshotOptions()
            .setFullPage(true)
            .setPath(Path.of(directory, name + "-390.png")));
    page.setViewportSize(size.width, size.height);
  }

  private static String readAxe() {
    String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
    if (path == null) {
      throw new IllegalStateException("axe-core WebJar not on the test class path");
    }
    try (InputStream in = BrowserTestBase.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " not readable");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
