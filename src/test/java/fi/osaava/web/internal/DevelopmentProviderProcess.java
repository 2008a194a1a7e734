package fi.osaava.web.internal;

import java.net.InetAddress;
import java.util.concurrent.CountDownLatch;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;

/**
 * The development sign-in provider as a process of its own, for the topology on one machine ({@code
 * deploy/topology}): the same mock OpenID Connect provider and token mappings as {@link
 * DevelopmentSignInConfiguration} runs inside a single node, on a fixed loopback port, so that
 * every node uses it as its external provider, as every node of a real deployment uses one. A node
 * killed in the fault run then takes nobody's sign-in or token checks with it.
 *
 * <p>Usage: {@code DevelopmentProviderProcess PORT}; it runs until the process is told to stop.
 */
public final class DevelopmentProviderProcess {

  private DevelopmentProviderProcess() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 1) {
      System.err.println("usage: DevelopmentProviderProcess PORT");
      System.exit(2);
    }
    MockOAuth2Server server =
        new MockOAuth2Server(
            OAuth2Config.Companion.fromJson(DevelopmentSignInConfiguration.PROVIDER_CONFIG));
    server.start(InetAddress.getLoopbackAddress(), Integer.parseInt(args[0]));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.shutdown();
                  stopped.countDown();
                }));
    System.out.println(
        "Development OpenID Connect provider at "
            + server.issuerUrl(DevelopmentSignInConfiguration.ISSUER_ID));
    System.out.flush();
    stopped.await();
  }
}
