package org.hexproof.bridge.serial;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.hexproof.bridge.radio.CommandTimeoutException;
import org.hexproof.bridge.radio.LinkDownException;
import org.hexproof.bridge.tasks.SerialExecutor;
import org.hexproof.bridge.tasks.Workers;

/**
 * A command/reply conversation with one module over a {@link LineChannel}.
 *
 * <p>Threads: the channel's reader frames lines and hands each to the outstanding command or, when
 * it is unsolicited, to the listener on this line's <em>event</em> executor, one line at a time in
 * order (so a listener may itself send commands). A <em>supervisor</em> executor pings an idle link
 * and reopens a dead one with exponential backoff, then runs the reconnect hook on the event
 * executor; a failing hook counts as a dead link, so it is retried after the next backoff. Both
 * executors are {@link SerialExecutor}s: on two threads of the line's own, or on shared {@link
 * Workers}. {@link #start} and {@link #close} bound the lifecycle.
 */
public final class SerialLine extends SupervisedLink implements AutoCloseable {
  private final Clock clock;
  private final List<ExecutorService> ownThreads;
  private volatile Consumer<LineEvent> listener = event -> {};

  /**
   * A line with two threads of its own ({@code serial-events}, {@code serial-supervisor}).
   *
   * @param opener opens the device, now and after every failure
   * @param dialect how to tell events from replies, and how to ping
   * @param options ping and backoff timing
   * @param clock stamps every line as it is framed
   */
  public SerialLine(
      LineChannelOpener opener, LineDialect dialect, SerialLineOptions options, Clock clock) {
    this(
        opener,
        dialect,
        options,
        clock,
        Executors.newSingleThreadExecutor(daemon("serial-events " + dialect.name())),
        Executors.newSingleThreadScheduledExecutor(daemon("serial-supervisor " + dialect.name())));
  }

  /**
   * A line whose events and supervision run on {@code workers}, in the same order as on threads of
   * its own; {@link #close} leaves {@code workers} running.
   */
  public SerialLine(
      LineChannelOpener opener,
      LineDialect dialect,
      SerialLineOptions options,
      Clock clock,
      Workers workers) {
    super(
        opener,
        dialect,
        options,
        workers.serial("serial-events " + dialect.name()),
        workers.serial("serial-supervisor " + dialect.name()));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ownThreads = List.of();
  }

  /** Events on {@code events}; supervision runs on its timer thread {@code supervisor}. */
  private SerialLine(
      LineChannelOpener opener,
      LineDialect dialect,
      SerialLineOptions options,
      Clock clock,
      ExecutorService events,
      ScheduledExecutorService supervisor) {
    super(
        opener,
        dialect,
        options,
        new SerialExecutor("serial-events " + dialect.name(), events, supervisor),
        new SerialExecutor("serial-supervisor " + dialect.name(), supervisor, supervisor));
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ownThreads = List.of(events, supervisor);
  }

  /** Receives every unsolicited line, on the event thread. Replaces the previous listener. */
  public void setListener(Consumer<LineEvent> listener) {
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /** Runs on the event thread after every successful reopen, e.g. to reconfigure the module. */
  public void setReconnectHook(Runnable hook) {
    this.reconnectHook = Objects.requireNonNull(hook, "hook");
  }

  /**
   * Opens the link and starts pinging.
   *
   * @throws LinkDownException when the first open fails (no retry: bad config should fail early)
   * @throws IllegalStateException when already started
   */
  public void start() {
    synchronized (stateLock) {
      if (state != State.NEW) {
        throw new IllegalStateException(dialect.name() + ": already started");
      }
    }
    int gen = nextGeneration();
    LineChannel opened = opener.open(receiver(gen));
    synchronized (stateLock) {
      state = State.UP;
      channel = opened;
    }
    long pingMillis = options.pingInterval().toMillis();
    if (pingMillis > 0) {
      long check = Math.max(10, pingMillis / 4);
      supervisor.scheduleWithFixedDelay(
          this::pingIfIdle, Duration.ofMillis(check), Duration.ofMillis(check));
    }
  }

  /** Whether the link is open now. */
  @Override
  public boolean isUp() {
    synchronized (stateLock) {
      return state == State.UP;
    }
  }

  /**
   * Sends {@code line} and collects the reply lines up to and including the first for which {@code
   * isFinal} holds. Blank lines and the echo of the command are left out; unsolicited lines go to
   * the listener. Only one command is outstanding at a time: callers queue fairly.
   *
   * @param line the command without CR LF
   * @param isFinal recognises the last reply line (success or error)
   * @param timeout how long to wait for the final line after writing
   * @return the reply lines, final line last
   * @throws CommandTimeoutException when the final line does not come in time
   * @throws LinkDownException when the link is down or fails meanwhile
   * @throws IllegalStateException after {@link #close}
   */
  @Override
  public List<String> command(String line, Predicate<String> isFinal, Duration timeout) {
    PendingCommand p = new PendingCommand(line, Objects.requireNonNull(isFinal, "isFinal"));
    commandLock.lock();
    try {
      LineChannel target;
      int gen;
      synchronized (stateLock) {
        if (state == State.CLOSED || state == State.NEW) {
          throw new IllegalStateException(dialect.name() + ": not started or closed");
        }
        if (state != State.UP) {
          throw new LinkDownException(dialect.name() + ": link down, reopening");
        }
        pending = p;
        target = channel;
        gen = generation;
      }
      try {
        target.writeLine(line);
      } catch (LinkDownException e) {
        linkDown(gen, e);
        throw e;
      }
      try {
        List<String> reply = p.result.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        lastReplyNanos = System.nanoTime();
        return reply;
      } catch (TimeoutException e) {
        throw new CommandTimeoutException(line, timeout, abandon(p));
      } catch (ExecutionException e) {
        throw new LinkDownException(e.getCause().getMessage(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        abandon(p);
        throw new LinkDownException(dialect.name() + ": interrupted waiting for \"" + line + "\"");
      }
    } finally {
      commandLock.unlock();
    }
  }

  /** Stops pinging and reopening, closes the channel and fails an outstanding command. */
  @Override
  public void close() {
    LineChannel open;
    synchronized (stateLock) {
      if (state == State.CLOSED) {
        return;
      }
      state = State.CLOSED;
      generation++;
      open = channel;
      channel = null;
      if (pending != null) {
        pending.result.completeExceptionally(new LinkDownException(dialect.name() + ": closed"));
        pending = null;
      }
    }
    supervisor.close();
    events.close();
    ownThreads.forEach(ExecutorService::shutdownNow);
    if (open != null) {
      open.close();
    }
  }

  private void onLine(int gen, String text) {
    Instant at = clock.instant();
    if (text.isBlank()) {
      return; // RUI3 separates value and status with an empty line; it carries nothing.
    }
    synchronized (stateLock) {
      if (gen != generation) {
        return;
      }
      PendingCommand p = pending;
      if (p != null && p.offer(text, dialect.unsolicited())) {
        if (p.result.isDone()) {
          pending = null;
        }
        return;
      }
    }
    events.execute(() -> deliver(new LineEvent(text, at)));
  }

  private void deliver(LineEvent event) {
    try {
      listener.accept(event);
    } catch (RuntimeException e) {
      log.warn("{}: listener failed on \"{}\"", dialect.name(), event.text(), e);
    }
  }

  private List<String> abandon(PendingCommand p) {
    synchronized (stateLock) {
      if (pending == p) {
        pending = null;
      }
      return List.copyOf(p.lines);
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread t = new Thread(runnable, name);
      t.setDaemon(true);
      return t;
    };
  }

  @Override
  LineReceiver receiver(int gen) {
    return new Receiver(gen);
  }

  private final class Receiver implements LineReceiver {
    private final int gen;

    Receiver(int gen) {
      this.gen = gen;
    }

    @Override
    public void onLine(String line) {
      SerialLine.this.onLine(gen, line);
    }

    @Override
    public void onLinkDown(LinkDownException cause) {
      linkDown(gen, cause);
    }
  }
}
