package fi.osaava.web;

import fi.osaava.platform.StartupWork;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.test.context.TestComponent;

/**
 * Startup work that a test controls, in the shared web test context: empty unless a test adds to
 * it, and that test must clear it again (other tests expect a ready service).
 */
@TestComponent
public class TestStartupWork implements StartupWork {

  private final List<Pending> pending = new CopyOnWriteArrayList<>();

  public void add(Pending work) {
    pending.add(work);
  }

  public void clear() {
    pending.clear();
  }

  @Override
  public List<Pending> pending() {
    return List.copyOf(pending);
  }
}
