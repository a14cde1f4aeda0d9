package org.hexproof.fieldtests.reliability;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.ApplicationContextBuilder;
import io.micronaut.runtime.server.EmbeddedServer;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.LoggerFactory;

/**
 * The main class of a service process that {@link ServiceProcess} starts in its own JVM: one
 * Micronaut context in the environments given, as the launcher's service commands build it, and its
 * HTTP server. The process runs until it is killed.
 *
 * <p>Arguments: a comma-separated list of environments, then {@code key=value} properties. The
 * property {@code reliability.clock-offset} (an ISO-8601 duration) supplies a clock that many
 * seconds ahead of the system clock, e.g. to let the verifier judge reports whose entropy windows
 * close minutes from now.
 */
public final class ServiceMain {
  /** Printed on standard output once the HTTP server listens. */
  static final String READY = "service ready on port ";

  static final String CLOCK_OFFSET = "reliability.clock-offset";

  private ServiceMain() {}

  /**
   * Starts the context and waits forever.
   *
   * @param args environments, then {@code key=value} properties
   * @throws InterruptedException never in practice: the process is killed
   */
  public static void main(String[] args) throws InterruptedException {
    if (args.length < 1) {
      throw new IllegalArgumentException("expected ENVIRONMENTS [key=value ...]");
    }
    quietLogs(Level.INFO);
    Map<String, Object> properties = new LinkedHashMap<>();
    for (String arg : Arrays.asList(args).subList(1, args.length)) {
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        throw new IllegalArgumentException("expected key=value, got " + arg);
      }
      properties.put(arg.substring(0, eq), arg.substring(eq + 1));
    }
    Object offset = properties.remove(CLOCK_OFFSET);
    ApplicationContextBuilder builder =
        ApplicationContext.builder()
            .environments(args[0].split(","))
            .properties(properties)
            .banner(false);
    if (offset != null) {
      builder
          .properties(Map.of("hexproof.clock.supplied", true))
          .singletons(Clock.offset(Clock.systemUTC(), Duration.parse(offset.toString())));
    }
    ApplicationContext context = builder.start();
    EmbeddedServer server = context.getBean(EmbeddedServer.class).start();
    System.out.println(READY + server.getPort());
    System.out.flush();
    new CountDownLatch(1).await();
  }

  /**
   * Sets the root log level: the field-tests class path has no logback configuration, so logback
   * would log every DEBUG line of the bean context, which slows a service down severalfold.
   */
  static void quietLogs(Level level) {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(level);
  }
}
