package fi.osaava.web;

import java.util.concurrent.Executor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.core.task.SyncTaskExecutor;
import org.springframework.scheduling.annotation.AsyncConfigurer;

/**
 * Runs the asynchronous {@code @ApplicationModuleListener}s in the publishing thread, right after
 * its commit, in the shared web test context: a test that imports or changes data then sees every
 * module's reaction at once instead of racing it. The registry records and completes each delivery
 * just as in the service.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SynchronousModuleListeners implements AsyncConfigurer {

  @Override
  public Executor getAsyncExecutor() {
    return new SyncTaskExecutor();
  }
}
