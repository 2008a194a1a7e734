package fi.osaava.web.internal;

import fi.osaava.platform.StartupWork;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person at the console where the service is and what it still prepares: the address at
 * once, then each change in the pending work, and "ready" when nothing is pending, so nobody has to
 * guess from log lines whether the answers are complete yet.
 */
@Component
class StartupAnnouncer {

  private static final Logger log = LoggerFactory.getLogger("osaava.startup");
  private static final Duration POLL = Duration.ofSeconds(2);
  private static final Duration GIVE_UP = Duration.ofHours(2);

  private final ObjectProvider<StartupWork> work;

  StartupAnnouncer(ObjectProvider<StartupWork> work) {
    this.work = work;
  }

  /** Set once the start-up runners (the first-start imports) have finished. */
  private volatile boolean started;

  /** The web server answers before the first-start imports run, so the address comes first. */
  @EventListener
  void announce(WebServerInitializedEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext)) {
      return;
    }
    String url = "http://localhost:" + event.getWebServer().getPort() + "/";
    log.info("Osaava answers at {}", url);
    Thread.ofVirtual().name("startup-announcer").start(() -> follow(url));
  }

  @EventListener
  void started(ApplicationReadyEvent event) {
    started = true;
  }

  private void follow(String url) {
    long deadline = System.nanoTime() + GIVE_UP.toNanos();
    String last = null;
    while (System.nanoTime() < deadline) {
      try {
        // The first look waits too: work that starts on the ready event is registered by then.
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      List<String> pending =
          work.orderedStream()
              .flatMap(w -> w.pending().stream())
              .map(StartupWork.Pending::describe)
              .toList();
      if (pending.isEmpty() && started) {
        log.info("Osaava is ready at {}", url);
        return;
      }
      String now = String.join(", ", pending);
      if (!pending.isEmpty() && !now.equals(last)) {
        log.info("Still preparing: {} (pages say so until it is done)", now);
        last = now;
      }
    }
  }
}
