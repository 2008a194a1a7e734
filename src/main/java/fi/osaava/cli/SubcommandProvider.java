package fi.osaava.cli;

import java.util.List;

/**
 * Subcommands that live outside the production jar and join the command line when their jar is on
 * the class path, found through {@link java.util.ServiceLoader}. The measurement wing ({@code
 * osaava-bench.jar}, ADR 0013) provides {@code bench} and {@code evaluate} this way, so that the
 * production command line names none of its classes.
 */
public interface SubcommandProvider {

  /** Picocli command objects (annotated with {@code @Command}), added in this order. */
  List<Object> subcommands();
}
