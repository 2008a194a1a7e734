package fi.osaava.notifications.internal;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Which URLs a webhook may post to. Outside development only {@code https} to a host whose every
 * address is publicly routable: a subscriber's URL must not make Osaava reach its own host, the
 * cloud's metadata service or the internal network (server-side request forgery). The host is
 * resolved when the subscription is made and again before every attempt, so a name that later
 * points inwards is refused then.
 */
class WebhookTargets {

  /** Why a URL is refused; the name is the message key's last part. */
  enum Refusal {
    MALFORMED,
    SCHEME,
    CREDENTIALS,
    UNRESOLVED,
    ADDRESS
  }

  /** A refused URL. */
  static final class RefusedTarget extends Exception {
    private final Refusal refusal;

    RefusedTarget(Refusal refusal, String detail) {
      super(detail);
      this.refusal = refusal;
    }

    Refusal refusal() {
      return refusal;
    }
  }

  /** Resolves a host name; the tests give their own. */
  interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** A host made of digits, dots and hexadecimal, that is, meant as an IPv4 address. */
  private static final Pattern NUMERIC =
      Pattern.compile("(?i)(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]+))*\\.?");

  /** The one standard form of an IPv4 address: four decimal parts of 0-255, no leading zeros. */
  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  private final boolean allowLocal;
  private final Resolver resolver;

  WebhookTargets(boolean allowLocal, Resolver resolver) {
    this.allowLocal = allowLocal;
    this.resolver = resolver;
  }

  WebhookTargets(boolean allowLocal) {
    this(allowLocal, InetAddress::getAllByName);
  }

  /** The URL if it may be posted to now, else why not. */
  URI check(String url) throws RefusedTarget {
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      throw new RefusedTarget(Refusal.MALFORMED, "not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawFragment() != null) {
      throw new RefusedTarget(Refusal.MALFORMED, "not an absolute URL with a host");
    }
    if (!scheme.equals("https") && !(allowLocal && scheme.equals("http"))) {
      throw new RefusedTarget(Refusal.SCHEME, "only https");
    }
    if (uri.getRawUserInfo() != null) {
      throw new RefusedTarget(Refusal.CREDENTIALS, "no user name or password in the URL");
    }
    String host = uri.getHost();
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (!allowLocal && NUMERIC.matcher(host).matches() && !DOTTED_QUAD.matcher(host).matches()) {
      // 2130706433, 0x7f000001, 0177.0.0.1: resolvers differ on these, so none is taken.
      throw new RefusedTarget(Refusal.ADDRESS, "a numeric host in a non-standard form");
    }
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(host);
    } catch (UnknownHostException e) {
      throw new RefusedTarget(Refusal.UNRESOLVED, "the host name does not resolve");
    }
    if (addresses.length == 0) {
      throw new RefusedTarget(Refusal.UNRESOLVED, "the host name does not resolve");
    }
    if (!allowLocal) {
      for (InetAddress address : addresses) {
        if (!isPublic(address)) {
          throw new RefusedTarget(
              Refusal.ADDRESS, "resolves to a non-public address " + address.getHostAddress());
        }
      }
    }
    return uri;
  }

  /**
   * Whether an address is publicly routable: not the unspecified, loopback, private, shared
   * (carrier-grade NAT), link-local, multicast, unique-local or reserved ranges, also when an IPv4
   * address is carried inside an IPv6 one (IPv4-mapped, -compatible, NAT64, 6to4).
   */
  static boolean isPublic(InetAddress address) {
    if (address.isAnyLocalAddress()
        || address.isLoopbackAddress()
        || address.isSiteLocalAddress()
        || address.isLinkLocalAddress()
        || address.isMulticastAddress()) {
      return false;
    }
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      return !(first == 0
          || first >= 240
          || (first == 100 && second >= 64 && second < 128)
          || (first == 192 && second == 0 && (b[2] & 0xff) == 0)
          || (first == 198 && (second == 18 || second == 19)));
    }
    if (address instanceof Inet6Address) {
      if ((b[0] & 0xfe) == 0xfc) {
        return false; // fc00::/7 unique local
      }
      byte[] embedded = embeddedIpv4(b);
      if (embedded != null) {
        try {
          return isPublic(InetAddress.getByAddress(embedded));
        } catch (UnknownHostException e) {
          return false;
        }
      }
    }
    return true;
  }

  /** The IPv4 address inside an IPv4-compatible, -mapped, NAT64 or 6to4 IPv6 address, or null. */
  private static byte @Nullable [] embeddedIpv4(byte[] b) {
    boolean zeros = allZero(b, 0, 10);
    if (zeros && allZero(b, 10, 12)) {
      return Arrays.copyOfRange(b, 12, 16); // ::a.b.c.d
    }
    if (zeros && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return Arrays.copyOfRange(b, 12, 16); // ::ffff:a.b.c.d
    }
    if (List.of(0x00, 0x64, 0xff, 0x9b).equals(unsigned(b, 0, 4)) && allZero(b, 4, 12)) {
      return Arrays.copyOfRange(b, 12, 16); // 64:ff9b::a.b.c.d
    }
    if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
      return Arrays.copyOfRange(b, 2, 6); // 2002:aabb:ccdd::
    }
    return null;
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static List<Integer> unsigned(byte[] b, int from, int to) {
    Integer[] values = new Integer[to - from];
    for (int i = from; i < to; i++) {
      values[i - from] = b[i] & 0xff;
    }
    return List.of(values);
  }
}
