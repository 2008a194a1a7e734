package fi.osaava.notifications.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fi.osaava.notifications.internal.WebhookTargets.Refusal;
import fi.osaava.notifications.internal.WebhookTargets.RefusedTarget;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The webhook target policy against server-side request forgery: outside development, https to
 * public addresses only, whatever form the address is written in; names are resolved and every
 * address they resolve to is checked.
 */
class WebhookTargetsTest {

  /** Host names resolved by a table, so that no test depends on the machine's DNS. */
  private static final Map<String, String[]> NAMES =
      Map.of(
          "public.example", new String[] {"93.184.215.14"},
          "inward.example", new String[] {"10.1.2.3"},
          "mixed.example", new String[] {"93.184.215.14", "127.0.0.1"},
          "metadata.example", new String[] {"169.254.169.254"});

  private static InetAddress[] resolve(String host) throws UnknownHostException {
    String[] table = NAMES.get(host);
    if (table == null) {
      // Literals and numeric forms (2130706433, 0x7f000001) as the JDK and the C library read them.
      return InetAddress.getAllByName(host);
    }
    InetAddress[] addresses = new InetAddress[table.length];
    for (int i = 0; i < table.length; i++) {
      addresses[i] = InetAddress.getByName(table[i]);
    }
    return addresses;
  }

  private final WebhookTargets production = new WebhookTargets(false, WebhookTargetsTest::resolve);
  private final WebhookTargets development = new WebhookTargets(true, WebhookTargetsTest::resolve);

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://127.0.0.1/hook",
        "https://127.1.2.3:8443/hook",
        "https://localhost/hook",
        "https://[::1]/hook",
        "https://[0:0:0:0:0:0:0:1]/hook",
        "https://0.0.0.0/hook",
        "https://[::]/hook",
        "https://10.0.0.5/hook",
        "https://172.16.0.1/hook",
        "https://172.31.255.255/hook",
        "https://192.168.1.1/hook",
        "https://100.64.0.1/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://[fe80::1]/hook",
        "https://[fd00:ec2::254]/hook",
        "https://[fc00::1]/hook",
        "https://224.0.0.1/hook",
        "https://[ff02::1]/hook",
        "https://255.255.255.255/hook",
        "https://[::ffff:127.0.0.1]/hook",
        "https://[::ffff:7f00:1]/hook",
        "https://[::ffff:169.254.169.254]/hook",
        "https://[::ffff:10.0.0.1]/hook",
        "https://[::127.0.0.1]/hook",
        "https://[64:ff9b::a9fe:a9fe]/hook",
        "https://[2002:7f00:1::]/hook",
        "https://2130706433/hook",
        "https://0x7f000001/hook",
        "https://017700000001/hook",
        "https://0177.0.0.1/hook",
        "https://127.000.000.001/hook",
        "https://1572395042/hook",
        "https://2852039166/latest/meta-data/",
        "https://inward.example/hook",
        "https://mixed.example/hook",
        "https://metadata.example/hook"
      })
  void nonPublicAddressesAreRefusedInAnyForm(String url) {
    RefusedTarget refused = catchThrowableOfType(RefusedTarget.class, () -> production.check(url));
    assertThat(refused).as(url).isNotNull();
    assertThat(refused.refusal()).as(url).isEqualTo(Refusal.ADDRESS);
  }

  @Test
  void onlyHttpsAndNoCredentialsOrJunkOutsideDevelopment() {
    assertThat(refusal("http://public.example/hook")).isEqualTo(Refusal.SCHEME);
    assertThat(refusal("ftp://public.example/hook")).isEqualTo(Refusal.SCHEME);
    assertThat(refusal("file:///etc/passwd")).isEqualTo(Refusal.MALFORMED);
    assertThat(refusal("gopher://127.0.0.1:25/")).isEqualTo(Refusal.SCHEME);
    assertThat(refusal("https://user:secret@public.example/hook")).isEqualTo(Refusal.CREDENTIALS);
    assertThat(refusal("https://public.example/hook#x")).isEqualTo(Refusal.MALFORMED);
    assertThat(refusal("/relative/hook")).isEqualTo(Refusal.MALFORMED);
    // java.net.URI reads a short form such as 127.1 as no host at all.
    assertThat(refusal("https://127.1/hook")).isEqualTo(Refusal.MALFORMED);
    assertThat(refusal("https://0x7f.0.0.1/hook")).isEqualTo(Refusal.MALFORMED);
    assertThat(refusal("https://exa mple.fi/")).isEqualTo(Refusal.MALFORMED);
    assertThat(refusal("https://no-such-host.invalid/hook")).isEqualTo(Refusal.UNRESOLVED);
  }

  @Test
  void publicHttpsAddressesAreTaken() {
    assertThatCode(() -> production.check("https://public.example/osaava?x=1"))
        .doesNotThrowAnyException();
    assertThatCode(() -> production.check("https://93.184.215.14:8443/hook"))
        .doesNotThrowAnyException();
    assertThatCode(() -> production.check("https://[2606:2800:220:1:248:1893:25c8:1946]/hook"))
        .doesNotThrowAnyException();
  }

  @Test
  void developmentAlsoTakesHttpAndLoopback() {
    assertThatCode(() -> development.check("http://127.0.0.1:8089/hook"))
        .doesNotThrowAnyException();
    assertThatCode(() -> development.check("http://localhost/hook")).doesNotThrowAnyException();
    assertThat(catchThrowableOfType(RefusedTarget.class, () -> development.check("ftp://x/")))
        .isNotNull();
  }

  /**
   * Seeded random addresses from every non-public IPv4 range, as IPv4, as IPv4-mapped IPv6 and as
   * IPv4-compatible IPv6 (built from bytes, so the JDK cannot turn them back into IPv4 first), all
   * refused; random addresses from well-known public blocks all taken.
   */
  @Test
  void randomAddressesInEachRangeAndTheirIpv6Forms() throws Exception {
    Random random = new Random(17);
    int[][] privateBlocks = {
      {127, 0, 8},
      {10, 0, 8},
      {172, 16, 12},
      {192, 168, 16},
      {169, 254, 16},
      {100, 64, 10},
      {0, 0, 8},
      {224, 0, 4},
      {240, 0, 4}
    };
    for (int[] block : privateBlocks) {
      for (int i = 0; i < 200; i++) {
        byte[] v4 = inBlock(random, block[0], block[1], block[2]);
        assertThat(WebhookTargets.isPublic(InetAddress.getByAddress(v4)))
            .as(InetAddress.getByAddress(v4).getHostAddress())
            .isFalse();
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);
        assertThat(WebhookTargets.isPublic(Inet6Address.getByAddress(null, mapped, -1))).isFalse();
        byte[] compatible = new byte[16];
        System.arraycopy(v4, 0, compatible, 12, 4);
        assertThat(WebhookTargets.isPublic(Inet6Address.getByAddress(null, compatible, -1)))
            .isFalse();
      }
    }
    int[][] publicBlocks = {{8, 8, 16}, {93, 184, 16}, {193, 166, 16}, {130, 232, 16}};
    for (int[] block : publicBlocks) {
      for (int i = 0; i < 200; i++) {
        byte[] v4 = inBlock(random, block[0], block[1], block[2]);
        assertThat(WebhookTargets.isPublic(InetAddress.getByAddress(v4))).isTrue();
      }
    }
  }

  private static byte[] inBlock(Random random, int first, int second, int prefix) {
    int base = (first << 24) | (second << 16);
    int host = prefix == 0 ? random.nextInt() : random.nextInt() >>> prefix;
    int address = base | host;
    return new byte[] {
      (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address
    };
  }

  private Refusal refusal(String url) {
    RefusedTarget refused = catchThrowableOfType(RefusedTarget.class, () -> production.check(url));
    assertThat(refused).as(url).isNotNull();
    return refused.refusal();
  }
}
