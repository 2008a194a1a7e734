package fi.osaava.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebAddressTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://opintopolku.fi/konfo/fi/koulutus/1.2.246",
        "http://example.fi",
        "HTTPS://EXAMPLE.FI/a?b=c#d"
      })
  void httpAndHttpsAddressesWithAHostAreLinks(String address) {
    assertThat(WebAddress.isHttp(address)).isTrue();
    assertThat(WebAddress.linkOrNull(address)).isEqualTo(address);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "javascript:alert()",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "ftp://example.fi",
        "//example.fi/no-scheme",
        "/relative",
        "https://",
        "https:///path-only",
        "http://exa mple.fi",
        "https://example.fi/\u0000",
        ""
      })
  void everythingElseIsRefused(String address) {
    assertThat(WebAddress.isHttp(address)).isFalse();
    assertThat(WebAddress.linkOrNull(address)).isNull();
  }
}
