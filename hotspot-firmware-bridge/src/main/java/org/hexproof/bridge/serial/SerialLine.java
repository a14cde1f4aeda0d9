package org.hexproof.bridge.serial;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.hexproof.bridge.radio.CommandTimeoutException;
import org.hexproof.bridge.radio.LinkDownException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A command/reply conversation with one module over a {@link LineChannel}.
 *
 * <p>Threads: the channel's reader frames lines and hands each to the outstanding command or, when
 * it is unsolicited, to the listener on this line's single <em>event</em> thread (so a listener may
 * itself send commands). A <em>supervisor</em> thread pings an idle link and reopens a dead one
 * with exponential backoff, then runs the reconnect hook on the event thread; a failing hook counts
 * as a dead link, so it is retried after the next backoff. {@link #start} and {@link #close} bound
 * the lifecycle.
 */
public final class SerialLine implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(SerialLine.class);

  private enum State {
    NEW,
    UP,
    DOWN,
    CLOSED
  }

  private final LineChannelOpener opener;
  private final LineDialect dialect;
  private final SerialLineOptions options;
  private final Clock clock;
  private final ReentrantLock commandLock = new ReentrantLock(true);
  private final Object stateLock = new Object();
  private final ExecutorService events;
  private final ScheduledExecutorService supervisor;
  private volatile Consumer<LineEvent> listener = event -> {};
  private volatile Runnable reconnectHook = () -> {};
  private volatile long lastReplyNanos = System.nanoTime();

  // Guarded by stateLock.
  private State state = State.NEW;
  private LineChannel channel;
  private int generation;
  private Pending pending;
  private Duration backoff;

  /**
   * @param opener opens the device, now and after every failure
   * @param dialect how to tell events from replies, and how to ping
   * @param options ping and backoff timing
   * @param clock stamps every line as it is framed
   */
  public SerialLine(
      LineChannelOpener opener, LineDialect dialect, SerialLineOptions options, Clock clock) {
    this.opener = Objects.requireNonNull(opener, "opener");
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.options = Objects.requireNonNull(options, "options");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.backoff = options.initialBackoff();
    this.events = Executors.newSingleThreadExecutor(daemon("serial-events " + dialect.name()));
    this.supervisor =
        Executors.newSingleThreadScheduledExecutor(daemon("serial-supervisor " + dialect.name()));
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
    LineChannel opened = opener.open(new Receiver(gen));
    synchronized (stateLock) {
      state = State.UP;
      channel = opened;
    }
    long pingMillis = options.pingInterval().toMillis();
    if (pingMillis > 0) {
      long check = Math.max(10, pingMillis / 4);
      supervisor.scheduleWithFixedDelay(this::pingIfIdle, check, check, TimeUnit.MILLISECONDS);
    }
  }

  /** Whether the link is open now. */
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
  public List<String> command(String line, Predicate<String> isFinal, Duration timeout) {
    Pending p = new Pending(line, Objects.requireNonNull(isFinal, "isFinal"));
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
    supervisor.shutdownNow();
    events.shutdownNow();
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
      Pending p = pending;
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

  private List<String> abandon(Pending p) {
    synchronized (stateLock) {
      if (pending == p) {
        pending = null;
      }
      return List.copyOf(p.lines);
    }
  }

  /** The delay before the next reopen; doubles the one after, up to the maximum. */
  private Duration nextDelay() {
    Duration delay = backoff;
    Duration doubled = backoff.multipliedBy(2);
    backoff = doubled.compareTo(options.maxBackoff()) > 0 ? options.maxBackoff() : doubled;
    return delay;
  }

  private int nextGeneration() {
    synchronized (stateLock) {
      return ++generation;
    }
  }

  private void linkDown(int gen, LinkDownException cause) {
    LineChannel dead;
    Duration delay;
    synchronized (stateLock) {
      if (state != State.UP || gen != generation) {
        return;
      }
      state = State.DOWN;
      generation++;
      dead = channel;
      channel = null;
      if (pending != null) {
        pending.result.completeExceptionally(cause);
        pending = null;
      }
      delay = nextDelay(); // reset only once a reconnect hook succeeds: failing hooks back off
    }
    log.warn("{}: link down ({}); reopening in {} ms", dialect.name(), cause, delay.toMillis());
    supervisor.execute(dead::close);
    supervisor.schedule(this::reopen, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void reopen() {
    int gen;
    synchronized (stateLock) {
      if (state != State.DOWN) {
        return;
      }
      gen = ++generation;
    }
    LineChannel opened;
    try {
      opened = opener.open(new Receiver(gen));
    } catch (LinkDownException e) {
      Duration delay;
      synchronized (stateLock) {
        delay = nextDelay();
      }
      log.info("{}: reopen failed ({}); next try in {} ms", dialect.name(), e, delay.toMillis());
      supervisor.schedule(this::reopen, delay.toMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    synchronized (stateLock) {
      if (state != State.DOWN || gen != generation) {
        opened.close();
        return;
      }
      state = State.UP;
      channel = opened;
    }
    lastReplyNanos = System.nanoTime();
    log.info("{}: link reopened", dialect.name());
    events.execute(this::runReconnectHook);
  }

  private void runReconnectHook() {
    int gen;
    synchronized (stateLock) {
      gen = generation;
    }
    try {
      reconnectHook.run();
      synchronized (stateLock) {
        backoff = options.initialBackoff();
      }
    } catch (RuntimeException e) {
      // E.g. the module was not listening yet: reopen and run the hook again, backing off.
      linkDown(gen, new LinkDownException(dialect.name() + ": reconnect hook failed: " + e, e));
    }
  }

  private void pingIfIdle() {
    long idle = System.nanoTime() - lastReplyNanos;
    if (!isUp() || idle < options.pingInterval().toNanos() || !commandLock.tryLock()) {
      return;
    }
    int gen;
    synchronized (stateLock) {
      gen = generation;
    }
    try {
      command(dialect.pingCommand(), dialect.pingFinal(), options.pingTimeout());
    } catch (CommandTimeoutException e) {
      linkDown(gen, new LinkDownException(dialect.name() + ": ping unanswered", e));
    } catch (LinkDownException e) {
      log.debug("{}: ping found the link down: {}", dialect.name(), e.getMessage());
    } finally {
      commandLock.unlock();
    }
  }

  private static java.util.concurrent.ThreadFactory daemon(String name) {
    return runnable -> {
      Thread t = new Thread(runnable, name);
      t.setDaemon(true);
      return t;
    };
  }

  /** The command waiting for its reply. Fields are guarded by the line's stateLock. */
  private static final class Pending {
    final String command;
    final Predicate<String> isFinal;
    final List<String> lines = new ArrayList<>();
    final CompletableFuture<List<String>> result = new CompletableFuture<>();
    boolean echoSeen;

    Pending(String command, Predicate<String> isFinal) {
      this.command = command;
      this.isFinal = isFinal;
    }

    /** Takes {@code text} into the reply unless it is unsolicited; true when taken. */
    boolean offer(String text, Predicate<String> unsolicited) {
      if (!echoSeen && lines.isEmpty() && text.equals(command)) {
        echoSeen = true; // ATE1 / ESP-AT default echo
        return true;
      }
      if (isFinal.test(text)) {
        lines.add(text);
        result.complete(List.copyOf(lines));
        return true;
      }
      if (unsolicited.test(text)) {
        return false;
      }
      lines.add(text);
      return true;
    }
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
