package fi.osaava.web;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.modulith.events.ApplicationModuleListener;

/**
 * A cross-module listener that a test can make fail, in the shared web test context, so that the
 * event publication registry's retry is tested on the real database. It fails only for the events a
 * test marks, so no other test notices it.
 */
@TestComponent
public class FlakyModuleListener {

  /** The event it listens to: an id, so that each test tells its own delivery apart. */
  public record Probe(String id) {}

  private final List<String> failing = new CopyOnWriteArrayList<>();
  private final List<String> delivered = new CopyOnWriteArrayList<>();

  public void failFor(String id) {
    failing.add(id);
  }

  public void succeedFor(String id) {
    failing.remove(id);
  }

  public boolean delivered(String id) {
    return delivered.contains(id);
  }

  @ApplicationModuleListener
  void on(Probe event) {
    if (failing.contains(event.id())) {
      throw new IllegalStateException("planted failure for " + event.id());
    }
    delivered.add(event.id());
  }
}
