package org.hexproof.poc.app;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import org.slf4j.LoggerFactory;

/** What the whole process logs at WARN and above while it is open (logback's root logger). */
final class CapturedLog implements AutoCloseable {
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  CapturedLog() {
    appender.setContext(root.getLoggerContext());
    appender.start();
    root.addAppender(appender);
  }

  /** Events at {@code level} or above, as "LEVEL logger: message" lines. */
  List<String> atLeast(Level level) {
    return events().stream()
        .filter(e -> e.getLevel().isGreaterOrEqual(level))
        .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage())
        .toList();
  }

  /**
   * Events that name {@code exceptionClass} (simple or full name) in their message or in their
   * throwable's chain of causes and suppressed exceptions.
   */
  List<String> mentioning(String exceptionClass) {
    return events().stream()
        .filter(
            e ->
                e.getFormattedMessage().contains(exceptionClass)
                    || names(e.getThrowableProxy(), exceptionClass))
        .map(e -> e.getLevel() + " " + e.getLoggerName() + ": " + e.getFormattedMessage())
        .toList();
  }

  private List<ILoggingEvent> events() {
    synchronized (appender) {
      return List.copyOf(appender.list);
    }
  }

  private static boolean names(IThrowableProxy t, String exceptionClass) {
    if (t == null) {
      return false;
    }
    if (t.getClassName().endsWith(exceptionClass)
        || (t.getMessage() != null && t.getMessage().contains(exceptionClass))) {
      return true;
    }
    for (IThrowableProxy s : t.getSuppressed()) {
      if (names(s, exceptionClass)) {
        return true;
      }
    }
    return names(t.getCause(), exceptionClass);
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
