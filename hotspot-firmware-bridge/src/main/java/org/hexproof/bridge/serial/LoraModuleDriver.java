package org.hexproof.bridge.serial;

import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.hexproof.bridge.radio.RadioPort;
import org.hexproof.bridge.radio.RadioSettings;
import org.hexproof.bridge.radio.ReceivedFrame;
import org.hexproof.bridge.radio.TransmitResult;
import org.hexproof.bridge.tasks.Workers;
import org.hexproof.core.radio.LoraAirtime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the LoRa module drivers share: the {@link SerialLine}, the settings and receive state that a
 * reconnect restores, and the lock that keeps a driver's multi-command sequences (stop RX, send,
 * listen again) from interleaving with its event handling.
 */
abstract class LoraModuleDriver implements RadioPort {
  private static final Logger log = LoggerFactory.getLogger(LoraModuleDriver.class);
  static final HexFormat HEX = HexFormat.of().withUpperCase();

  final SerialLine line;
  final Clock clock;
  final Duration commandTimeout;
  final Object radioLock = new Object();
  volatile RadioSettings settings;
  volatile boolean receiving;
  private volatile Consumer<ReceivedFrame> frames = frame -> {};

  LoraModuleDriver(
      LineChannelOpener opener,
      LineDialect dialect,
      SerialLineOptions options,
      Clock clock,
      Duration commandTimeout,
      Workers workers) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
    // null: the line makes threads of its own
    this.line =
        workers == null
            ? new SerialLine(opener, dialect, options, clock)
            : new SerialLine(opener, dialect, options, clock, workers);
    line.setListener(this::onEvent);
    line.setReconnectHook(this::restore);
  }

  /**
   * Opens the serial line.
   *
   * @throws org.hexproof.bridge.radio.LinkDownException when the device cannot be opened
   */
  public void start() {
    line.start();
  }

  /** Whether the serial link is open now (false while reopening). */
  public boolean isLinkUp() {
    return line.isUp();
  }

  @Override
  public final void configure(RadioSettings newSettings) {
    Objects.requireNonNull(newSettings, "settings");
    synchronized (radioLock) {
      apply(newSettings);
      settings = newSettings;
      if (receiving) {
        listen();
      }
    }
  }

  @Override
  public final TransmitResult transmit(byte[] payload) {
    Objects.requireNonNull(payload, "payload");
    if (payload.length < 1 || payload.length > 255) {
      throw new IllegalArgumentException("payload: expected 1..255 bytes, got " + payload.length);
    }
    RadioSettings current = requireSettings();
    Duration airtime = LoraAirtime.timeOnAir(current.modulation(), payload.length).duration();
    synchronized (radioLock) {
      send(payload, airtime.plus(commandTimeout));
    }
    return new TransmitResult(payload.length, airtime, clock.instant());
  }

  @Override
  public final void startReceiving(Consumer<ReceivedFrame> listener) {
    Objects.requireNonNull(listener, "listener");
    requireSettings();
    synchronized (radioLock) {
      frames = listener;
      if (!receiving) {
        listen();
        receiving = true;
      }
    }
  }

  @Override
  public final void stopReceiving() {
    synchronized (radioLock) {
      if (receiving) {
        receiving = false;
        unlisten();
      }
    }
  }

  @Override
  public void close() {
    line.close();
  }

  /** Sends the module's setting commands; the receiver is off or will be re-armed after. */
  abstract void apply(RadioSettings newSettings);

  /** Sends one frame and waits for the module's done report, within {@code timeout}. */
  abstract void send(byte[] payload, Duration timeout);

  /** Turns continuous receive on. */
  abstract void listen();

  /** Turns receive off. */
  abstract void unlisten();

  /** Handles an unsolicited line, on the line's event thread. */
  abstract void onEvent(LineEvent event);

  /** Sends a command with the default timeout. */
  final List<String> command(String text, Predicate<String> isFinal) {
    return line.command(text, isFinal, commandTimeout);
  }

  /** Hands a received frame to the listener. */
  final void deliver(ReceivedFrame frame) {
    frames.accept(frame);
  }

  /** The frequency frames arrive on: the configured one. */
  final long listeningFrequencyHz() {
    RadioSettings current = settings;
    return current == null ? 0 : current.frequencyHz();
  }

  private RadioSettings requireSettings() {
    RadioSettings current = settings;
    if (current == null) {
      throw new IllegalStateException("configure the radio first");
    }
    return current;
  }

  private void restore() {
    RadioSettings current = settings;
    if (current != null) {
      log.info("restoring {} after reconnect", current);
      configure(current);
    }
  }
}
